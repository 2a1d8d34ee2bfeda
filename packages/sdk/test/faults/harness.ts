/**
 * What every fault test checks besides its own assertions: no unhandled rejection after any test, and, once the
 * file's servers are closed, no socket or timer left behind (so the process could exit on its own). Servers made
 * through the harness are closed before that check.
 */

import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type ClientOptions, MiniMax } from '../../src/index.ts';
import { type FaultServer, type Handler, startFaultServer } from './fault-server.ts';

export { closedPort } from '../closed-port.ts';

/** Resource kinds that keep a process alive: sockets, listening servers, ref'd timers. */
const WATCHED = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'] as const;
type Counts = Record<(typeof WATCHED)[number], number>;

export function activeHandles(): Counts {
  const counts: Counts = { TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 };
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind in counts) counts[kind as keyof Counts]++;
  }
  return counts;
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with what the promise rejected with; fails the test if it resolved. */
export async function caught(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the call succeeded');
}

/** Runs `fn` and returns its error (it must fail) and how long the failure took. */
export async function timedFailure(fn: () => PromiseLike<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await caught(fn());
  return { error, ms: performance.now() - started };
}

/** The generous bound for "fails within a bounded time" on a noisy 2-core machine. */
export const BOUND_MS = 5_000;

export interface Harness {
  /** A fault server closed when the file ends. */
  server(routes?: Record<string, Handler>, port?: number): Promise<FaultServer>;
  /** The mock server (one per call), closed when the file ends. */
  mock(options?: Parameters<typeof startMock>[0]): Promise<MockServer>;
  /** A client for `baseURL` with quiet logs and a short poll interval. */
  client(baseURL: string, options?: ClientOptions): MiniMax;
  /** Unhandled rejections seen since the file started. */
  readonly rejections: readonly unknown[];
}

export function useHarness(): Harness {
  const rejections: unknown[] = [];
  const closers: Array<() => Promise<void>> = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  let baseline: Counts | undefined;

  beforeAll(async () => {
    baseline = await quietBaseline();
    process.on('unhandledRejection', onRejection);
  });

  afterEach(async () => {
    // An unhandled rejection is reported after the microtask queue drains: give it a turn of the event loop.
    await delay(20);
    expect(rejections, 'unhandled rejections').toEqual([]);
  });

  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    process.off('unhandledRejection', onRejection);
    await expectNoLeaks(baseline!);
  }, 15_000);

  return {
    async server(routes, port) {
      const server = await startFaultServer(routes, port);
      closers.push(() => server.close());
      return server;
    },
    async mock(options) {
      const server = await startMock({ port: 0, streamDelayMs: 1, taskPolls: 1, ...options });
      closers.push(() => server.close());
      return server;
    },
    client(baseURL, options) {
      return new MiniMax({ apiKey: 'test-key', baseURL, logLevel: 'off', pollInterval: 10, ...options });
    },
    rejections,
  };
}

/**
 * The resources alive before the file's tests. Vitest's runner itself arms a throttle timer (≤ 100 ms) now and then,
 * so take the minimum over a short window: that is the floor the file must come back to.
 */
async function quietBaseline(): Promise<Counts> {
  const floor = activeHandles();
  for (let i = 0; i < 15; i++) {
    await delay(10);
    const now = activeHandles();
    for (const kind of WATCHED) floor[kind] = Math.min(floor[kind], now[kind]);
  }
  return floor;
}

/** Waits (up to 3 s: sockets close asynchronously) for a moment when every watched resource is back to the floor. */
async function expectNoLeaks(baseline: Counts): Promise<void> {
  let now = activeHandles();
  const leaked = () => WATCHED.filter((kind) => now[kind] > baseline[kind]);
  for (let waited = 0; leaked().length > 0 && waited < 3_000; waited += 25) {
    await delay(25);
    now = activeHandles();
  }
  expect(leaked(), `resources left behind: ${process.getActiveResourcesInfo().join(', ')}`).toEqual([]);
}
