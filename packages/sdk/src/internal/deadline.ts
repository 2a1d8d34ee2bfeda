/**
 * A deadline over several steps: the polls and sleeps of a `wait()`, the attempts and events of a stream with a
 * `streamTimeout`. Checking the clock between steps is not enough (a poll that hangs would overrun the deadline by the
 * request timeout times the retries), so the deadline is a signal handed to every step: it aborts the step in flight
 * the moment the time is up, with the error to raise as its reason (`errorForAbort` and `AttemptSignal.translate`
 * pass an SDK error reason through unchanged).
 */

import type { MiniMaxError } from '../core/minimax-error.ts';

/**
 * Aborts its signal when `parent` aborts (with the parent's reason) or after `ms` (with `onExpire()`).
 *
 * @example
 * ```ts
 * const deadline = new Deadline(options.signal, 60_000, () => new APITimeoutError({ message: 'gave up' }));
 * try { await step(deadline.signal); } finally { deadline.dispose(); }
 * ```
 */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #parent: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onParentAbort = (): void => {
    this.#controller.abort(this.#parent?.reason);
    this.dispose();
  };

  constructor(parent: AbortSignal | undefined, ms: number, onExpire: () => MiniMaxError) {
    this.#parent = parent;
    if (parent?.aborted) {
      this.#controller.abort(parent.reason);
      return;
    }
    parent?.addEventListener('abort', this.#onParentAbort, { once: true });
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#controller.abort(onExpire());
      this.dispose();
    }, ms);
  }

  /** Aborted by the parent or by the deadline. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Stops the timer and unhooks from the parent; the signal stays as it is. Idempotent. */
  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#parent?.removeEventListener('abort', this.#onParentAbort);
  }
}
