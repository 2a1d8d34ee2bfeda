/**
 * An async-iterable queue fed by pushes: a WebSocket delivers frames whether or not anyone is reading, so the session
 * pushes its audio here and `for await` pulls it. Items pushed before a failure are still yielded, then the error is
 * thrown; an abort (`clear`) drops them. Iterable once, like every stream of the SDK.
 */

import { MiniMaxError } from '../core/minimax-error.ts';

interface Waiter<T> {
  resolve(result: IteratorResult<T>): void;
  reject(error: unknown): void;
}

export class PushQueue<T> {
  #items: T[] = [];
  #head = 0;
  #waiter: Waiter<T> | undefined;
  #ended = false;
  #error: { value: unknown } | undefined;
  #started = false;
  /** Called when the consumer stops early (`break` out of `for await`). */
  readonly #onReturn: () => void;

  constructor(onReturn: () => void) {
    this.#onReturn = onReturn;
  }

  push(item: T): void {
    if (this.#ended || this.#error) return;
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = undefined;
      waiter.resolve({ value: item, done: false });
    } else this.#items.push(item);
  }

  /** No more items: the iteration ends after the queued ones. */
  end(): void {
    if (this.#ended || this.#error) return;
    this.#ended = true;
    this.#settleWaiter();
  }

  /** The iteration throws `error` after the queued items (or at once, with `dropQueued`). */
  fail(error: unknown, dropQueued = false): void {
    if (this.#ended || this.#error) return;
    this.#error = { value: error };
    if (dropQueued) this.#drop();
    this.#settleWaiter();
  }

  get started(): boolean {
    return this.#started;
  }

  #drop(): void {
    this.#items = [];
    this.#head = 0;
  }

  #settleWaiter(): void {
    const waiter = this.#waiter;
    if (!waiter) return;
    this.#waiter = undefined;
    if (this.#error) waiter.reject(this.#error.value);
    else waiter.resolve({ value: undefined, done: true });
  }

  #next(): Promise<IteratorResult<T>> {
    if (this.#head < this.#items.length) {
      const value = this.#items[this.#head] as T;
      this.#items[this.#head++] = undefined as T; // release the chunk as soon as it is handed out
      if (this.#head === this.#items.length) this.#drop();
      return Promise.resolve({ value, done: false });
    }
    if (this.#error) return Promise.reject(this.#error.value);
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    if (this.#waiter) return Promise.reject(new MiniMaxError('next() called again before the previous one settled.'));
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  iterator(): AsyncIterator<T> {
    if (this.#started) {
      const error = new MiniMaxError('This session is already being consumed; its audio can be iterated once.');
      return { next: () => Promise.reject(error) };
    }
    this.#started = true;
    return {
      next: () => this.#next(),
      return: (value?: unknown) => {
        if (!this.#ended && !this.#error) this.#onReturn();
        this.#drop();
        return Promise.resolve({ value: value as T, done: true });
      },
    };
  }
}
