import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { saveToFile } from '@minimax-ts/sdk/node';
import { indent, type Step } from '../context.ts';
import { formatBytes, formatSeconds, plural } from '../print.ts';

const text = 'Hello from the MiniMax TypeScript SDK. This clip was streamed, decoded from hex, and saved to disk.';
const BITRATE = 128_000;

/** Streamed speech: hex chunks decoded to MP3 bytes, saved with saveToFile. */
export const speechStep: Step = {
  title: 'Speech, streamed and saved to ./out/',
  call: "mm.speech.stream({ model: 'speech-2.6-turbo', … }) → saveToFile()",
  billable: true,
  async run({ mm, print, signal, outDir, target }) {
    const stream = await mm.speech.stream(
      {
        model: 'speech-2.6-turbo',
        text,
        voice_setting: { voice_id: 'English_Graceful_Lady' },
        audio_setting: { format: 'mp3', sample_rate: 32_000, bitrate: BITRATE, channel: 1 },
      },
      { signal },
    );
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    for await (const chunk of stream) {
      chunks.push(chunk);
      bytes += chunk.length;
      // A line per chunk is noise in a log: the running count is for terminals only.
      if (print.fancy)
        print.progress(indent(print.dim(`receiving: ${plural(chunks.length, 'chunk')}, ${formatBytes(bytes)}`)));
    }
    await mkdir(outDir, { recursive: true });
    const path = join(outDir, 'tour-speech.mp3');
    const written = await saveToFile(Buffer.concat(chunks), path);
    const shown = relative(process.cwd(), path) || path;
    print.line(
      indent(
        `${print.green('saved')} ${shown} ${print.dim(`(${formatBytes(written)}, ${plural(chunks.length, 'chunk')})`)}`,
      ),
    );

    // The server states the duration on the final event; without it, estimate it from the size and the bitrate.
    const info = stream.finalEvent?.extra_info as { audio_length?: number; bitrate?: number } | undefined;
    if (info?.audio_length !== undefined) {
      print.line(
        indent(
          `duration ${formatSeconds(info.audio_length)} ${print.dim("(the final event's extra_info.audio_length)")}`,
        ),
      );
    } else {
      const ms = (written * 8 * 1000) / (info?.bitrate ?? BITRATE);
      print.line(
        indent(
          `duration ~${formatSeconds(ms)} ${print.dim(`(estimated: ${written} bytes × 8 ÷ ${info?.bitrate ?? BITRATE} bit/s)`)}`,
        ),
      );
    }
    if (target === 'mock') {
      print.line(indent(print.dim("the mock's audio is a stand-in: a few bytes, not the clip its metadata describes")));
    }
  },
};
