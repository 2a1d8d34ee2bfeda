import { APITimeoutError, APIUserAbortError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';

/**
 * The signal of one attempt: aborted by the caller's signal or by the attempt's timeout, and able to tell which,
 * so an abort becomes `APIUserAbortError` and a timeout `APITimeoutError` rather than a bare `AbortError`.
 */
export class AttemptSignal {
  readonly #controller = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  #cancelled = false;
  /** Created only when there is a caller's signal to listen to (most calls have none). */
  readonly #onUserAbort: (() => void) | undefined;

  readonly #user: AbortSignal | undefined;

  constructor(user: AbortSignal | undefined, timeoutMs: number) {
    this.#user = user;
    if (user?.aborted) this.#controller.abort(user.reason);
    else if (user) {
      this.#onUserAbort = () => this.#controller.abort(user.reason);
      user.addEventListener('abort', this.#onUserAbort, { once: true });
    }
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        this.#controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
      }, timeoutMs);
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Stops the timeout (a stream's headers arrived) but keeps the caller's abort wired. */
  stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Releases everything; after this the caller's signal no longer reaches the attempt. */
  dispose(): void {
    this.stopTimer();
    if (this.#onUserAbort) this.#user?.removeEventListener('abort', this.#onUserAbort);
  }

  /** Aborts the attempt itself, e.g. when a stream consumer stops early or a download is cancelled. */
  abort(): void {
    if (!this.#controller.signal.aborted) this.#cancelled = true;
    this.#controller.abort();
  }

  /** Translates a failure caused by this signal into the SDK's error; other failures pass through. */
  translate(error: unknown, request: { method: string; url: string }): unknown {
    if (!this.#controller.signal.aborted) return error;
    if (error instanceof APIUserAbortError || error instanceof APITimeoutError) return error;
    if (this.#timedOut) return new APITimeoutError({ cause: error, ...request });
    if (this.#user?.aborted) {
      const reason: unknown = this.#user.reason;
      // A deadline of the SDK's (a `wait()` timeout, a `streamTimeout`) aborts with the error to raise.
      if (reason instanceof MiniMaxError) return reason;
      // A caller's `AbortSignal.timeout()` is a timeout, as `errorForAbort` reports it during a backoff sleep or
      // mid-stream; without this the same signal gave APIUserAbortError only while waiting for the headers.
      if (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError') {
        return new APITimeoutError({ cause: reason, ...request });
      }
      return new APIUserAbortError({ cause: reason, ...request });
    }
    // Cancelled from inside (`FileContent.cancel()`): the SDK's abort error, never the runtime's bare AbortError.
    if (this.#cancelled)
      return new APIUserAbortError({ message: 'The request was cancelled.', cause: error, ...request });
    return error;
  }
}
