/**
 * A deadline over several steps: the polls and sleeps of a `wait()`, the attempts and events of a stream with a
 * `streamTimeout`. Checking the clock between steps is not enough (a poll that hangs would overrun the deadline by the
 * request timeout times the retries), so the deadline is a signal handed to every step: it aborts the step in flight
 * the moment the time is up, with the error to raise as its reason (`errorForAbort` and `AttemptSignal.translate`
 * pass an SDK error reason through unchanged).
 */

import type { MiniMaxError } from '../core/minimax-error.ts';

/**
 * Aborts its signal when one of `parents` aborts (with that parent's reason) or, given `ms`, after `ms` (with
 * `onExpire()`). Without `ms` it only links signals (a stream's own cancel to the caller's signal, say).
 *
 * @example
 * ```ts
 * const deadline = new Deadline([options.signal], 60_000, () => new APITimeoutError({ message: 'gave up' }));
 * try { await step(deadline.signal); } finally { deadline.dispose(); }
 * ```
 */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #parents: ReadonlyArray<AbortSignal | undefined>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onParentAbort = (event: Event): void => {
    this.#controller.abort((event.target as AbortSignal).reason);
    this.dispose();
  };

  constructor(parents: ReadonlyArray<AbortSignal | undefined>, ms?: number, onExpire?: () => MiniMaxError) {
    this.#parents = parents;
    const aborted = parents.find((parent) => parent?.aborted);
    if (aborted) {
      this.#controller.abort(aborted.reason);
      return;
    }
    for (const parent of parents) parent?.addEventListener('abort', this.#onParentAbort, { once: true });
    if (ms === undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#controller.abort(onExpire?.());
      this.dispose();
    }, ms);
  }

  /** Aborted by a parent or by the deadline. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Stops the timer only: the parents still abort the signal (a stream handed over raw, still the caller's). */
  stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Stops the timer and unhooks from the parents; the signal stays as it is. Idempotent. */
  dispose(): void {
    this.stopTimer();
    for (const parent of this.#parents) parent?.removeEventListener('abort', this.#onParentAbort);
  }
}
