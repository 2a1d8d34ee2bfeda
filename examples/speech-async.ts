/**
 * Long-text speech as a task (`POST /v1/t2a_async_v2`): create, wait, download the result (a .tar with the audio
 * and its subtitles) through the files API. Task ids are 18-digit numbers: the SDK keeps them as strings.
 *
 *   npm run example -- speech-async     # writes out/speech-async.tar
 */
import { mkdir } from 'node:fs/promises';
import { MiniMax } from '@minimax-ts/sdk';
import { saveToFile } from '@minimax-ts/sdk/node';

const mm = new MiniMax();
// `npm run example` sets this low against the mock; against the API the SDK polls every 5 s.
const pollInterval = Number(process.env.EXAMPLE_POLL_INTERVAL_MS) || undefined;

const task = await mm.speech.tasks.create({
  model: 'speech-2.6-hd',
  text: 'Chapter one. It was a bright cold day in April, and the clocks were striking thirteen.',
  voice_setting: { voice_id: 'English_Graceful_Lady' },
});
console.log(`task ${task.task_id} created`);

const done = await mm.speech.tasks.wait(task.task_id!, {
  pollInterval,
  onProgress: (p) => console.log(`  ${p.status} after ${p.elapsedMs} ms (poll ${p.polls})`),
});

await mkdir('out', { recursive: true });
const bytes = await saveToFile(await mm.files.content(done.file_id!), 'out/speech-async.tar');
console.log(`saved out/speech-async.tar: ${bytes} bytes (file_id ${done.file_id})`);
