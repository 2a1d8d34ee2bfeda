/**
 * The base of every stream the SDK returns: async-iterable once, with listeners (`on('item' | 'end' | 'error')`)
 * for callers who prefer callbacks, and `done()` to drive it to the end. Subclasses decode SSE events into items
 * and keep the aggregate (text, audio, final message).
 */

import { type Listener, type ListenerOf, Listeners } from '../internal/listeners.ts';
import { redactText } from '../internal/redact.ts';
import type { SSEEvent } from '../internal/sse-parser.ts';
import type { SSEEventIterator } from '../internal/sse-stream.ts';
import { APIError } from './api-error.ts';
import { APIUserAbortError } from './connection-errors.ts';
import { MiniMaxError } from './minimax-error.ts';

/** What a subclass does with one SSE event: the items to yield (often one, sometimes none). */
export type Decoded<T> = T | undefined;

export abstract class EventStream<T, Events extends object = Record<never, Listener>> implements AsyncIterable<T> {
  #iterator: AsyncIterator<SSEEvent> | undefined;
  #started = false;
  #ended = false;
  #error: unknown;
  #aborted = false;
  readonly #listeners = new Listeners();
  #donePromise: Promise<void> | undefined;

  readonly #source: AsyncIterable<SSEEvent>;
  /** Cancels the HTTP request (the body is cancelled by the iterator itself). */
  readonly #cancelRequest: () => void;

  protected constructor(source: AsyncIterable<SSEEvent>, cancelRequest: () => void) {
    this.#source = source;
    this.#cancelRequest = cancelRequest;
  }

  /** Turns one event into an item, or `undefined` to skip it; throws to fail the stream (an error event). */
  protected abstract decode(event: SSEEvent): Decoded<T>;

  /** Called once when the source ends normally; throws if the stream ended too early. */
  protected onSourceEnd(): void {}

  /** The text received so far, for streams that carry text; attached to an error that ends the stream. */
  protected textSoFar(): string | undefined {
    return undefined;
  }

