/**
 * Text to speech in one call (`POST /v1/t2a_v2`): the SDK decodes MiniMax's hex audio into bytes.
 *
 *   npm run example -- speech           # writes out/speech.mp3
 */
import { mkdir } from 'node:fs/promises';
import { MiniMax } from '@minimax-ts/sdk';
import { saveToFile } from '@minimax-ts/sdk/node';

const mm = new MiniMax();

const result = await mm.speech.create({
  model: 'speech-2.6-hd',
  text: 'The quick brown fox jumps over the lazy dog.',
  voice_setting: { voice_id: 'English_Graceful_Lady', speed: 1 },
  audio_setting: { format: 'mp3', sample_rate: 32_000, bitrate: 128_000, channel: 1 },
});

await mkdir('out', { recursive: true });
const bytes = await saveToFile(result.audio!, 'out/speech.mp3');
console.log(`saved out/speech.mp3: ${bytes} bytes, ${result.extra_info?.audio_length} ms, trace id ${result.trace_id}`);
