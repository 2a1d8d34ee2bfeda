/** Public option and handle types of the mock server. */
import type { BodyLimits } from './body-budget.ts';

/**
 * Options of {@link startMock} (the CLI flags map onto them one to one).
 *
 * @example
 * ```ts
 * const mock = await startMock({ port: 0, dynamic: true, seed: 'ci', streamDelayMs: 0, taskPolls: 1 });
 * ```
 */
export interface MockOptions {
  /** TCP port; `0` picks a free one (tests). Default 4010. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1` (the mock has no auth worth the name: keep it local). */
  host?: string;
  /**
   * The base URL clients reach the mock at, when it is not the address it listens on (a container, a LAN name):
   * `download_url`s point there. Default: the listening address (never the request's Host header).
   */
  publicUrl?: string;
  /**
   * The effective OpenAPI document: a path to a JSON file, or the parsed object.
   * Default: the `spec/minimax.openapi.json` shipped in this package.
   */
  spec?: string | object;
  /** Generate JSON bodies from the schemas instead of serving the spec's examples. Default false. */
  dynamic?: boolean;
  /** Seed for `dynamic` generation and for ids, so a run can be reproduced. */
  seed?: string;
  /** Milliseconds between two stream events. Default 25. */
  streamDelayMs?: number;
  /** Polls a task spends in non-terminal statuses before `Success` / `Fail`. Default 3. */
  taskPolls?: number;
  /**
   * A video task created with a `callback_url` advances on its own, one status every `taskStepMs` (default 1000), and
   * the mock POSTs the challenge and then each status change to that URL. Polls still advance it as well.
   */
  taskStepMs?: number;
  /** Reload the spec when its file changes (only when `spec` is a path). Default false; the CLI turns it on. */
  watch?: boolean;
  /**
   * Pacing of the speech WebSocket: delay before each request's first audio frame (default 150 ms), between two
   * audio frames (default `streamDelayMs`), and the idle time before the server closes with 2201 (default 120 000).
   * All 0 for benchmarks (idle 0 = never).
   */
  ws?: { firstAudioDelayMs?: number; chunkDelayMs?: number; idleTimeoutMs?: number };
  /** Receives one line per request and per reload. Default: silent. */
  log?: (line: string) => void;
  /** Caps on request bodies held in memory (per request: 64 MB; all requests in flight together: 256 MB). */
  limits?: BodyLimits;
}

/**
 * A running mock.
 *
 * @example
 * ```ts
 * const mock = await startMock({ port: 0 });
 * await fetch(`${mock.url}/__health`);
 * await mock.close();
 * ```
 */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:4010` — use it as the SDK's `baseURL`. */
  url: string;
  port: number;
  /** Stops listening and destroys every open connection (idle, streaming, stalled). Resolves when all are gone. */
  close(): Promise<void>;
  /** Re-reads the spec (what the file watcher does on change). Rejects, keeping the old spec, if it is invalid. */
  reload(): Promise<void>;
  /** Forgets files, tasks and one-shot scenario counters (also `POST /__reset`). */
  reset(): void;
}
