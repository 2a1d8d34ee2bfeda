/**
 * Turns whatever a request threw into the plain {@link RetryFailure} the retry policy decides on, reading the system
 * error code behind a failed fetch with `systemErrorCode`.
 */

import { APIError } from '../core/api-error.ts';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../core/connection-errors.ts';
import type { RetryFailure } from './retry-policy.ts';
import { systemErrorCode } from './system-error.ts';

type WithCode = { name?: unknown };

export { systemErrorCode };

const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as WithCode).name === 'AbortError';
const isTimeoutError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as WithCode).name === 'TimeoutError';

/**
 * Describes a thrown error for {@link shouldRetry}.
 *
 * @example
 * ```ts
 * try { await fetch(url, init); }
 * catch (error) { shouldRetry({ attempt, maxRetries, billable, failure: describeFailure(error) }); }
 * ```
 */
export function describeFailure(error: unknown): RetryFailure {
  if (error instanceof APIUserAbortError || isAbortError(error)) return { kind: 'abort' };
  const code = systemErrorCode(error);
  if (error instanceof APITimeoutError || isTimeoutError(error)) return { kind: 'timeout', code };
  if (error instanceof APIConnectionError || error instanceof TypeError) return { kind: 'connection', code };
  if (error instanceof APIError && error.status !== undefined) {
    return { kind: 'response', status: error.status, code: error.code, message: error.serverMessage };
  }
  return { kind: 'other' };
}
