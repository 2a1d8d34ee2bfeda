/**
 * MiniMax-H3 video (Video Generation V2, `mm.video.v2`): turn an idea into a structured prompt with the enhancer,
 * generate the video with a progress callback, list the recent tasks, and cancel one that is still queued. Every
 * error raised after a task exists carries `taskId`: the task keeps running on the server and can be waited for
 * again. (The Hailuo models are V1: `npm run example -- video`.)
 *
 *   npm run example -- video-v2           # writes out/video-v2.mp4
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { InvalidParamsError, MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();
// `npm run example` sets this low against the mock; against the API the SDK polls every 5 s.
const pollInterval = Number(process.env.EXAMPLE_POLL_INTERVAL_MS) || undefined;
const idea = 'A lighthouse keeper climbs a spiral staircase at dusk as the great lamp flickers on';
const shot = { model: 'MiniMax-H3', duration: 6, ratio: '16:9' as const };

// 1. The prompt enhancer (H3-Context-IR): a structured prompt with picture, sound and music sections, no video.
const prompt = await mm.video.v2.enhancePrompt({ ...shot, content: [{ type: 'text', text: idea }] }, { pollInterval });
console.log(`enhanced prompt:\n${prompt}\n`);

// 2. The video, from the enhanced prompt.
const video = await mm.video.v2.generate(
  { ...shot, content: [{ type: 'text', text: prompt }], resolution: '768P' },
  {
    pollInterval,
    onProgress: ({ taskId, status, elapsedMs, polls }) =>
      console.log(`task ${taskId}: ${status} after ${(elapsedMs / 1000).toFixed(1)} s (poll ${polls})`),
  },
);
const { task } = video;
console.log(`video ${task.resolution}, ${task.ratio}, ${task.duration} s; ${task.usage?.total_tokens} tokens`);
// The URL is time-limited: download it now (retrieve the task again for a fresh one).
const download = await fetch(video.url);
if (!download.ok) throw new Error(`download failed: HTTP ${download.status}`);
await mkdir('out', { recursive: true });
const bytes = new Uint8Array(await download.arrayBuffer());
await writeFile('out/video-v2.mp4', bytes);
console.log(`saved out/video-v2.mp4: ${bytes.length} bytes`);

// 3. The tasks of the last 7 days, newest first (`for await` reads page after page).
let listed = 0;
for await (const recent of mm.video.v2.list({ page_size: 10 })) {
  if (++listed > 5) break;
  console.log(`listed ${recent.id}: ${recent.task_type} ${recent.status}`);
}

// 4. Cancel a task while it is queued (nothing is charged); a running one can no longer be cancelled.
const { task_id } = await mm.video.v2.create({ ...shot, content: [{ type: 'text', text: idea }], resolution: '768P' });
try {
  const { outcome } = await mm.video.v2.cancel(task_id);
  console.log(`task ${task_id}: ${outcome}`);
} catch (error) {
  if (!(error instanceof InvalidParamsError)) throw error;
  console.log(`task ${task_id} already started and cannot be cancelled: ${error.serverMessage}`);
}
