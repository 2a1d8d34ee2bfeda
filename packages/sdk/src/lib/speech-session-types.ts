/** The public shapes of a real-time speech session: what it is opened with, what it reports, what it ends with. */

import type { T2aExtraInfo, T2aWsServerEvent, T2aWsTaskFinished, T2aWsTaskStart } from '@minimax-ts/generated';
import type { APIError } from '../core/api-error.ts';
import type { Logger, ValidationMode } from '../core/client-options.ts';
import type { ResponseValidator } from '../core/response-validator.ts';
import type { WebSocketImplementation } from '../internal/websocket.ts';
import type { SpeechSession } from './speech-session.ts';

/**
 * What `mm.speech.connect()` sends as `task_start` (model, voice, audio format, …), plus the endpoint to use.
 *
 * @example
 * ```ts
 * const params: SpeechSessionParams = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' }, bidirectional: true };
 * ```
 */
export type SpeechSessionParams = Omit<T2aWsTaskStart, 'event'> & {
  /**
   * `true`: `/ws/v1/t2a_v2_bidi`, which buffers text of any granularity into sentences on the server (pipe an LLM's
   * tokens straight in) and adds `flush()` and `cancel()`. `false` (default): `/ws/v1/t2a_v2`, where every `send()`
   * is synthesized on its own — send whole sentences.
   */
  bidirectional?: boolean | undefined;
};

/** Options of one session (the client's options are the defaults). */
export interface SpeechSessionOptions {
  /** Aborts the session at any phase: the promise or iteration rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Time to open the session (upgrade, `connected_success`, `task_started`), in ms. Default: the client's `timeout`. */
  timeout?: number | undefined;
  /**
   * Longest silence from the server, in ms, while the session waits for it (audio of a sent text, a sentence in
   * progress, `flush()`, `cancel()`, `finish()`); then `APITimeoutError`. Text the bidirectional endpoint is still
   * buffering is not waited for. Default: the client's `idleTimeout`.
   */
  idleTimeout?: number | undefined;
  /** Extra headers on the upgrade request; `null` removes a default header. */
  headers?: Record<string, string | null | undefined> | undefined;
  /** Checks every server event against its schema (`zT2aWsServerEvent`). Default: the client's `validate`. */
  validate?: ValidationMode | undefined;
  /**
   * Sends a WebSocket ping this often (ms) while the session is open, where the implementation can (`ws`): MiniMax
   * closes a connection idle for ~120 s with 2201, and a ping refreshes that timer. `0` turns it off. Default 30 000.
   */
  keepAliveInterval?: number | undefined;
  /** Largest server message accepted, in bytes (a bigger one fails the session). Default 64 MiB. */
  maxMessageBytes?: number | undefined;
  /**
   * Keep the received audio so a failure can hand it back as `partialAudio`. Default true; a long-running voice agent
   * that writes the audio elsewhere can turn it off (the error then carries only `audioBytes`).
   */
  retainAudio?: boolean | undefined;
}

/**
 * How a session ended well: ids, the audio metadata MiniMax sent with each `is_final` frame, and the soft refusals.
 *
 * @example
 * ```ts
 * const summary = await session.finish();
 * console.log(summary.extraInfo?.audio_length, summary.traceId, summary.audioBytes);
 * ```
 */
export interface SpeechSessionSummary {
  sessionId: string | undefined;
  /** The last trace id the server sent (per request on MiniMax); give it to MiniMax support. */
  traceId: string | undefined;
  /** The bidirectional endpoint's connection id. */
  connectId: string | undefined;
  /** `extra_info` of the last `is_final` frame (duration, size, format, billed characters). */
  extraInfo: T2aExtraInfo | undefined;
  /** Every `extra_info`, one per completed request, in order. */
  extraInfos: T2aExtraInfo[];
  /** Bytes of audio delivered. */
  audioBytes: number;
  /** Texts the server skipped or asked to resend (2203, 2204, 2205): typed errors that did not end the session. */
  warnings: APIError[];
  /** The `task_finished` event; `undefined` when the server just closed after the last audio (older `/ws/v1/t2a_v2`). */
  finishedEvent: T2aWsTaskFinished | undefined;
}

/**
 * The events of a session, for `session.on(name, listener)`. A listener that throws fails the session with its error.
 */
export interface SpeechSessionEvents {
  /** A chunk of decoded audio (the same chunks iteration yields). */
  audio: (bytes: Uint8Array) => void;
  /** Every server event as received, validated when `validate` is on. */
  event: (event: T2aWsServerEvent) => void;
  /** A request's last frame (`is_final`), with its `extra_info`. */
  final: (extraInfo: T2aExtraInfo | undefined) => void;
  /** Bidirectional endpoint: a sentence starts, and ends. */
  sentence_start: (event: T2aWsServerEvent) => void;
  sentence_end: (event: T2aWsServerEvent) => void;
  /** A soft refusal (2203 empty text, 2204 over 10,000 characters, 2205 resend later); the session goes on. */
  warning: (error: APIError) => void;
  /** The session finished. */
  end: (summary: SpeechSessionSummary) => void;
  /** The session failed; the error also rejects iteration and `finish()`. */
  error: (error: unknown) => void;
}

/**
 * What an error that ends a session carries besides its class, code and trace id.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof APIError) console.log((err as SpeechSessionFailure).audioBytes); }
 * ```
 */
export interface SpeechSessionFailure {
  /** The audio received before the failure, joined (undefined with `retainAudio: false`). */
  partialAudio: Uint8Array | undefined;
  /** How many bytes of audio were received before the failure. */
  audioBytes: number;
  sessionId: string | undefined;
}

/**
 * What opens `mm.speech.connect()` sessions: `openSpeechSession` of `@minimax-ts/sdk/realtime`, given as the client
 * option of that name where the client cannot load it at run time (see `ClientOptions.openSpeechSession`).
 */
export type SpeechSessionOpener = (
  config: RealtimeConfig,
  params: SpeechSessionParams,
  options?: SpeechSessionOptions,
) => Promise<SpeechSession>;

/** What a session needs from its client. */
export interface RealtimeConfig {
  baseURL: string;
  /**
   * Reads the key sent as `Authorization: Bearer` (none for a relay, which holds the key itself). A function, so that
   * printing a client (`util.inspect` with hidden properties) never shows the key.
   */
  apiKey: (() => string) | undefined;
  webSocket: WebSocketImplementation | undefined;
  timeout: number;
  idleTimeout: number;
  validate: ValidationMode;
  /** Checks events when `validate` is not 'off' (see `ClientOptions.validator`). */
  validator?: ResponseValidator | undefined;
  logger: Logger;
  defaultHeaders: Record<string, string>;
  /** A full WebSocket URL that replaces `baseURL` + the endpoint path (a relay). */
  url?: string | undefined;
  /** The session code the client was given (`ClientOptions.openSpeechSession`); else it is loaded on first use. */
  opener?: SpeechSessionOpener | undefined;
}

/** Where a session stands. `open` covers everything from the upgrade to `task_started`. */
export type SpeechSessionState = 'open' | 'started' | 'finishing' | 'finished' | 'failed';

/** What the opener hands a session (see `speech-session-open.ts`). @internal */
export interface SessionSetup {
  request: SessionRequest;
  bidirectional: boolean;
  idleTimeout: number;
  retainAudio: boolean;
  validate: ((data: unknown) => void) | undefined;
  signal: AbortSignal | undefined;
}

/** Where a session's errors say they happened. */
export interface SessionRequest {
  method: 'GET';
  url: string;
}
