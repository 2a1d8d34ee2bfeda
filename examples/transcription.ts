/**
 * Speech to text (asr-1.0): the transcript as JSON, speaker segments with timestamps (`verbose_json`), SRT subtitles,
 * and the text streamed as it is recognised. Pass your own recording (mp3, m4a, wav, flac, ogg…, at most 500 s and
 * 50 MB); without one the example synthesises a short clip with the speech API first.
 *
 *   npm run example -- transcription                     # a synthetic clip
 *   npm run example -- transcription path/to/talk.mp3    # your audio
 */
import { MiniMax } from '@minimax-ts/sdk';
import { fileFromPath } from '@minimax-ts/sdk/node';

const mm = new MiniMax();
const path = process.argv[2];

// Your recording, read lazily from disk; or a clip made with the speech API (a Uint8Array of MP3 bytes).
const audio = path
  ? { file: await fileFromPath(path) }
  : {
      filename: 'synthetic-clip.mp3',
      file: (
        await mm.speech.create({
          model: 'speech-2.6-hd',
          text: 'Can we go over the agenda? Sure, let us start with the budget.',
          voice_setting: { voice_id: 'English_Graceful_Lady' },
        })
      ).audio!,
    };

const { text, duration, trace_id } = await mm.transcriptions.create({ ...audio, model: 'asr-1.0', language: 'en' });
console.log(`text: ${text}\nduration: ${duration} s, trace id ${trace_id}`);

const verbose = await mm.transcriptions.create({ ...audio, model: 'asr-1.0', response_format: 'verbose_json' });
console.log(`speakers: ${verbose.n_speakers}`);
for (const s of verbose.segments ?? [])
  console.log(`  [${s.start.toFixed(2)}–${s.end.toFixed(2)} s] ${s.speaker}: ${s.text}`);

const srt = await mm.transcriptions.create({ ...audio, model: 'asr-1.0', response_format: 'srt' });
console.log(`srt:\n${srt.trimEnd()}`);

const stream = await mm.transcriptions.create({ ...audio, model: 'asr-1.0', stream: true });
process.stdout.write('streamed: ');
stream.on('text', (delta) => process.stdout.write(delta));
const streamed = await stream.finalText();
console.log(`\nstreamed ${streamed.length} characters, ${stream.duration} s of audio`);
