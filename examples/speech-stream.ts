/**
 * Streamed speech written to a file as it arrives. MiniMax's final event repeats the whole clip by default; the
 * stream yields each byte once (and asks the server to leave the repeat out).
 *
 *   npm run example -- speech-stream    # writes out/speech-stream.mp3
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();

const stream = await mm.speech.stream({
  model: 'speech-2.6-turbo',
  text: 'Streaming lets playback start before the whole sentence has been synthesised.',
  voice_setting: { voice_id: 'English_Graceful_Lady' },
  audio_setting: { format: 'mp3', sample_rate: 32_000, bitrate: 128_000, channel: 1 },
});

await mkdir('out', { recursive: true });
const file = createWriteStream('out/speech-stream.mp3');
let chunks = 0;
for await (const bytes of stream) {
  chunks++;
  if (!file.write(bytes)) await once(file, 'drain');
}
file.end();
await once(file, 'finish');

const info = stream.finalEvent?.extra_info as { audio_length?: number } | undefined;
console.log(`saved out/speech-stream.mp3: ${stream.byteLength} bytes in ${chunks} chunks, ${info?.audio_length} ms`);
