/**
 * Whether a failed call may be sent again without risk of paying twice: the answer to `APICallError.isRetryable`.
 *
 * Every call this provider makes is a billable create (chat, speech, image), so the rule is the sdk's rule for
 * billable requests: send again only when the failure proves the request did no work — a rate limit (which MiniMax
 * answers before doing anything) or a connection that was never made. A 5xx, a timeout or a reset after the body was
 * sent may have started a job that will be billed. The sdk keeps this policy internal (`shouldRetry`), so it is
 * restated here from its public pieces (`errorCodeInfo`, `saysInsufficientBalance`); `safe-to-resend.test.ts` holds
 * the table both must agree on.
 */

import {
  APIConnectionError,
  type APIError,
  APIUserAbortError,
  errorCodeInfo,
  InsufficientBalanceError,
  saysInsufficientBalance,
} from '@minimax-ts/sdk';

/**
 * System error codes that prove the request never left: refused, unresolvable host, connect timeout.
 *
 * @example
 * ```ts
 * NOT_SENT_CODES.has('ECONNREFUSED'); // true
 * NOT_SENT_CODES.has('ECONNRESET'); // false: the request may have run
 * ```
 */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

type WithCode = { code?: unknown; cause?: unknown; errors?: unknown };

/**
 * The first system error code along a cause chain (fetch wraps it: `TypeError('fetch failed', { cause })`). An
 * `AggregateError` (several addresses tried) counts only when every attempt agrees.
 *
 * @example
 * ```ts
 * systemErrorCode(new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ECONNREFUSED' }) })); // 'ECONNREFUSED'
 * ```
 */
export function systemErrorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { code, cause, errors } = error as WithCode;
  if (typeof code === 'string' && code !== '') return code;
  if (Array.isArray(errors)) {
    const codes = new Set(errors.map((inner) => systemErrorCode(inner, depth + 1)));
    if (codes.size === 1) return [...codes][0];
  }
  return systemErrorCode(cause, depth + 1);
}

/**
 * True when the failure proves a billable request did not run, so sending it again cannot bill twice.
 *
 * @example
 * ```ts
 * safeToResend(rateLimitError); // true (HTTP 429, or codes 1002/1039/1041/2045)
 * safeToResend(internalServerError); // false: the job may have started
 * ```
 */
export function safeToResend(error: APIError): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionError) {
    const code = systemErrorCode(error.cause);
    return code !== undefined && NOT_SENT_CODES.has(code);
  }
  if (error instanceof InsufficientBalanceError || saysInsufficientBalance(error.serverMessage)) return false;
  return error.status === 429 || errorCodeInfo(error.code)?.category === 'rate_limit';
}
