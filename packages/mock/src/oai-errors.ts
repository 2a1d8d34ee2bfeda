/**
 * The OaiError family (Video V2, speech-to-text, and every operation whose spec documents `OaiError` answers): a real
 * HTTP status chosen by what the MiniMax code means — 400 bad_request_error, 401 authorized_error, 402
 * insufficient_balance_error, 413 invalid_request_error, 422 unprocessable_entity_error, 429 rate_limit_error, 500
 * server_error, 529 overloaded_error — and the body
 * `{type: "error", error: {type, message: "… (<code>)", http_code: "<status>"}, request_id: "<32 hex>"}`
 * (docs `video-generation-v2-create` `components.responses.Err*`, China `speech-to-text`). The OpenAI-compatible chat
 * and the Anthropic endpoint keep their own table (error-bodies.ts `compatStatus`).
 */
import type { ErrorCodeInfo, OperationInfo, SpecIndex } from './spec-index.ts';

/** An error answer (the shape of error-bodies.ts `ErrorAnswer`, which builds on this module). */
export interface OaiAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** `error.type` by status, spelled as the V2 pages spell them. */
export const OAI_ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'bad_request_error',
  401: 'authorized_error',
  402: 'insufficient_balance_error',
  413: 'invalid_request_error',
  422: 'unprocessable_entity_error',
  429: 'rate_limit_error',
  500: 'server_error',
  529: 'overloaded_error',
};

/** The status for each category of the spec's code table (`x-minimax-error-codes[].category`). */
const STATUS_BY_CATEGORY: Readonly<Record<string, number>> = {
  authentication: 401,
  insufficient_balance: 402,
  content_sensitive: 422,
  rate_limit: 429,
  usage_limit: 429,
  invalid_params: 400,
  voice_clone: 400,
  websocket: 400,
};

/** Messages as the V2 pages write them; other codes use the native status_msg. */
export const OAI_MESSAGES: Readonly<Record<number, string>> = {
  1000: 'internal error',
  1002: 'rate limit, please retry later',
  1004: "login fail: Please carry the API secret key in the 'Authorization' field of the request header",
  1008: 'insufficient balance',
  1026: 'input contains sensitive content',
  1027: 'output contains sensitive content',
  2013: 'invalid params',
  2049: 'invalid api key',
};

/** What the real API says when a body is over the limit (speech-to-text: 50 MB); it carries no code. */
export const OAI_TOO_LARGE_LIMIT = 52_428_800;

/**
 * The HTTP status a MiniMax code gets in the OaiError family.
 *
 * @example
 * ```ts
 * oaiStatus(1008, codes); // 402
 * oaiStatus(1026, codes); // 422
 * ```
 */
export function oaiStatus(code: number, errorCodes: readonly ErrorCodeInfo[]): number {
  const category = errorCodes.find((c) => c.code === code)?.category;
  return (category !== undefined ? STATUS_BY_CATEGORY[category] : undefined) ?? 500;
}

/**
 * The OaiError body: `http_code` is the status as a string, `request_id` 32 hex characters.
 *
 * @example
 * ```ts
 * oaiErrorBody(402, 'insufficient balance (1008)', traceId);
 * // { type: 'error', error: { type: 'insufficient_balance_error', message: …, http_code: '402' }, request_id: traceId }
 * ```
 */
export function oaiErrorBody(status: number, message: string, requestId: string): unknown {
  const type = OAI_ERROR_TYPES[status] ?? (status >= 500 ? 'server_error' : 'bad_request_error');
  return { type: 'error', error: { type, message, http_code: String(status) }, request_id: requestId };
}

/**
 * A MiniMax code answered the OaiError way.
 *
 * @example
 * ```ts
 * oaiCodeError(1008, codes, traceId, (code) => nativeMessage(code)); // { status: 402, body: {… 'insufficient balance (1008)' …} }
 * ```
 */
export function oaiCodeError(
  code: number,
  errorCodes: readonly ErrorCodeInfo[],
  requestId: string,
  fallbackMessage: string,
): OaiAnswer {
  const status = oaiStatus(code, errorCodes);
  const message = `${OAI_MESSAGES[code] ?? fallbackMessage} (${code})`;
  return { status, body: oaiErrorBody(status, message, requestId) };
}

/**
 * A status answered by the service itself, not by a code: 529 overloaded (no code; MiniMax shows no example, so the
 * text is ours), 413 too large (speech-to-text's message, no code), 500 internal error (1000). Gateway 502/503/504
 * stay the proxy's HTML pages (error-bodies.ts).
 *
 * @example
 * ```ts
 * oaiStatusError(529, traceId, { retryAfter: 2 }); // { status: 529, headers: { 'Retry-After': '2' }, body: … }
 * ```
 */
export function oaiStatusError(
  status: number,
  requestId: string,
  options: { retryAfter?: number | undefined; bodyBytes?: number | undefined } = {},
): OaiAnswer | undefined {
  const retry: Record<string, string> =
    options.retryAfter === undefined ? {} : { 'Retry-After': String(options.retryAfter) };
  switch (status) {
    case 529:
      return { status, headers: retry, body: oaiErrorBody(529, 'service overloaded, please retry later', requestId) };
    case 413: {
      const bytes = Math.max(options.bodyBytes ?? 0, OAI_TOO_LARGE_LIMIT + 1);
      const message = `request body too large: ${bytes} bytes exceeds limit of ${OAI_TOO_LARGE_LIMIT} bytes`;
      return { status, body: oaiErrorBody(413, message, requestId) };
    }
    case 500:
      return { status, body: oaiErrorBody(500, `${OAI_MESSAGES[1000]} (1000)`, requestId) };
    default:
      return undefined;
  }
}

/**
 * The 413 an OaiError operation that documents one (speech-to-text) answers for a body over the documented limit
 * (50 MB), before looking at it; undefined otherwise.
 *
 * @example
 * ```ts
 * const refused = oaiBodyTooLarge(op, index, body.length, traceId);
 * if (refused) return refused; // 413 invalid_request_error "request body too large: … exceeds limit of 52428800 bytes"
 * ```
 */
export function oaiBodyTooLarge(
  op: OperationInfo,
  index: SpecIndex,
  bodyBytes: number,
  requestId: string,
): OaiAnswer | undefined {
  if (bodyBytes <= OAI_TOO_LARGE_LIMIT || !op.oaiErrors || op.flavour !== 'openai') return undefined;
  if (index.exampleFor(op, 413) === undefined) return undefined;
  return oaiStatusError(413, requestId, { bodyBytes });
}
