/** Options of the client and of single requests. */

import type { WebSocketImplementation } from '../internal/websocket.ts';
import type { SpeechSessionOpener } from '../lib/speech-session-types.ts';
import type { Region } from './hosts.ts';
import type { ResponseValidator } from './response-validator.ts';
import { DEFAULT_MAX_EVENT_BYTES } from './stream-event-too-large-error.ts';

export type { Region } from './hosts.ts';

/**
 * The host each region resolves to. Other hosts of a region take the same keys and go in `baseURL`:
 * `https://api.minimaxi.com` (China, the older pages' name for `api.minimax.cn`), and for synchronous speech the
 * low-latency `https://api-uw.minimax.io` (global) and `https://api-bj.minimaxi.com` (China, North China). The full
 * list, with where each is documented, is `MINIMAX_HOSTS`.
 *
 * @example
 * ```ts
 * new MiniMax({ region: 'cn' }).baseURL === REGION_BASE_URLS.cn; // 'https://api.minimax.cn'
 * const fastSpeech = new MiniMax({ baseURL: 'https://api-bj.minimaxi.com' }); // a China key, in North China
 * ```
 */
export const REGION_BASE_URLS: Readonly<Record<Region, string>> = {
  global: 'https://api.minimax.io',
  cn: 'https://api.minimax.cn',
};

/**
 * Response validation with the generated zod schemas:
 * - `'off'` (default): no check, no zod loaded — the fast path, and what a browser bundle wants.
 * - `'warn'`: log a warning through the logger when a response does not match the spec, return it anyway.
 * - `'strict'`: throw a `ResponseValidationError` instead.
 * The returned value is always the server's object as received, never zod's stripped copy. The schemas live in
 * `@minimax-ts/sdk/validation` (see {@link ClientOptions.validator}), so zod is never part of the client itself.
 */
export type ValidationMode = 'strict' | 'warn' | 'off';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Anything with console-like methods. */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/** Options of {@link MiniMax}. Every one has a default; `apiKey` defaults to `MINIMAX_API_KEY`. */
export interface ClientOptions {
  /** Defaults to the `MINIMAX_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /**
   * `'global'` (https://api.minimax.io, the default) or `'cn'` (https://api.minimax.cn; also `'china'`). Env:
   * `MINIMAX_REGION`. A key works only on its own region's hosts.
   */
  region?: Region | undefined;
  /**
   * Overrides the region's host: a mock, a proxy, or another MiniMax host — `https://api.minimaxi.com` (China, same
   * keys as api.minimax.cn), `https://api-uw.minimax.io` / `https://api-bj.minimaxi.com` (low-latency speech, global /
   * China). See `MINIMAX_HOSTS`. Env: `MINIMAX_BASE_URL`.
   */
  baseURL?: string | undefined;
  /** Total time for one attempt of a request, in ms (for a stream: until its headers arrive). Default 600 000. */
  timeout?: number | undefined;
  /** A stream that delivers no byte for this long (ms) fails with `APITimeoutError`. Default 60 000. */
  idleTimeout?: number | undefined;
  /**
   * The most a stream may take in total (ms), from the request until its last event, retries included: past it the
   * stream fails with `APITimeoutError` (its `partialText` holds the text received). Default: none — a stream that
   * keeps sending runs as long as it sends (`idleTimeout` catches one that stops).
   */
  streamTimeout?: number | undefined;
  /**
   * The largest line or event a stream may send, in bytes (characters of the decoded text); past it the stream
   * fails with `StreamEventTooLargeError` and memory stays bounded. Default 64 MiB, which fits a speech stream's
   * final frame with the aggregated MP3 audio of a 10,000-character text (`exclude_aggregated_audio: false`).
   */
  maxEventBytes?: number | undefined;
  /** Retries after the first attempt, where the retry policy allows one. Default 2. */
  maxRetries?: number | undefined;
  /** A fetch implementation; defaults to `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string> | undefined;
  /** Where the client reports retries and validation warnings. Defaults to `console`. */
  logger?: Logger | undefined;
  /** Least severe level that reaches the logger. Default `'warn'`. Env: `MINIMAX_LOG`. */
  logLevel?: LogLevel | undefined;
  /** See {@link ValidationMode}. Default `'off'`. */
  validate?: ValidationMode | undefined;
  /**
   * What checks responses when `validate` is not `'off'`: `zodValidator` from `@minimax-ts/sdk/validation`, or your
   * own {@link ResponseValidator}. Optional in Node, where the client loads `@minimax-ts/sdk/validation` by itself;
   * required in a single-file bundle (a Worker, an edge function), where that run-time import cannot work.
   */
  validator?: ResponseValidator | undefined;
  /** Time between two polls of a task, in ms. Default 5 000 (MiniMax's own clients poll every 5–20 s). */
  pollInterval?: number | undefined;
  /**
   * A browser page that holds a secret key exposes it to everyone who opens the page. Set this only when the key
   * is meant to be public (a proxy, a short-lived key, an internal tool).
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * The WebSocket implementation of speech sessions (`mm.speech.connect`). Default: the `ws` package, loaded when the
   * first session opens (it sends the `Authorization` header and reports a refused upgrade's status on Node, Bun and
   * Deno), else the global `WebSocket`. Give `ws`'s class, or a standard constructor that takes `{ headers }`.
   */
  webSocket?: WebSocketImplementation | undefined;
  /**
   * The session code of `mm.speech.connect()`: `openSpeechSession` from `@minimax-ts/sdk/realtime`. Not needed where
   * the package runs from node_modules (Node, Bun, Deno), which loads it on the first `connect()`; required in a
   * bundled application (a Worker, an edge function, a single-file server bundle), where that run-time import cannot
   * work — it keeps the session code out of bundles that never open one.
   *
   * @example
   * ```ts
   * import { openSpeechSession } from '@minimax-ts/sdk/realtime';
   * const mm = new MiniMax({ openSpeechSession, webSocket: WebSocket });
   * ```
   */
  openSpeechSession?: SpeechSessionOpener | undefined;
}

/** Options every method accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the request, its retries, its polling or its stream. */
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  idleTimeout?: number | undefined;
  /** Total deadline of a stream, see {@link ClientOptions.streamTimeout}. */
  streamTimeout?: number | undefined;
  /** See {@link ClientOptions.maxEventBytes}. */
  maxEventBytes?: number | undefined;
  maxRetries?: number | undefined;
  /** Extra headers; `null` removes a default header. */
  headers?: Record<string, string | null | undefined> | undefined;
  validate?: ValidationMode | undefined;
}

export const DEFAULTS = {
  timeout: 600_000,
  idleTimeout: 60_000,
  maxEventBytes: DEFAULT_MAX_EVENT_BYTES,
  maxRetries: 2,
  pollInterval: 5_000,
  logLevel: 'warn' as LogLevel,
  validate: 'off' as ValidationMode,
} as const;
