/**
 * Music (`POST /v1/music_generation`); the hex audio arrives decoded. Only `model` is required: a song with vocals
 * takes `lyrics` (see the `lyrics` example to write them), an instrumental `is_instrumental: true` and a `prompt`.
 *
 *   npm run example -- music            # writes out/music.mp3 and out/music-instrumental.mp3
 */
import { mkdir } from 'node:fs/promises';
import { MiniMax } from '@minimax-ts/sdk';
import { saveToFile } from '@minimax-ts/sdk/node';

const mm = new MiniMax();

const song = await mm.music.generate({
  model: 'music-2.6',
  prompt: 'Indie folk, acoustic guitar, warm and hopeful',
  lyrics: '[Verse]\nMorning light on the harbour wall\n[Chorus]\nWe sail on, we sail on',
  audio_setting: { format: 'mp3', sample_rate: 44_100, bitrate: 256_000 },
});

await mkdir('out', { recursive: true });
const bytes = await saveToFile(song.audio!, 'out/music.mp3');
console.log(`saved out/music.mp3: ${bytes} bytes, ${song.extra_info?.music_duration} ms`);

const instrumental = await mm.music.generate({
  model: 'music-2.6',
  prompt: 'Lo-fi piano, rainy evening, slow tempo',
  is_instrumental: true,
});
const instrumentalBytes = await saveToFile(instrumental.audio!, 'out/music-instrumental.mp3');
console.log(`saved out/music-instrumental.mp3: ${instrumentalBytes} bytes (instrumental)`);
