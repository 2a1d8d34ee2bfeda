/**
 * Voice cloning: upload a sample (purpose `voice_clone`), clone it under a voice id of your choice, speak with it,
 * delete it. Pass your own recording (10 s – 5 min, mp3/m4a/wav); without one the example synthesises a sample.
 *
 *   npm run example -- voice-clone                      # a synthetic sample
 *   npm run example -- voice-clone path/to/sample.mp3   # your voice
 */
import { MiniMax } from '@minimax-ts/sdk';
import { fileFromPath } from '@minimax-ts/sdk/node';

const mm = new MiniMax();
const samplePath = process.argv[2];

// Your recording, read lazily from disk; or a synthetic one made with the speech API.
const sample = samplePath
  ? { file: await fileFromPath(samplePath) }
  : {
      filename: 'synthetic-sample.mp3',
      file: (
        await mm.speech.create({
          model: 'speech-2.6-hd',
          text: 'This is a sample recording for voice cloning. It has to last at least ten seconds, so it keeps talking for a while about the weather, the sea, and the quiet streets of a harbour town in early spring.',
          voice_setting: { voice_id: 'English_Graceful_Lady' },
        })
      ).audio!,
    };

const { file } = await mm.files.upload({ ...sample, purpose: 'voice_clone' });
console.log(`uploaded ${file?.filename}: file_id ${file?.file_id}`);

// A voice id: 8–256 characters, starting with a letter; it must not exist yet.
const voiceId = `TsExample${Date.now()}`;
const cloned = await mm.voices.clone({
  file_id: file!.file_id,
  voice_id: voiceId,
  text: 'Hello! This is my cloned voice.',
  model: 'speech-2.6-hd',
});
console.log(`cloned as ${voiceId}; demo audio: ${cloned.demo_audio || '(none)'}`);

const speech = await mm.speech.create({
  model: 'speech-2.6-hd',
  text: 'Now I can say anything.',
  voice_setting: { voice_id: voiceId },
});
console.log(`spoke ${speech.audio?.length} bytes with the cloned voice`);

await mm.voices.delete({ voice_id: voiceId, voice_type: 'voice_cloning' });
await mm.files.delete({ file_id: file!.file_id, purpose: 'voice_clone' });
console.log(`deleted voice ${voiceId} and its sample`);
