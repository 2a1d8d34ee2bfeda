/**
 * Decides what an error means, from most to least specific evidence: a documented MiniMax code, then
 * the message (insufficient balance hides behind HTTP 500 on the Anthropic-compatible endpoint), then
 * the HTTP status, then the compatible endpoints' error type. Video V2 and speech-to-text (the OaiError family) send
 * real statuses — 400 bad_request_error, 401 authorized_error, 402 insufficient_balance_error, 413
 * invalid_request_error, 422 unprocessable_entity_error (sensitive content, 1026), 429 rate_limit_error, 500
 * server_error, 529 overloaded_error — and the same facts read the same way.
 */

import { type ErrorCategory, errorCodeInfo } from './error-codes.ts';

/** The evidence {@link classifyError} looks at. */
export interface ErrorEvidence {
  status?: number | undefined;
  /** The body's `error.http_code`, the status the server meant; used when the response's own is 200 or absent. */
  httpCode?: number | undefined;
  code?: number | undefined;
  type?: string | undefined;
  message?: string | undefined;
}

const INSUFFICIENT_BALANCE = /insufficient[\s_-]*(?:balance|quota)|余额不足/i;
const SENSITIVE = /sensitive/i;

const BY_TYPE: Readonly<Record<string, ErrorCategory>> = {
  authentication_error: 'authentication',
  authorized_error: 'authentication',
  permission_error: 'permission_denied',
  permission_denied_error: 'permission_denied',
  not_found_error: 'not_found',
  rate_limit_error: 'rate_limit',
  insufficient_balance_error: 'insufficient_balance',
  insufficient_quota: 'insufficient_balance',
  invalid_request_error: 'invalid_params',
  bad_request_error: 'invalid_params',
  unprocessable_entity_error: 'invalid_params',
  api_error: 'internal_server',
  server_error: 'internal_server',
  overloaded_error: 'internal_server',
  // The `error.code` of a failed Responses API object or `error` event (OpenAI's ResponseError codes; `server_error`
  // above is one too).
  rate_limit_exceeded: 'rate_limit',
  invalid_prompt: 'invalid_params',
};

function byStatus(status: number | undefined): ErrorCategory | undefined {
  switch (status) {
    case 400:
    case 413:
    case 422:
      return 'invalid_params';
    case 401:
      return 'authentication';
    case 402:
      return 'insufficient_balance';
    case 403:
      return 'permission_denied';
    case 404:
      return 'not_found';
    case 429:
      return 'rate_limit';
    default:
      return status !== undefined && status >= 500 ? 'internal_server' : undefined;
  }
}

/**
 * Whether a message says the account is out of money. Such a failure must never be retried,
 * even when the server dresses it up as an HTTP 500.
 *
 * @example
 * ```ts
 * saysInsufficientBalance('insufficient balance (1008)'); // true
 * ```
 */
export function saysInsufficientBalance(message: string | undefined): boolean {
  return message !== undefined && INSUFFICIENT_BALANCE.test(message);
}

/**
 * The category of a failure, or `undefined` when nothing is recognised (a generic `APIError`).
 *
 * @example
 * ```ts
 * classifyError({ status: 500, type: 'api_error', message: 'insufficient balance (1008)' }); // 'insufficient_balance'
 * classifyError({ status: 200, code: 1039 }); // 'rate_limit'
 * classifyError({ status: 529, type: 'overloaded_error' }); // 'internal_server'
 * ```
 */
export function classifyError({ status, httpCode, code, type, message }: ErrorEvidence): ErrorCategory | undefined {
  const known = errorCodeInfo(code);
  if (known) return known.category;
  if (saysInsufficientBalance(message)) return 'insufficient_balance';
  const meant = status === undefined || status === 200 ? (httpCode ?? status) : status;
  // V2's 422 is its sensitive-content answer; one without the (1026) suffix still says so in words.
  if (meant === 422 && message !== undefined && SENSITIVE.test(message)) return 'content_sensitive';
  const fromStatus = byStatus(meant);
  if (fromStatus) return fromStatus;
  return type !== undefined && Object.hasOwn(BY_TYPE, type) ? BY_TYPE[type] : undefined;
}
