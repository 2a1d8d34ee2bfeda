/**
 * The mock, for the real-time speech bench: its speech WebSocket with pacing off (no first-audio delay, no delay
 * between frames) and its HTTP speech stream without delay, in a process of its own so the client's timings are the
 * client's. Run with `node --conditions=@minimax-ts/source --import tsx`; prints `{"port":N}`, stops on SIGTERM.
 */

import { startMock } from '@minimax-ts/mock';

const mock = await startMock({
  port: 0,
  streamDelayMs: 0,
  ws: { firstAudioDelayMs: 0, chunkDelayMs: 0, idleTimeoutMs: 0 },
});
process.stdout.write(`${JSON.stringify({ port: mock.port })}\n`);
process.on('SIGTERM', () => void mock.close().then(() => process.exit(0)));
