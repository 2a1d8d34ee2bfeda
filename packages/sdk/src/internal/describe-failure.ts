/**
 * Turns whatever a request threw into the plain {@link RetryFailure} the retry policy decides on.
 * fetch reports network failures as a `TypeError("fetch failed")` whose `cause` (sometimes an
 * `AggregateError`, when several addresses were tried) carries the system error code.
 */

import { APIError } from '../core/api-error.ts';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../core/connection-errors.ts';
import type { RetryFailure } from './retry-policy.ts';

type WithCode = { code?: unknown; cause?: unknown; errors?: unknown; name?: unknown };

/**
 * The first system error code (a string like `ECONNREFUSED`) found along the cause chain.
 *
 * @example
 * ```ts
 * systemErrorCode(new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ECONNREFUSED' }) }));
 * // 'ECONNREFUSED'
 * ```
 */
export function systemErrorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { code, cause, errors } = error as WithCode;
  if (typeof code === 'string' && code !== '') return code;
  if (Array.isArray(errors)) {
    // AggregateError: only trust a code every attempt agrees on.
    const codes = new Set(errors.map((inner) => systemErrorCode(inner, depth + 1)));
    if (codes.size === 1) return [...codes][0];
  }
  return systemErrorCode(cause, depth + 1);
}

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
