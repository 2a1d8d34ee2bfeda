/**
 * Adapts a fetch body (`ReadableStream<Uint8Array>`) to an async iterable of server-sent events.
 *
 * The iterator is written by hand rather than as an `async function*`: a generator pays an extra
 * promise round-trip for every `yield`, which is measurable on streams of hundreds of thousands of
 * small events. Here an event already parsed is handed out with a single resolved promise.
 */

import { APIConnectionError, APITimeoutError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { DEFAULT_MAX_EVENT_BYTES, StreamEventTooLargeError } from '../core/stream-event-too-large-error.ts';
import { errorForAbort } from './abort-error.ts';
import { createIdleWatchdog, type IdleWatchdog } from './idle-watchdog.ts';
import { createSSEParser, type SSEEvent, type SSEParser, SSETooLargeError } from './sse-parser.ts';

/** Options of {@link iterateSSE}. */
export interface IterateSSEOptions {
  /** Aborting it cancels the body and makes the iteration throw `APIUserAbortError` (see `errorForAbort`). */
  signal?: AbortSignal | undefined;
  /** Throw `APITimeoutError` (and cancel the body) if no byte arrives for this long while waiting. */
  idleTimeoutMs?: number | undefined;
  /** Bytes of the stream already read from `body` (by the transport, to tell a stream from a JSON error body). */
  prefix?: Uint8Array | undefined;
  /**
   * Throw `StreamEventTooLargeError` (and cancel the body) when a line or an event's data passes this many
   * characters. Default {@link DEFAULT_MAX_EVENT_BYTES} (64 MiB).
   */
  maxEventBytes?: number | undefined;
  /** The request, named in the errors raised here. */
  request?: { method: string; url: string } | undefined;
  /**
   * Called once when the consumer is handed the end, an error, or stops early (`return()`): the caller's cleanup,
   * run here rather than in a wrapping iterator, which would cost a promise per event.
   */
  onSettle?: (() => void) | undefined;
  /** Maps every error the iteration rejects with (e.g. an abort into the caller's own error type). */
  mapError?: ((error: Error) => unknown) | undefined;
}

/**
 * An async iterator of events that also hands out, synchronously, the events it has already parsed: a consumer that
 * drains those first pays no promise per event (a 16 KiB read holds ~60 chat events).
 */
export interface SSEEventIterator extends AsyncIterator<SSEEvent, undefined> {
  /**
   * The next event already parsed, or `undefined` when `next()` must be awaited: nothing queued, the stream aborted,
   * or it ended. Never reads, never throws; the order is `next()`'s.
   */
  takeQueued(): SSEEvent | undefined;
}

/** What {@link iterateSSE} returns: iterable once, by an {@link SSEEventIterator}. */
export interface SSEEventIterable extends AsyncIterable<SSEEvent, undefined> {
  [Symbol.asyncIterator](): SSEEventIterator;
}

type Result = IteratorResult<SSEEvent, undefined>;
const DONE: Result = Object.freeze({ value: undefined, done: true });
const STREAM: TextDecodeOptions = { stream: true }; // one options object for every chunk
const noop = (): void => {};

class SSEIterator implements SSEEventIterator {
  readonly #queue: SSEEvent[] = [];
  #head = 0;
  #finished = false;
  #timedOut = false;
  #settled = false;
  #pending: Promise<Result> | undefined;
  readonly #decoder = new TextDecoder(); // `stream: true` keeps a split multi-byte character
  readonly #parser: SSEParser;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #watchdog: IdleWatchdog | undefined;
  readonly #onAbort = (): void => this.#cancel();

  readonly #options: IterateSSEOptions;

  constructor(body: ReadableStream<Uint8Array>, options: IterateSSEOptions) {
    this.#options = options;
    this.#reader = body.getReader();
    const { idleTimeoutMs, signal, maxEventBytes = DEFAULT_MAX_EVENT_BYTES } = options;
    this.#parser = createSSEParser({ onEvent: (event) => this.#queue.push(event), maxEventSize: maxEventBytes });
    if (idleTimeoutMs !== undefined && idleTimeoutMs > 0 && Number.isFinite(idleTimeoutMs)) {
      this.#watchdog = createIdleWatchdog(idleTimeoutMs, () => {
        this.#timedOut = true;
        this.#cancel();
      });
    }
    signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (options.prefix && options.prefix.length > 0) {
      this.#parser.feed(this.#decoder.decode(options.prefix, { stream: true }));
    }
  }

  next(): Promise<Result> {
    // An abort stops the iteration at once, even with parsed events still queued.
    if (this.#options.signal?.aborted && !this.#finished) return Promise.reject(this.#failed(undefined));
    if (this.#head < this.#queue.length) return Promise.resolve({ value: this.#take(), done: false });
    if (this.#pending) {
      const again = (): Promise<Result> => this.next(); // keep concurrent calls in order
      return this.#pending.then(again, again);
    }
    if (this.#finished) {
      this.#settle();
      return Promise.resolve(DONE);
    }
    this.#pending = this.#read();
    return this.#pending;
  }

  takeQueued(): SSEEvent | undefined {
    // An abort must reach the consumer through `next()`, which rejects with it.
    if (this.#head === this.#queue.length || this.#options.signal?.aborted) return undefined;
    return this.#take();
  }

  /** The consumer stopped early (`break`, `return`, a thrown error): stop reading and free the body. */
  return(): Promise<Result> {
    this.#settle();
    if (!this.#finished) this.#cancel();
    this.#discard();
    return Promise.resolve(DONE);
  }

  #take(): SSEEvent {
    const event = this.#queue[this.#head++]!;
    if (this.#head === this.#queue.length) {
      this.#queue.length = 0;
      this.#head = 0;
    }
    return event;
  }

  // Plain `.then` chaining rather than `async` functions: each async layer adds promise hops per chunk.
  #read(): Promise<Result> {
    this.#watchdog?.waiting();
    return this.#reader.read().then(this.#onChunk, this.#onReadError);
  }

  readonly #onChunk = (result: ReadableStreamReadResult<Uint8Array>): Result | Promise<Result> => {
    this.#watchdog?.received();
    // A cancel() from the watchdog or the signal resolves the pending read as "done".
    if (this.#timedOut || this.#options.signal?.aborted) return this.#reject(undefined);
    try {
      if (result.done) {
        this.#parser.feed(this.#decoder.decode());
        this.#parser.flush();
        this.#finish();
      } else {
        this.#parser.feed(this.#decoder.decode(result.value, STREAM));
      }
    } catch (error) {
      const tooLarge = error instanceof SSETooLargeError;
      return this.#reject(
        tooLarge ? new StreamEventTooLargeError({ limit: error.limit, ...this.#options.request }) : error,
      );
    }
    if (this.#head < this.#queue.length) {
      this.#pending = undefined;
      return { value: this.#take(), done: false };
    }
    if (this.#finished) {
      this.#pending = undefined;
      this.#settle();
      return DONE;
    }
    return this.#read(); // a chunk without a complete event: keep reading
  };

  readonly #onReadError = (error: unknown): never => {
    this.#watchdog?.received();
    return this.#reject(error);
  };

  #reject(cause: unknown): never {
    this.#pending = undefined;
    throw this.#failed(cause);
  }

  /** The error to hand the consumer, after the caller's cleanup. */
  #failed(cause: unknown): unknown {
    this.#settle();
    const error = this.#fail(cause);
    return this.#options.mapError ? this.#options.mapError(error) : error;
  }

  #settle(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#options.onSettle?.();
  }

  /** Ends the iteration and turns what stopped it into the error to throw. */
  #fail(cause: unknown): Error {
    this.#cancel();
    this.#discard();
    if (this.#options.signal?.aborted) return errorForAbort(this.#options.signal);
    if (this.#timedOut) {
      return new APITimeoutError({
        message: `No bytes received for ${this.#options.idleTimeoutMs} ms; stream cancelled.`,
      });
    }
    if (cause instanceof MiniMaxError) return cause;
    return new APIConnectionError({ message: 'The event stream was interrupted.', cause });
  }

  #cancel(): void {
    this.#reader.cancel().catch(noop); // resolves any pending read() with done: true
  }

  /** Ends the iteration early: events parsed but not yet taken are dropped. */
  #discard(): void {
    this.#queue.length = 0;
    this.#head = 0;
    this.#finish();
  }

  /** Stops reading; events already parsed are still handed out by `next()`. */
  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#watchdog?.stop();
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    try {
      this.#reader.releaseLock();
    } catch {
      // A read still pending makes releaseLock throw in older runtimes; the stream is cancelled anyway.
    }
  }
}

/**
 * Iterates the events of an SSE body. Bytes are decoded as a UTF-8 stream (a character split across
 * chunks decodes correctly); the body is cancelled when the loop ends early, when `signal` aborts,
 * or when no byte arrives for `idleTimeoutMs`. A body can be iterated once.
 *
 * @example
 * ```ts
 * const response = await fetch(url, { method: 'POST', body, headers });
 * for await (const event of iterateSSE(response.body!, { idleTimeoutMs: 60_000 })) {
 *   if (event.data === '[DONE]') break;
 *   console.log(JSON.parse(event.data));
 * }
 * ```
 */
export function iterateSSE(body: ReadableStream<Uint8Array>, options: IterateSSEOptions = {}): SSEEventIterable {
  let used = false;
  return {
    [Symbol.asyncIterator](): SSEEventIterator {
      if (used) throw new MiniMaxError('This event stream was already iterated (a body is read once).');
      used = true;
      return new SSEIterator(body, options);
    },
  };
}
