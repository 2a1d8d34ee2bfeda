/**
 * Video callbacks instead of polling: start a receiver (a Node `http` server running the SDK's callback handler),
 * create a Hailuo video task with `callback_url` pointing at it, and print each status change MiniMax POSTs until the
 * task is done. The handler answers MiniMax's verification challenge by itself; `confirm` re-queries the task before
 * each event reaches us, because nothing in a callback proves it came from MiniMax. The URL carries a random token.
 *
 *   npm run example -- video-callback
 *
 * Against the real API MiniMax must be able to reach the receiver: expose a port (e.g. `ngrok http 8787`) and run
 * with EXAMPLE_CALLBACK_PORT=8787 EXAMPLE_CALLBACK_URL=https://<your-tunnel>.ngrok.app.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MiniMax } from '@minimax-ts/sdk';
import { createVideoCallbackHandler, type VideoStatusEvent } from '@minimax-ts/sdk/callbacks';
import { toNodeListener } from '@minimax-ts/sdk/node';

const mm = new MiniMax();
const token = randomBytes(16).toString('hex');

let done = false;
let finish!: (event: VideoStatusEvent) => void;
const finished = new Promise<VideoStatusEvent>((resolve) => {
  finish = resolve;
});

const handler = createVideoCallbackHandler({
  confirm: { client: mm },
  onChallenge: () => console.log('challenge answered: MiniMax verified the callback URL'),
  onEvent: (event) => {
    if (done) return; // a late or repeated update after the final one
    const how = event.verified ? 'confirmed by a query' : 'unconfirmed';
    console.log(`task ${event.taskId}: ${event.status} (${event.state}, ${how})`);
    if (event.state !== 'pending') {
      done = true;
      finish(event);
    }
  },
});

const path = `/minimax/video/${token}`;
const listener = toNodeListener(handler);
// Only the unguessable URL reaches the handler.
const server = createServer((req, res) => (req.url === path ? listener(req, res) : res.writeHead(404).end()));
await new Promise<void>((resolve) => server.listen(Number(process.env.EXAMPLE_CALLBACK_PORT ?? 0), resolve));
const { port } = server.address() as AddressInfo;
const base = process.env.EXAMPLE_CALLBACK_URL?.replace(/\/+$/, '') ?? `http://127.0.0.1:${port}`;

try {
  const { task_id } = await mm.video.create({
    model: 'MiniMax-Hailuo-02',
    prompt: 'A paper boat drifting down a rainy street',
    duration: 6,
    resolution: '768P',
    callback_url: `${base}${path}`,
  });
  console.log(`task ${task_id} created; waiting for callbacks on port ${port}`);

  // A callback may never come (an unreachable URL, a lost POST): give up after a while; the task id still finds it.
  const timeout = new Promise<undefined>((resolve) => {
    AbortSignal.timeout(20 * 60_000).addEventListener('abort', () => resolve(undefined));
  });
  const event = await Promise.race([finished, timeout]);
  if (!event) throw new Error(`no final callback for task ${task_id}; query it with mm.video.retrieve('${task_id}')`);
  if (event.state === 'failed') throw new Error(`task ${task_id} ${event.status}: ${event.error?.message ?? ''}`);
  if (event.api !== 'v1' || !event.fileId) throw new Error(`task ${task_id} succeeded without a file_id`);
  const { file } = await mm.files.retrieve(event.fileId);
  console.log(`video file_id ${event.fileId}\ndownload: ${file?.download_url}`);
} finally {
  server.closeAllConnections();
  server.close();
}
