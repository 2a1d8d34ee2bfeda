/**
 * A voice agent's loop: an LLM's streamed answer goes, piece by piece, into a real-time speech session (MiniMax's
 * bidirectional WebSocket buffers the pieces into sentences), and the audio is written to a file as it arrives — the
 * first bytes a few hundred milliseconds after the first words.
 *
 *   npm run example -- realtime-speech    # writes out/realtime-speech.mp3
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();
const started = performance.now();

const speech = await mm.speech.connect({
  model: 'speech-2.8-turbo',
  voice_setting: { voice_id: 'English_Graceful_Lady' },
  audio_setting: { format: 'mp3', sample_rate: 32_000, bitrate: 128_000, channel: 1 },
  bidirectional: true,
});

await mkdir('out', { recursive: true });
const file = createWriteStream('out/realtime-speech.mp3');
let firstAudioMs: number | undefined;
const writing = (async () => {
  for await (const bytes of speech) {
    firstAudioMs ??= performance.now() - started;
    if (!file.write(bytes)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
})();

const chat = await mm.chat.create({
  model: 'MiniMax-M2',
  messages: [{ role: 'user', content: 'In two sentences: why do voice agents stream speech?' }],
  stream: true,
});
for await (const chunk of chat) speech.send(chunk.choices[0]?.delta?.content ?? '');

const summary = await speech.finish();
await writing;
console.log(`first audio after ${Math.round(firstAudioMs ?? 0)} ms`);
console.log(
  `saved out/realtime-speech.mp3: ${summary.audioBytes} bytes, ${summary.extraInfos.length} sentences, trace id ${summary.traceId}`,
);
