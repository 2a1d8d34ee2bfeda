/**
 * The base of every stream the SDK returns: async-iterable once, with listeners (`on('item' | 'end' | 'error')`)
 * for callers who prefer callbacks, and `done()` to drive it to the end. Subclasses decode SSE events into items
 * and keep the aggregate (text, audio, final message).
 */

import type { SSEEvent } from '../internal/sse-parser.ts';
import { MiniMaxError } from './minimax-error.ts';

type Listener = (...args: never[]) => void;

/** What a subclass does with one SSE event: the items to yield (often one, sometimes none). */
export type Decoded<T> = T | undefined;

export abstract class EventStream<T, Events extends object = Record<never, Listener>> implements AsyncIterable<T> {
  #iterator: AsyncIterator<SSEEvent> | undefined;
  #started = false;
  #ended = false;
  #error: unknown;
  #listeners = new Map<string, Set<Listener>>();
  #donePromise: Promise<void> | undefined;

  protected constructor(
    private readonly source: AsyncIterable<SSEEvent>,
    /** Cancels the HTTP request (the body is cancelled by the iterator itself). */
    private readonly cancelRequest: () => void,
  ) {}

  /** Turns one event into an item, or `undefined` to skip it; throws to fail the stream (an error event). */
  protected abstract decode(event: SSEEvent): Decoded<T>;

  /** Called once when the source ends normally; throws if the stream ended too early. */
  protected onSourceEnd(): void {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#started) throw new MiniMaxError('This stream is already being consumed; a stream can be iterated once.');
    this.#started = true;
    const iterator = this.source[Symbol.asyncIterator]();
    this.#iterator = iterator;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const item = this.decode(next.value);
        if (item === undefined) continue;
        this.emit('item', item);
        yield item;
      }
      this.onSourceEnd();
      this.#ended = true;
      this.emit('end');
    } catch (error) {
      this.#error = error;
      this.emit('error', error);
      throw error;
    } finally {
      if (!this.#ended && this.#error === undefined) {
        // The consumer stopped early: free the connection.
        await iterator.return?.();
        this.cancelRequest();
      }
    }
  }

  /**
   * Registers a listener. `item` gets every yielded item, `end` fires once after the last, `error` on failure;
   * subclasses add their own (e.g. `text`). Listeners fire while the stream is consumed (by `for await` or `done()`).
   */
  on<K extends keyof (Events & BaseEvents<T>) & string>(
    event: K,
    listener: ListenerOf<Events & BaseEvents<T>, K>,
  ): this {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as Listener);
    return this;
  }

  off<K extends keyof (Events & BaseEvents<T>) & string>(
    event: K,
    listener: ListenerOf<Events & BaseEvents<T>, K>,
  ): this {
    this.#listeners.get(event)?.delete(listener as Listener);
    return this;
  }

  protected emit(event: string, ...args: unknown[]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of set) (listener as (...a: unknown[]) => void)(...args);
  }

  /** Consumes the rest of the stream (firing listeners); resolves when it ended, rejects with its error. */
  done(): Promise<void> {
    if (this.#ended) return Promise.resolve();
    if (this.#error !== undefined) return Promise.reject(this.#error);
    if (this.#started) {
      return Promise.reject(new MiniMaxError('done() cannot drive a stream that a for-await loop is consuming.'));
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
    this.cancelRequest();
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

type ListenerOf<E, K extends keyof E> = E[K] extends Listener ? E[K] : never;
