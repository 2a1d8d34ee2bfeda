/**
 * An abortable delay, used between retries and polls. It leaves nothing behind: an abort clears the
 * timer, and the timer removes the abort listener, so neither keeps the process (or the signal) alive.
 */

import { errorForAbort } from './abort-error.ts';

/**
 * Resolves after `ms` milliseconds, or rejects with `APIUserAbortError` as soon as `signal` aborts
 * (immediately if it already has). A signal aborted by a timeout (`AbortSignal.timeout()`, or an SDK
 * error as the reason) rejects with that timeout error instead; see `errorForAbort`.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await sleep(500, controller.signal); // waits 500 ms unless controller.abort() is called
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(errorForAbort(signal));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(errorForAbort(signal!));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
