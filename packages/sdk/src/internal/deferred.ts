/** A promise settled from outside, for events that a WebSocket delivers (a session's opening, its end, a flush). */

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Its rejection is marked handled: a caller that never awaits it (a fire-and-forget `flush()`) gets no
 * unhandled-rejection warning, while one that awaits it still gets the error.
 *
 * @example
 * ```ts
 * const opened = deferred<void>();
 * socket.onopen = () => opened.resolve();
 * await opened.promise;
 * ```
 */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}
