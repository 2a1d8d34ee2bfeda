/**
 * Lyrics first (`POST /v1/lyrics_generation`), then a song sung with them (`POST /v1/music_generation`): the lyrics
 * come with structure tags and `style_tags` that make a good music prompt.
 *
 *   npm run example -- lyrics            # writes out/lyrics-song.mp3
 */
import { mkdir } from 'node:fs/promises';
import { MiniMax } from '@minimax-ts/sdk';
import { saveToFile } from '@minimax-ts/sdk/node';

const mm = new MiniMax();

const written = await mm.music.generateLyrics({
  mode: 'write_full_song',
  prompt: 'A cheerful love song about a summer day at the beach',
  title: 'Summer Breeze Promise',
});
console.log(`"${written.song_title}" (${written.style_tags})`);
console.log(written.lyrics.split('\n').slice(0, 4).join('\n'));

const song = await mm.music.generate({
  model: 'music-2.6',
  prompt: written.style_tags ?? 'Pop, summer',
  lyrics: written.lyrics,
  audio_setting: { format: 'mp3', sample_rate: 44_100, bitrate: 256_000 },
});
await mkdir('out', { recursive: true });
const bytes = await saveToFile(song.audio!, 'out/lyrics-song.mp3');
console.log(`saved out/lyrics-song.mp3: ${bytes} bytes`);
