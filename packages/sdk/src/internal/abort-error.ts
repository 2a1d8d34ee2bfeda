/**
 * The error to throw when an `AbortSignal` fires. Most aborts come from the caller
 * (`APIUserAbortError`), but a signal can also carry a timeout: `AbortSignal.timeout()` aborts with a
 * `TimeoutError` DOMException, and SDK code may abort with an SDK error as the reason. Those keep
 * their meaning instead of all looking like a user abort.
 */

import { APITimeoutError, APIUserAbortError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';

/**
 * Maps an aborted signal's reason to an SDK error.
 *
 * @example
 * ```ts
 * errorForAbort(AbortSignal.abort()); // APIUserAbortError
 * errorForAbort(AbortSignal.timeout(0)); // APITimeoutError (once fired)
 * ```
 */
export function errorForAbort(signal: AbortSignal): MiniMaxError {
  const reason: unknown = signal.reason;
  if (reason instanceof MiniMaxError) return reason;
  if (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError') {
    return new APITimeoutError({ cause: reason });
  }
  return new APIUserAbortError({ cause: reason });
}
