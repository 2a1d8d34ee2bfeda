/**
 * Hailuo video: create a task, poll it with a progress callback, get the download URL. If anything fails, the
 * error carries `taskId`: the task keeps running on the server and can be waited for again.
 *
 *   npm run example -- video
 */
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();
// `npm run example` sets this low against the mock; against the API the SDK polls every 5 s.
const pollInterval = Number(process.env.EXAMPLE_POLL_INTERVAL_MS) || undefined;

const video = await mm.video.generate(
  { model: 'MiniMax-Hailuo-02', prompt: 'A paper boat drifting down a rainy street', duration: 6, resolution: '768P' },
  {
    pollInterval,
    onProgress: ({ taskId, status, elapsedMs, polls }) =>
      console.log(`task ${taskId}: ${status} after ${(elapsedMs / 1000).toFixed(1)} s (poll ${polls})`),
  },
);

console.log(`video ${video.video_width}×${video.video_height}, file_id ${video.file_id}`);
console.log(`download: ${video.download_url}`);
