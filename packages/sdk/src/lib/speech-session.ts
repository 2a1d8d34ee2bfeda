/**
 * A real-time speech session over MiniMax's WebSocket (`/ws/v1/t2a_v2`, `/ws/v1/t2a_v2_bidi`): text goes in with
 * `send()`, decoded audio comes out of `for await` (or the `audio` event) as it is synthesized, `finish()` ends it with
 * the final metadata. Frames are handled as they arrive (a WebSocket pushes), so the protocol advances whether or not
 * anyone reads yet; audio waits in a queue for the reader. A session is billable: it never reconnects or resends.
 * Every failure ends it with one typed error, closes the socket and clears every timer.
 */

import type { T2aExtraInfo, T2aWsServerEvent, T2aWsTaskFinished } from '@minimax-ts/generated';
import type { APIError } from '../core/api-error.ts';
import { baseRespFailure } from '../core/api-error-details.ts';
import { APIUserAbortError } from '../core/connection-errors.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { errorForAbort } from '../internal/abort-error.ts';
import { deferred } from '../internal/deferred.ts';
import { createIdleWatchdog, type IdleWatchdog } from '../internal/idle-watchdog.ts';
import type { RealtimeSocket } from '../internal/websocket-types.ts';
import { decodeHex } from './hex.ts';
import { SessionAudio } from './speech-session-audio.ts';
import {
  frameError,
  noteIds,
  protocolError,
  type SessionIds,
  stallError,
  withPartialAudio,
} from './speech-session-errors.ts';
import { SessionLink } from './speech-session-link.ts';
import { SessionOutput } from './speech-session-output.ts';
import { splitText } from './speech-session-text.ts';
import type { SessionSetup, SpeechSessionState, SpeechSessionSummary } from './speech-session-types.ts';

/** Codes that skip one text or ask to resend it later, and leave the session open (docs: 2203, 2204, 2205). */
const SOFT_CODES: ReadonlySet<number> = new Set([2203, 2204, 2205]);

type Frame = Record<string, unknown>;

/**
 * @example
 * ```ts
 * const session = await mm.speech.connect({ model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } });
 * session.send('Hello! The first audio arrives in a few hundred milliseconds.');
 * const done = session.finish();
 * for await (const bytes of session) player.write(bytes);
 * console.log((await done).extraInfo);
 * ```
 */
export class SpeechSession extends SessionOutput {
  readonly bidirectional: boolean;
  #state: SpeechSessionState = 'open';
  readonly #link = new SessionLink();
  #headers: Record<string, string> = {};
  readonly #setup: SessionSetup;
  readonly #audio: SessionAudio;
  /** `/ws/v1/t2a_v2`: texts sent whose `is_final` (or soft refusal) has not come yet. */
  #pending = 0;
  #inSentence = false;
  #flushes: Array<() => void> = [];
  #cancels: Array<() => void> = [];
  #ids: SessionIds = {};
  #warnings: APIError[] = [];
  #finished: T2aWsTaskFinished | undefined;
  #error: unknown;
  #watchdog: IdleWatchdog | undefined;
  #watching = false;
  #opened = deferred<void>();
  #done = deferred<SpeechSessionSummary>();
  #sendStart: (() => void) | undefined;
  readonly #onAbort = (): void => this.fail(this.#setup.signal ? errorForAbort(this.#setup.signal) : abortError());

