/**
 * The HTTP server around the mock core: listen, track every socket so `close()` leaves nothing behind (idle
 * keep-alive connections and stalled streams included), and swap the spec on reload without dropping in-flight
 * requests (each request keeps the spec it started with).
 */
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { MockApp } from './app.ts';
import { serveNode } from './node-adapter.ts';
import { DEFAULT_SPEC_PATH, loadSpec, type SpecRuntime, watchSpec } from './spec-loader.ts';
import type { MockOptions, MockServer } from './types.ts';
import { attachSpeechWebSocket } from './ws/attach.ts';

/**
 * A listen failure in one line (`EADDRINUSE` and friends), for the CLI and scripts to print without a stack.
 *
 * @example
 * ```ts
 * const mock = await startMock({ port: 4010 }).catch((err) => {
 *   if (err instanceof MockListenError && err.code === 'EADDRINUSE') return startMock({ port: 0 });
 *   throw err;
 * });
 * ```
 */
export class MockListenError extends Error {
  override name = 'MockListenError' as const;
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

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

  const app = new MockApp(
    () => runtime,
    {
      dynamic: options.dynamic ?? false,
      ...(options.seed !== undefined && { seed: options.seed }),
      streamDelayMs: options.streamDelayMs ?? 25,
      taskPolls: options.taskPolls ?? 3,
      taskStepMs: options.taskStepMs ?? 1_000,
    },
    log,
    options.limits,
  );

  const sockets = new Set<Socket>();
  let env = { baseUrl: 'http://127.0.0.1' };
  const server = createServer((req, res) => void serveNode(app, env, req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client that vanishes mid-request must not crash the process.
  server.on('clientError', (_err, socket) => socket.destroy());
  // MiniMax's speech WebSocket on the same port (`/ws/v1/t2a_v2`, `/ws/v1/t2a_v2_bidi`). Its sessions pace audio
  // with timers that `close()` must stop: every open session listens for `shutdown` (hundreds are not a leak).
  const shutdown = new AbortController();
  setMaxListeners(0, shutdown.signal);
  const ws = {
    firstAudioDelayMs: 150,
    chunkDelayMs: options.streamDelayMs ?? 25,
    idleTimeoutMs: 120_000,
    ...options.ws,
  };
  attachSpeechWebSocket(server, ws, shutdown.signal, log);

  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 4010, host);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('mock server has no TCP address');
  const url = `http://${urlHost(address.address, address.family)}:${address.port}`;
  env = { baseUrl: options.publicUrl?.replace(/\/+$/, '') ?? url };

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
      shutdown.abort();
      app.close();
      server.close(() => resolve());
      // Destroying a socket aborts its request's signal (node-adapter.ts), which wakes every stalled stream.
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url, port: address.port, close, reload, reset: () => app.state.reset() };
}

/**
 * The address clients use: a wildcard bind (`0.0.0.0`, `::`) is reachable locally at the loopback address, which
 * is what `download_url`s point at (pass `publicUrl` when others reach the mock under another name).
 */
function urlHost(address: string, family: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return family === 'IPv6' ? `[${address}]` : address;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      const message =
        err.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is already in use`
          : err.code === 'EACCES'
            ? `no permission to listen on ${where}`
            : err.code === 'EADDRNOTAVAIL'
              ? `${host} is not an address of this machine`
              : `cannot listen on ${where}: ${err.message}`;
      reject(new MockListenError(message, err.code, { cause: err }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
