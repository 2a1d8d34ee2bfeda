/**
 * MSW request handlers around the mock core: one catch-all per base URL hands the intercepted `Request` to the same
 * fetch handler the Node server runs, so scenarios, SSE streams, task lifecycles, files and error bodies are those of
 * the server mock, not a copy. The entry points (node.ts, browser.ts) only choose how the spec is loaded and which
 * contract engine checks requests.
 */
import { bypass, type HttpHandler, http } from 'msw';
import { MockApp } from '../app.ts';
import type { SpecRuntime } from '../spec-runtime.ts';

/**
 * The SDK's regional hosts: what a client built with `new MiniMax({ region })` calls (plus the older China host),
 * and what the handlers intercept by default.
 *
 * @example
 * ```ts
 * createHandlers({ baseUrl: [...DEFAULT_BASE_URLS, 'http://localhost:3000/minimax'] });
 * ```
 */
export const DEFAULT_BASE_URLS = [
  'https://api.minimax.io',
  'https://api.minimax.cn',
  'https://api.minimaxi.com',
] as const;

/**
 * Options of `createHandlers()` (the server mock's options that make sense in-process).
 *
 * @example
 * ```ts
 * const mock = createHandlers({ baseUrl: 'https://api.minimax.io', streamDelayMs: 5, taskPolls: 1 });
 * ```
 */
export interface MockHandlersOptions {
  /**
   * Base URL(s) to intercept; every request under them is answered by the mock (a path, as in
   * `http://localhost:3000/minimax`, is a mount prefix). Default: `https://api.minimax.io`, `https://api.minimax.cn`
   * (the sdk's `region: 'cn'`) and `https://api.minimaxi.com` (the older China host).
   */
  baseUrl?: string | readonly string[];
  /** Generate JSON bodies from the schemas instead of serving the spec's examples. Default false. */
  dynamic?: boolean;
  /** Seed for `dynamic` generation and for ids, so a run can be reproduced. */
  seed?: string;
  /** Milliseconds between two stream events. Default 25. */
  streamDelayMs?: number;
  /** Polls a task spends in non-terminal statuses before `Success` / `Fail`. Default 3. */
  taskPolls?: number;
  /**
   * A video task created with a `callback_url` advances one status every `taskStepMs` (default 1000) and is called
   * back (challenge, then each status change) with a `fetch` MSW lets through (`bypass`): the callback reaches the
   * real URL, even one these handlers would otherwise intercept. Call `close()` when done.
   */
  taskStepMs?: number;
  /** Receives one line per request. Default: silent. */
  log?: (line: string) => void;
}

/**
 * The handlers and the state behind them.
 *
 * @example
 * ```ts
 * const mock = createHandlers();
 * const server = setupServer(...mock.handlers);
 * afterEach(() => mock.reset());
 * ```
 */
export interface MockHandlers {
  /** Spread them into `setupServer(...)` / `setupWorker(...)`. */
  handlers: HttpHandler[];
  /** Forgets files, tasks and one-shot scenario counters (like the server's `POST /__reset`). */
  reset(): void;
  /** Stops the timers and requests of task callbacks (tasks created with a `callback_url`), e.g. in `afterAll`. */
  close(): void;
  /** Loads the spec now (the first request does it otherwise); rejects if the spec cannot be loaded. */
  ready(): Promise<void>;
}

export function buildHandlers(options: MockHandlersOptions, load: () => Promise<SpecRuntime>): MockHandlers {
  let loading: Promise<SpecRuntime> | undefined;
  const runtime = () => {
    loading ??= load();
    return loading;
  };
  const app = new MockApp(
    runtime,
    {
      dynamic: options.dynamic ?? false,
      ...(options.seed !== undefined && { seed: options.seed }),
      streamDelayMs: options.streamDelayMs ?? 25,
      taskPolls: options.taskPolls ?? 3,
      taskStepMs: options.taskStepMs ?? 1_000,
    },
    options.log ?? (() => {}),
    {},
    // From inside a handler a plain fetch would be intercepted again (and answered by the mock if the URL is under
    // a mocked base URL); `bypass` marks it for MSW to let through to the network.
    (request) => fetch(bypass(request)),
  );
  const bases = (typeof options.baseUrl === 'string' ? [options.baseUrl] : (options.baseUrl ?? DEFAULT_BASE_URLS)).map(
    (b) => new URL(b).href.replace(/\/+$/, ''),
  );
  return {
    handlers: bases.map((baseUrl) => http.all(`${baseUrl}/*`, ({ request }) => app.fetch(request, { baseUrl }))),
    reset: () => app.state.reset(),
    close: () => app.close(),
    ready: async () => {
      await runtime();
    },
  };
}