  /**
   * Iterates the items. Written by hand rather than as an `async *` generator: a generator pays several promise
   * hops and allocations per `yield`, which on a stream of 200,000 small events cost more than parsing them. The
   * behaviour is the generator's: lazy start (the "iterated once" check runs on the first `next()`), calls queued in
   * order, `return()`/`throw()` close the source, and an error is annotated, emitted and rethrown after cleanup.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    let source: AsyncIterator<SSEEvent> | undefined;
    // The source's synchronous side, when it has one (see `SSEEventIterator.takeQueued`).
    let queued: SSEEventIterator | undefined;
    let finished = false;
    // The step in flight; a call made meanwhile waits for it (a generator queues calls the same way).
    let current: Promise<IteratorResult<T>> | undefined;
    const doneResult = (value?: unknown): IteratorResult<T> => ({ value: value as T, done: true });

    // The generator's `finally`: unless the stream ended normally, free the connection.
    const close = (): Promise<void> | undefined => {
      if (this.#ended) return undefined;
      return Promise.resolve(source?.return?.()).then(() => this.#cancelRequest());
    };

    // The generator's `catch` then `finally`: annotate, record, emit, clean up, rethrow.
    const fail = (error: unknown): Promise<never> => {
      finished = true;
      current = undefined;
      let thrown = error;
      try {
        // A connection failure (cut, idle timeout, abort) is raised below the decoder and knows nothing of the text
        // received: attach it, so a cut-off answer is never lost with its error.
        const text = this.textSoFar();
        if (error instanceof APIError && error.partialText === undefined && text !== undefined) {
          Object.assign(error, { partialText: redactText(text) });
        }
        this.#error = error;
        this.emit('error', error);
      } catch (listenerError) {
        thrown = listenerError;
      }
      // An error decoded here (an SSE error event) leaves the source open, its body unread and its idle timer armed,
      // so close it in that case too.
      const closing = close();
      return closing ? closing.then(() => Promise.reject(thrown)) : Promise.reject(thrown);
    };

    const onResult = (result: IteratorResult<SSEEvent>): IteratorResult<T> | Promise<IteratorResult<T>> => {
      try {
        if (result.done) {
          // abort() between two iterations closes the source quietly: still a failure, never a complete answer.
          if (this.#aborted) throw new APIUserAbortError({ message: 'The stream was aborted.' });
          this.onSourceEnd();
          this.#ended = true;
          finished = true;
          current = undefined;
          this.emit('end');
          return doneResult();
        }
        const item = this.decode(result.value);
        if (item === undefined) return (source as AsyncIterator<SSEEvent>).next().then(onResult, fail);
        this.emit('item', item);
        current = undefined;
        return { value: item, done: false };
      } catch (error) {
        return fail(error);
      }
    };

    const start = (): AsyncIterator<SSEEvent> | Promise<IteratorResult<T>> => {
      if (this.#started) {
        finished = true;
        return Promise.reject(new MiniMaxError('This stream is already being consumed (a stream is iterated once).'));
      }
      this.#started = true;
      source = this.#source[Symbol.asyncIterator]();
      this.#iterator = source;
      if (typeof (source as Partial<SSEEventIterator>).takeQueued === 'function') queued = source as SSEEventIterator;
      return source;
    };

    const iterator: AsyncIterator<T> & AsyncIterable<T> = {
      next: (): Promise<IteratorResult<T>> => {
        if (current) return current.then(iterator.next, iterator.next);
        if (finished) return Promise.resolve(doneResult());
        const started = source ?? start();
        if (started instanceof Promise) return started;
        // Events already parsed are decoded now: one resolved promise per item instead of a chain of three.
        if (queued !== undefined) {
          for (let event = queued.takeQueued(); event !== undefined; event = queued.takeQueued()) {
            let item: T | undefined;
            try {
              item = this.decode(event);
              if (item === undefined) continue;
              this.emit('item', item);
            } catch (error) {
              return fail(error);
            }
            return Promise.resolve({ value: item, done: false });
          }
        }
        current = started.next().then(onResult, fail);
        return current;
      },
      return: (value?: unknown): Promise<IteratorResult<T>> => {
        if (current) {
          const after = (): Promise<IteratorResult<T>> =>
            iterator.return?.(value) ?? Promise.resolve(doneResult(value));
          return current.then(after, after);
        }
        if (finished || !source) {
          finished = true;
          return Promise.resolve(doneResult(value));
        }
        finished = true;
        const closing = close();
        return closing ? closing.then(() => doneResult(value)) : Promise.resolve(doneResult(value));
      },
      throw: (error?: unknown): Promise<IteratorResult<T>> => {
        if (current) {
          const after = (): Promise<IteratorResult<T>> => iterator.throw?.(error) ?? Promise.reject(error);
          return current.then(after, after);
        }
        if (finished || !source) {
          finished = true;
          return Promise.reject(error);
        }
        return fail(error);
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /**
   * Registers a listener. `item` gets every yielded item, `end` fires once after the last, `error` on failure;
   * subclasses add their own (e.g. `text`). Listeners fire while the stream is consumed (by `for await` or `done()`).
   */
  on<K extends keyof (Events & BaseEvents<T>) & string>(
    event: K,
    listener: ListenerOf<Events & BaseEvents<T>, K>,
  ): this {
    this.#listeners.add(event, listener as Listener);
    return this;
  }

  off<K extends keyof (Events & BaseEvents<T>) & string>(
    event: K,
    listener: ListenerOf<Events & BaseEvents<T>, K>,
  ): this {
    this.#listeners.delete(event, listener as Listener);
    return this;
  }

  /** Whether `event` has a listener: lets a subclass skip building an argument nobody reads (a text snapshot). */
  protected listens(event: string): boolean {
    return this.#listeners.has(event);
  }

  protected emit(event: string, ...args: unknown[]): void {
    this.#listeners.emit(event, args);
  }

  /** Consumes the rest of the stream (firing listeners); resolves when it ended, rejects with its error. */
  done(): Promise<void> {
    if (this.#ended) return Promise.resolve();
    if (this.#error !== undefined) return Promise.reject(this.#error);
    if (this.#started) {
      return Promise.reject(new MiniMaxError('done() cannot drive a stream a for-await loop is consuming.'));
    }
    this.#donePromise ??= (async () => {
      for await (const _ of this) {
        // listeners and the subclass's aggregate see every item
      }
    })();
    return this.#donePromise;
  }

  /** Stops the stream and cancels the request. A pending iteration ends with `APIUserAbortError`. */
  abort(): void {
    this.#aborted = true;
    this.#cancelRequest();
    void this.#iterator?.return?.();
  }

  /** True once the source ended normally. */
  get ended(): boolean {
    return this.#ended;
  }
}

/** Events every stream emits. */
export interface BaseEvents<T> {
  item: (item: T) => void;
  end: () => void;
  error: (error: unknown) => void;
}
