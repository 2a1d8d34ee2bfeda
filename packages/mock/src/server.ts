/**
 * The HTTP server around MockApp: listen, track every socket so `close()` leaves nothing behind (idle keep-alive
 * connections and stalled streams included), and swap the spec on reload without dropping in-flight requests
 * (each request keeps the spec it started with).
 */
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { MockApp } from './app.ts';
import { DEFAULT_SPEC_PATH, loadSpec, type SpecRuntime, watchSpec } from './spec-loader.ts';
import type { MockOptions, MockServer } from './types.ts';
import { attachSpeechWebSocket } from './ws/attach.ts';

/**
 * Starts a mock MiniMax API server.
 *
 * @example
 * ```ts
 * const mock = await startMock({ port: 0 });
 * const client = new MiniMax({ apiKey: 'test', baseURL: mock.url });
 * // …
 * await mock.close();
 * ```
 */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const spec = options.spec ?? DEFAULT_SPEC_PATH;
  const log = options.log ?? (() => {});
  let runtime: SpecRuntime = await loadSpec(spec);

  const shutdown = new AbortController();
  // Every open stream listens for shutdown; hundreds of concurrent streams are normal, not a leak.
  setMaxListeners(0, shutdown.signal);
  const app = new MockApp(
    () => runtime,
    {
      dynamic: options.dynamic ?? false,
      ...(options.seed !== undefined && { seed: options.seed }),
      streamDelayMs: options.streamDelayMs ?? 25,
      taskPolls: options.taskPolls ?? 3,
    },
    shutdown.signal,
    log,
  );

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void app.handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client that vanishes mid-request must not crash the process.
  server.on('clientError', (_err, socket) => socket.destroy());
  // MiniMax's speech WebSocket on the same port (`/ws/v1/t2a_v2`, `/ws/v1/t2a_v2_bidi`).
  const ws = {
    firstAudioDelayMs: 150,
    chunkDelayMs: options.streamDelayMs ?? 25,
    idleTimeoutMs: 120_000,
    ...options.ws,
  };
  attachSpeechWebSocket(server, ws, shutdown.signal, log);

  await listen(server, options.port ?? 4010, options.host ?? '127.0.0.1');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('mock server has no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  const reload = async () => {
    runtime = await loadSpec(spec);
    log(`spec reloaded: ${runtime.index.operations.length} operations from ${runtime.source}`);
  };
  let unwatch: (() => void) | undefined;
  if (options.watch && typeof spec === 'string') {
    unwatch = watchSpec(runtime.source, () => {
      reload().catch((err: Error) => log(`spec reload failed, keeping the previous spec: ${err.message}`));
    });
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      unwatch?.();
      shutdown.abort(); // wakes every sleeping stream so it can notice the shutdown
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url, port: address.port, close, reload, reset: () => app.state.reset() };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
