/**
 * Bodies produced over time (SSE events, stalls, cut connections) as a web `ReadableStream`, so the same producer
 * serves the Node server and MSW. The producer writes with back-pressure, sleeps between events, and stops as soon as
 * the client goes away (the reader cancels, or the request's signal aborts) or the host shuts down: no timer and no
 * producer outlives its request.
 */

/** Timers above this fire at once (Node and browsers store the delay in 32 bits): longer waits are capped to it. */
export const MAX_WAIT_MS = 2_147_483_647;

/** What a producer writes to. */
export interface Sink {
  /** Enqueues a chunk and resolves when the reader wants more (or is gone). */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Ends the body with an error: the client sees a connection that broke mid-body. */
  cut(): void;
  /** Aborts when the client is gone or the host shuts down. */
  readonly signal: AbortSignal;
  /** True once the client is gone or the host shuts down. */
  readonly gone: boolean;
}

/** Thrown into the body when a scenario cuts the connection (the Node adapter destroys the socket). */
export class ConnectionCut extends Error {
  override name = 'ConnectionCut' as const;
}

const encoder = new TextEncoder();

/**
 * A body written by `produce`. The stream closes when `produce` resolves, errors when it throws or calls `cut()`,
 * and errors (so a waiting client fails rather than seeing a clean end) when `signal` aborts first.
 *
 * @example
 * ```ts
 * const body = liveStream(signal, async (sink) => {
 *   await sink.write('data: 1\n\n');
 *   await sleep(100, sink.signal);
 *   await sink.write('data: 2\n\n');
 * });
 * ```
 */
export function liveStream(signal: AbortSignal, produce: (sink: Sink) => Promise<void>): ReadableStream<Uint8Array> {
  const local = new AbortController();
  const combined = AbortSignal.any([signal, local.signal]);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let finished = false;
  let wake: (() => void) | undefined;
  const release = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const finish = (how: () => void) => {
    if (finished) return;
    finished = true;
    combined.removeEventListener('abort', onAbort);
    try {
      how();
    } catch {
      // the stream was already cancelled by its reader
    }
    release();
  };
  const onAbort = () => finish(() => controller.error(new ConnectionCut('the mock stopped this stream')));

  const sink: Sink = {
    signal: combined,
    get gone() {
      return finished || combined.aborted;
    },
    async write(chunk) {
      if (sink.gone) return;
      controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (wake = resolve));
    },
    cut: () => finish(() => controller.error(new ConnectionCut('connection cut by a scenario'))),
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (combined.aborted) return onAbort();
        combined.addEventListener('abort', onAbort, { once: true });
        // Started after start() returns, so the first write sees a ready controller.
        queueMicrotask(() => {
          produce(sink).then(
            () => finish(() => controller.close()),
            (err: unknown) => finish(() => controller.error(err)),
          );
        });
      },
      pull: release,
      cancel() {
        finished = true;
        combined.removeEventListener('abort', onAbort);
        local.abort();
        release();
      },
    },
    { highWaterMark: 1 },
  );
}

/** Resolves after `ms` (capped to what a timer can hold; `Infinity` = until aborted), or early on abort. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const finish = () => {
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = Number.isFinite(ms) ? setTimeout(finish, Math.min(Math.max(0, ms), MAX_WAIT_MS)) : undefined;
    signal.addEventListener('abort', finish, { once: true });
  });
}
