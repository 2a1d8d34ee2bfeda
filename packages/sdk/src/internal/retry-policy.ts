/**
 * When to send a failed request again, and after how long. Pure functions, so every rule is a row in
 * a table-driven test.
 *
 * Reads and polls retry freely. Billable creates (chat, speech, video, image, music, voice clone and
 * design) cost money each time they run, so they retry only when the failure proves the request did
 * not run: the connection was never made, or the server answered "rate limited" (which it does before
 * doing any work). A timeout or a 5xx after the body was sent may have run the job; retrying could
 * bill it twice.
 *
 * A 529 `overloaded_error` (Video V2, speech-to-text) counts as a 5xx: retried for reads and polls, not for a billable
 * create. MiniMax documents only its type name, no example and no statement that an overloaded request did no work
 * (the "the API turned the request down" reading is Anthropic's, for another server); a video create that did run is
 * billed on completion, so a second send could pay twice for one video. The caller sees an `InternalServerError`
 * with status 529 and can send it again knowingly.
 */

import { errorCodeInfo } from '../core/error-codes.ts';
import { saysInsufficientBalance } from '../core/error-mapping.ts';
import { parseRetryAfterMs } from './retry-after.ts';

/** What went wrong, as data. `describeFailure` builds one from a thrown error. */
export type RetryFailure =
  /** No response. `code` is the system error code (e.g. `ECONNREFUSED`); `bodySent: false` asserts nothing was sent. */
  | { kind: 'connection'; code?: string | undefined; bodySent?: boolean | undefined }
  | { kind: 'timeout'; code?: string | undefined; bodySent?: boolean | undefined }
  /** A response: HTTP status, plus the MiniMax code (or error type) and message when the body had them. */
  | { kind: 'response'; status: number; code?: number | string | undefined; message?: string | undefined }
  /** The caller aborted. */
  | { kind: 'abort' }
  /** Not a transport failure (e.g. a bug); never retried. */
  | { kind: 'other' };

/** Input of {@link shouldRetry}. */
export interface RetryInput {
  /** Retries already made for this request (0 after the first failure). */
  attempt: number;
  maxRetries: number;
  /** Whether running the request twice could bill twice. */
  billable: boolean;
  failure: RetryFailure;
}

/** Why {@link shouldRetry} decided as it did; handy in logs and tests. */
export type RetryReason =
  | 'aborted'
  | 'max-retries'
  | 'insufficient-balance'
  | 'rate-limited'
  | 'not-sent'
  | 'billable-may-have-run'
  | 'connection-error'
  | 'timeout'
  | 'retryable-status'
  | 'retryable-code'
  | 'not-retryable';

/** The outcome of {@link shouldRetry}. */
export interface RetryDecision {
  retry: boolean;
  reason: RetryReason;
}

/**
 * System error codes that prove the request never left: the connection was refused, or the host name
 * did not resolve, or the connection (TCP/TLS) could not be set up in time.
 *
 * @example
 * ```ts
 * NOT_SENT_ERROR_CODES.has('ECONNREFUSED'); // true: a billable create may be retried
 * NOT_SENT_ERROR_CODES.has('ECONNRESET'); // false: the request may have run
 * ```
 */
export const NOT_SENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const RETRYABLE_STATUS = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || status >= 500;
const decide = (retry: boolean, reason: RetryReason): RetryDecision => ({ retry, reason });

function provablyNotSent(failure: { code?: string | undefined; bodySent?: boolean | undefined }): boolean {
  if (failure.bodySent === true) return false;
  return failure.bodySent === false || (failure.code !== undefined && NOT_SENT_ERROR_CODES.has(failure.code));
}

function decideResponse(failure: Extract<RetryFailure, { kind: 'response' }>, billable: boolean): RetryDecision {
  const info = errorCodeInfo(failure.code);
  if (info?.category === 'insufficient_balance' || saysInsufficientBalance(failure.message)) {
    return decide(false, 'insufficient-balance'); // e.g. the Anthropic endpoint's HTTP 500 "insufficient balance"
  }
  if (failure.status === 429 || info?.category === 'rate_limit') return decide(true, 'rate-limited');
  if (billable) return decide(false, 'billable-may-have-run');
  if (info) return decide(info.retryable, info.retryable ? 'retryable-code' : 'not-retryable');
  if (RETRYABLE_STATUS(failure.status)) return decide(true, 'retryable-status');
  return decide(false, 'not-retryable');
}

/**
 * Decides whether to retry a failed request.
 *
 * @example
 * ```ts
 * shouldRetry({ attempt: 0, maxRetries: 2, billable: true, failure: { kind: 'response', status: 503 } });
 * // { retry: false, reason: 'billable-may-have-run' }
 * shouldRetry({ attempt: 0, maxRetries: 2, billable: true, failure: { kind: 'response', status: 200, code: 1002 } });
 * // { retry: true, reason: 'rate-limited' }
 * ```
 */
export function shouldRetry({ attempt, maxRetries, billable, failure }: RetryInput): RetryDecision {
  if (failure.kind === 'abort') return decide(false, 'aborted');
  if (failure.kind === 'other') return decide(false, 'not-retryable');
  if (attempt >= maxRetries) return decide(false, 'max-retries');
  if (failure.kind === 'response') return decideResponse(failure, billable);
  if (provablyNotSent(failure)) return decide(true, 'not-sent');
  if (billable) return decide(false, 'billable-may-have-run');
  return decide(true, failure.kind === 'timeout' ? 'timeout' : 'connection-error');
}

/** Input of {@link retryDelayMs}. */
export interface RetryDelayInput {
  /** Retries already made (0 for the delay before the first retry). */
  attempt: number;
  /** The `Retry-After` header: delay-seconds or an HTTP date. */
  retryAfterHeader?: string | null | undefined;
  /** The `retry-after-ms` header, in milliseconds; wins over `Retry-After`. */
  retryAfterMsHeader?: string | null | undefined;
  /** A source of randomness in [0, 1), injectable for tests; defaults to `Math.random`. */
  random?: () => number;
  /** The current time, for HTTP dates; defaults to `Date.now()`. */
  now?: number;
}

/**
 * The longest we wait on a server's hint (a longer `Retry-After` is capped to it).
 *
 * @example
 * ```ts
 * retryDelayMs({ attempt: 0, retryAfterHeader: '3600' }) === MAX_RETRY_AFTER_MS; // true
 * ```
 */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * How long to wait before the next attempt: the server's hint (capped at 60 s), else exponential
 * backoff from 0.5 s to 8 s, reduced by up to 25% of random jitter so that clients that failed
 * together do not retry together.
 *
 * @example
 * ```ts
 * retryDelayMs({ attempt: 0, random: () => 0 }); // 500
 * retryDelayMs({ attempt: 5, random: () => 0 }); // 8000
 * retryDelayMs({ attempt: 0, retryAfterHeader: '3' }); // 3000
 * ```
 */
export function retryDelayMs({ attempt, retryAfterHeader, retryAfterMsHeader, random, now }: RetryDelayInput): number {
  const hint = parseRetryAfterMs({ retryAfterHeader, retryAfterMsHeader, now });
  if (hint !== undefined) return Math.min(hint, MAX_RETRY_AFTER_MS);
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** Math.max(0, attempt), MAX_BACKOFF_MS);
  const jitter = 1 - (random ?? Math.random)() * 0.25;
  return backoff * jitter;
}