  /** @internal Sessions are opened by `mm.speech.connect()` or `connectSpeechSession()`. */
  constructor(setup: SessionSetup) {
    super();
    this.#setup = setup;
    this.bidirectional = setup.bidirectional;
    this.#audio = new SessionAudio(setup.retainAudio);
    setup.signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  get state(): SpeechSessionState {
    return this.#state;
  }
  get sessionId(): string | undefined {
    return this.#ids.sessionId;
  }
  /** The latest trace id (from the upgrade's `Trace-Id` header, then from each event). */
  get traceId(): string | undefined {
    return this.#ids.traceId;
  }
  get connectId(): string | undefined {
    return this.#ids.connectId;
  }
  /** Bytes of audio received so far. */
  get byteLength(): number {
    return this.#audio.bytes;
  }

  /**
   * Sends text to synthesize (`task_continue`). On the bidirectional endpoint any piece works, down to one token; on
   * `/ws/v1/t2a_v2` each call is synthesized on its own, so send whole sentences. Empty text is not sent; text over
   * MiniMax's 10,000-character limit is sent in several pieces, cut at a sentence or word boundary.
   *
   * @example
   * ```ts
   * for await (const chunk of chat) session.send(chunk.choices[0]?.delta?.content ?? '');
   * ```
   */
  send(text: string): void {
    if (typeof text !== 'string') throw new InvalidArgumentError('text', `expected a string, got ${typeof text}`);
    this.#assertWritable('send()');
    for (const piece of splitText(text)) {
      this.#write({ event: 'task_continue', text: piece });
      if (!this.bidirectional) this.#pending++;
    }
    this.#watch();
  }

  /**
   * Sends every piece of text an iterable yields (an LLM's stream mapped to strings), then resolves.
   *
   * @example
   * ```ts
   * await session.sendAll(textOf(await mm.chat.create({ model, messages, stream: true })));
   * ```
   */
  async sendAll(source: AsyncIterable<string> | Iterable<string>): Promise<void> {
    for await (const text of source) this.send(text);
  }

  /** Bidirectional endpoint: synthesizes the buffered text now; resolves on `task_flushed`, after that audio. */
  flush(): Promise<void> {
    return this.#control('task_flush', this.#flushes);
  }

  /** Bidirectional endpoint: drops the buffered text and the synthesis in flight (barge-in); resolves on `task_canceled`. */
  cancel(): Promise<void> {
    return this.#control('task_cancel', this.#cancels);
  }

  /**
   * Ends the session (`task_finish`): the server synthesizes what is queued, then says `task_finished`. Resolves with
   * the summary once it did (the audio may still be waiting in the iteration); rejects with the session's error.
   */
  finish(): Promise<SpeechSessionSummary> {
    if (this.#state === 'started') {
      this.#write({ event: 'task_finish' });
      this.#state = 'finishing';
      this.#watch();
    }
    return this.#done.promise;
  }

  /** Stops at once: closes the connection; iteration and `finish()` reject with `APIUserAbortError`. */
  override abort(): void {
    this.fail(abortError());
  }

  // ── Wiring (called by the opener) ─────────────────────────────────────────────────────────────────────────────────

  /** @internal Resolves on `task_started`; the opener awaits it. */
  get opened(): Promise<void> {
    return this.#opened.promise;
  }

  /** @internal */
  attach(socket: RealtimeSocket, sendStart: () => void): void {
    this.#sendStart = sendStart;
    this.#link.attach(socket);
  }

  /** @internal The upgrade succeeded. */
  upgraded(headers: Record<string, string>): void {
    this.#headers = headers;
    this.#ids.traceId = headers['trace-id'] ?? this.#ids.traceId;
  }

  /** @internal Arms a timer that is cleared when the session ends. */
  timer(ms: number, onFire: () => void, repeat = false): void {
    this.#link.timer(ms, onFire, repeat);
  }

  /** @internal One message from the server. */
  receive(data: string | Uint8Array) {
    if (this.#state === 'finished' || this.#state === 'failed') return;
    if (typeof data !== 'string')
      return this.fail(protocolError(`a binary frame of ${data.length} bytes`, this.#setup.request));
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch (cause) {
      return this.fail(
        protocolError(`a frame that is not JSON: ${JSON.stringify(data.slice(0, 60))}`, this.#setup.request, cause),
      );
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      return this.fail(protocolError(`a frame that is not an object: ${data.slice(0, 60)}`, this.#setup.request));
    }
    try {
      this.#setup.validate?.(frame);
      this.#handle(frame as Frame);
      if (this.#watching) this.#watchdog?.received();
      this.#watching = false;
      this.#watch();
    } catch (error) {
      this.fail(error);
    }
  }

  /** @internal The connection closed. */
  closed(error: unknown) {
    this.#link.closed();
    if (this.#state === 'finishing' && !this.bidirectional && this.#pending === 0 && !this.#inSentence) {
      return this.#complete(); // `/ws/v1/t2a_v2` may just close after the last audio instead of sending task_finished
    }
    this.fail(error);
  }

  /** @internal Ends the session with an error (the first end wins). */
  fail(error: unknown): void {
    if (this.#state === 'finished' || this.#state === 'failed') return;
    const opening = this.#state === 'open';
    this.#state = 'failed';
    this.#error = withPartialAudio(error, this.#audio.received(), this.#audio.bytes, this.#ids.sessionId);
    this.#release(true);
    const aborted = this.#error instanceof APIUserAbortError;
    this.queue.fail(this.#error, aborted);
    this.#opened.reject(this.#error);
    this.#done.reject(this.#error);
    for (const waiters of [this.#flushes, this.#cancels]) waiters.length = 0;
    if (!opening) this.emitSafely('error', this.#error);
  }

  /** The error that ended the session, if one did. */
  get error(): unknown {
    return this.#error;
  }

  // ── Protocol ──────────────────────────────────────────────────────────────────────────────────────────────────────

  #handle(frame: Frame) {
    noteIds(this.#ids, frame);
    this.emit('event', frame as T2aWsServerEvent);
    const event =
      typeof frame.event === 'string' ? frame.event : 'data' in frame || 'is_final' in frame ? 'task_continued' : '';
    const failure = baseRespFailure(frame);
    if (event === 'task_failed' || (failure && !SOFT_CODES.has(failure.code))) throw this.#frameError(frame);
    if (failure) return this.#soft(frame, event);
    switch (event) {
      case 'connected_success': {
        // task_start goes once, whatever a server repeats (a second one is an illegal event order, 2206).
        const sendStart = this.#sendStart;
        this.#sendStart = undefined;
        return sendStart?.();
      }
      case 'task_started':
        if (this.#state !== 'open') return;
        this.#state = 'started';
        return this.#opened.resolve();
      case 'task_continued':
        return this.#onAudio(frame);
      case 'sentence_start':
      case 'sentence_end':
        this.#inSentence = event === 'sentence_start';
        return this.emit(event, frame as T2aWsServerEvent);
      case 'task_flushed':
        return this.#flushes.shift()?.();
      case 'task_canceled':
        this.#inSentence = false;
        return this.#cancels.shift()?.();
      case 'task_finished':
        this.#finished = frame as T2aWsTaskFinished;
        return this.#complete();
      default:
      // An event this SDK does not know yet: reported through `event`, otherwise ignored (forward compatible).
    }
  }

  #onAudio(frame: Frame): void {
    if (this.#state === 'open') throw protocolError('audio before task_started', this.#setup.request);
    const hex = (frame.data as Frame | null | undefined)?.audio;
    if (typeof hex === 'string' && hex !== '') {
      const bytes = decodeHex(hex);
      if (!bytes) throw protocolError(`audio that is not hex (${hex.length} characters)`, this.#setup.request);
      if (this.#audio.accept(bytes, frame.is_final === true)) this.deliver(bytes);
    }
    if (frame.is_final === true) {
      const info = frame.extra_info as T2aExtraInfo | undefined;
      this.#audio.finishRequest(info);
      if (!this.bidirectional && this.#pending > 0) this.#pending--;
      this.emit('final', info);
    }
  }

  #soft(frame: Frame, event: string): void {
    const warning = this.#frameError(frame);
    this.#warnings.push(warning);
    if (!this.bidirectional && event === 'task_continued' && this.#pending > 0) this.#pending--;
    this.emit('warning', warning);
  }

  #frameError(frame: Frame): APIError {
    return frameError(frame, this.#setup.request, this.#headers, this.#ids.traceId);
  }

  #control(event: 'task_flush' | 'task_cancel', waiters: Array<() => void>): Promise<void> {
    if (!this.bidirectional) {
      return Promise.reject(
        new MiniMaxError(`${event} exists only on the bidirectional endpoint (bidirectional: true).`),
      );
    }
    try {
      this.#assertWritable(event === 'task_flush' ? 'flush()' : 'cancel()');
    } catch (error) {
      return Promise.reject(error);
    }
    const reply = deferred<void>();
    waiters.push(() => reply.resolve());
    this.#write({ event });
    this.#watch();
    return reply.promise;
  }

  // ── Plumbing ──────────────────────────────────────────────────────────────────────────────────────────────────────

  #assertWritable(what: string): void {
    if (this.#state === 'started') return;
    if (this.#state === 'failed') throw this.#error;
    throw new MiniMaxError(`${what} after finish(): the session is ${this.#state}.`);
  }

  #write(event: Record<string, unknown>): void {
    try {
      this.#link.send(JSON.stringify(event));
    } catch (error) {
      this.fail(error);
      throw this.#error;
    }
  }

  /** What the session waits for from the server right now (for the stall timer), or `undefined`. */
  #waitingFor(): string | undefined {
    if (this.#state === 'finishing') return 'task_finished';
    if (this.#state !== 'started') return undefined; // the open timeout guards the opening
    if (this.#pending > 0) return `the audio of ${this.#pending} text(s)`;
    if (this.#inSentence) return 'the rest of a sentence';
    if (this.#flushes.length > 0) return 'task_flushed';
    if (this.#cancels.length > 0) return 'task_canceled';
    return undefined;
  }

  /** Starts the stall timer when the session begins to wait; a frame ends the wait (`receive`). */
  #watch(): void {
    const waitingFor = this.#waitingFor();
    if (waitingFor === undefined || this.#watching) return;
    const ms = this.#setup.idleTimeout;
    this.#watchdog ??= createIdleWatchdog(ms, () =>
      this.fail(stallError(ms, this.#waitingFor() ?? 'the server', this.#setup.request)),
    );
    this.#watching = true;
    this.#watchdog.waiting();
  }

  #complete(): void {
    if (this.#state === 'finished' || this.#state === 'failed') return;
    this.#state = 'finished';
    const summary: SpeechSessionSummary = {
      sessionId: this.#ids.sessionId,
      traceId: this.#ids.traceId,
      connectId: this.#ids.connectId,
      extraInfo: this.#audio.extraInfos.at(-1),
      extraInfos: this.#audio.extraInfos,
      audioBytes: this.#audio.bytes,
      warnings: this.#warnings,
      finishedEvent: this.#finished,
    };
    this.#release(false);
    this.queue.end();
    this.#done.resolve(summary);
    this.emitSafely('end', summary);
  }

  /** Stops every timer and listener; closes the socket (at once after a failure). */
  #release(failed: boolean): void {
    this.#watchdog?.stop();
    this.#setup.signal?.removeEventListener('abort', this.#onAbort);
    this.#link.release(failed);
  }
}

function abortError(): APIUserAbortError {
  return new APIUserAbortError({ message: 'The speech session was aborted.' });
}
