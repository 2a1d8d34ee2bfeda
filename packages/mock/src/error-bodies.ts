/**
 * The bodies of every error the mock can answer, shaped as the real API shapes them
 * (see /work/shared/docs/minimax-api-notes.md, "Errors arrive as HTTP 200"):
 *
 * - native endpoints: HTTP 200 + `{base_resp: {status_code, status_msg}}`;
 * - OpenAI- and Anthropic-compatible endpoints: a real HTTP status + `{type: 'error', error: {type, message,
 *   http_code}, request_id}` (the message ends with the MiniMax code in parentheses, as captured from the API);
 * - the OaiError family (Video V2, speech-to-text): real statuses by meaning (402, 422, 529…), see oai-errors.ts;
 * - gateway failures (429 / 5xx from the proxy in front of the API): HTML pages or a JSON envelope.
 */
import { OAI_MESSAGES, oaiCodeError, oaiErrorBody, oaiStatusError } from './oai-errors.ts';
import type { Violation } from './prism-engine.ts';
import type { ErrorCodeInfo, Flavour } from './spec-index.ts';

/** How an operation reports errors: its flavour, with the OaiError family told apart from the OpenAI-compatible chat. */
export type ErrorDialect = Flavour | 'oai';

/** The dialect of an operation (`oai` when its spec documents `OaiError` answers). */
export function dialectOf(op: { flavour: Flavour; oaiErrors?: boolean }): ErrorDialect {
  return op.flavour === 'openai' && op.oaiErrors ? 'oai' : op.flavour;
}

export interface ErrorAnswer {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serializable body; `html` wins when set. */
  body?: unknown;
  html?: string;
}

/** status_msg texts as the real API writes them (captured from responses), falling back to the spec's meaning. */
const STATUS_MSG: Readonly<Record<number, string>> = {
  1000: 'unknown error',
  1001: 'request timeout',
  1002: 'rate limit exceeded(RPM)',
  1004: "login fail: Please carry the API secret key in the 'Authorization' field of the request header",
  1008: 'insufficient balance',
  1024: 'internal error',
  1026: 'input new_sensitive',
  1027: 'output new_sensitive',
  1033: 'system error',
  1039: 'rate limit exceeded(TPM)',
  1041: 'conn limit',
  1042: 'illegal characters exceed limit',
  2013: 'invalid params',
  2045: 'rate growth limit',
  2049: 'invalid api key',
  2056: 'usage limit exceeded',
};

export function statusMessage(code: number, errorCodes: readonly ErrorCodeInfo[]): string {
  return STATUS_MSG[code] ?? errorCodes.find((c) => c.code === code)?.meaning ?? `error ${code}`;
}

/** The native envelope for a failed call. */
export function baseRespBody(
  code: number,
  message: string,
): { base_resp: { status_code: number; status_msg: string } } {
  return { base_resp: { status_code: code, status_msg: message } };
}

/**
 * HTTP status and Anthropic-style error type a compatible endpoint uses for a MiniMax code. Insufficient balance is
 * a 500 `api_error` on the real Anthropic-compatible endpoint (a naive client retries it): reproduced on purpose.
 */
export function compatStatus(code: number): { status: number; type: string } {
  switch (code) {
    case 1004:
    case 2049:
      return { status: 401, type: 'authentication_error' };
    case 1002:
    case 1039:
    case 1041:
    case 2045:
    case 2056:
      return { status: 429, type: 'rate_limit_error' };
    case 2013:
    case 1026:
    case 1027:
    case 1042:
      return { status: 400, type: 'invalid_request_error' };
    case 1001:
      return { status: 504, type: 'api_error' };
    default:
      return { status: 500, type: 'api_error' };
  }
}

export function compatErrorBody(status: number, type: string, message: string, requestId: string): unknown {
  return { type: 'error', error: { type, message, http_code: String(status) }, request_id: requestId };
}

/** A MiniMax error code answered the way the endpoint's flavour answers it. */
export function errorForCode(
  flavour: ErrorDialect,
  code: number,
  errorCodes: readonly ErrorCodeInfo[],
  requestId: string,
): ErrorAnswer {
  const message = statusMessage(code, errorCodes);
  if (flavour === 'native') return { status: 200, body: baseRespBody(code, message) };
  if (flavour === 'oai') return oaiCodeError(code, errorCodes, requestId, message);
  const { status, type } = compatStatus(code);
  return { status, body: compatErrorBody(status, type, `${message} (${code})`, requestId) };
}

/**
 * A request that breaks the contract. Deliberately NOT what the real API does for native endpoints (HTTP 200 +
 * 2013): a mock that answered 200 would let an SDK bug pass a test that only checks the HTTP status. So every
 * flavour gets HTTP 422 and a body that both a program and a human can read:
 * `{type: 'contract_violation', violations: [...], base_resp: {status_code: 2013, …}}`, plus, on compatible
 * endpoints, the `error` object their clients parse (the OaiError family included: the 422 says "off-contract",
 * and the (2013) in its message classifies it as invalid parameters, not as V2's sensitive-content 422).
 */
export function contractViolation(flavour: ErrorDialect, violations: Violation[], requestId: string): ErrorAnswer {
  const first = violations[0];
  const summary = first ? `${first.location.join('.') || 'request'}: ${first.message}` : 'request breaks the contract';
  const body: Record<string, unknown> = {
    type: 'contract_violation',
    message: `The request does not match the MiniMax OpenAPI spec (${violations.length} violation${
      violations.length === 1 ? '' : 's'
    }). First: ${summary}`,
    violations,
    base_resp: { status_code: 2013, status_msg: `invalid params, ${summary}` },
  };
  if (flavour !== 'native') {
    body.error = { type: 'invalid_request_error', message: `${summary} (2013)`, http_code: '422' };
    body.request_id = requestId;
  }
  return { status: 422, body };
}

/** Missing or malformed `Authorization`: native endpoints answer HTTP 200 + 1004, compatible ones HTTP 401. */
export function authError(flavour: ErrorDialect, errorCodes: readonly ErrorCodeInfo[], requestId: string): ErrorAnswer {
  return errorForCode(flavour, 1004, errorCodes, requestId);
}

/** What a proxy in front of the API answers for 5xx: an HTML page, not JSON (clients must check Content-Type). */
export function htmlPage(status: number, reason: string): string {
  const title = `${status} ${reason}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * Aligns a compatible endpoint's error body with the answer the spec documents for that status: the `error.type`
 * spelling (`authorized_error` / `bad_request_error` on the OpenAI-compatible endpoint, Anthropic's own names on
 * the Anthropic one) and whether `http_code` / `request_id` are present. The message stays ours (it names the code),
 * except with `documentedMessage` when the example names the same code (OaiError pages word 1026 per endpoint:
 * "video description contains…", "audio content contains…"); 2013 keeps ours, since its documented example
 * describes one particular mistake.
 */
export function alignWithExample(body: unknown, example: unknown, documentedMessage = false): unknown {
  const ours = body as { error?: Record<string, unknown> } & Record<string, unknown>;
  const theirs = example as { error?: Record<string, unknown> } & Record<string, unknown>;
  if (!ours?.error || typeof theirs?.error !== 'object' || theirs.error === null) return body;
  const error: Record<string, unknown> = { ...ours.error };
  if (typeof theirs.error.type === 'string') error.type = theirs.error.type;
  const code = (message: unknown) => (typeof message === 'string' ? /\((\d{4,6})\)\s*$/.exec(message)?.[1] : undefined);
  const shared = code(ours.error.message);
  if (documentedMessage && shared !== undefined && shared !== '2013' && code(theirs.error.message) === shared) {
    error.message = theirs.error.message;
  }
  if (!('http_code' in theirs.error)) delete error.http_code;
  const out: Record<string, unknown> = { ...ours, error };
  if (!('request_id' in theirs)) delete out.request_id;
  return out;
}

/**
 * An error from the gateway in front of the API. 5xx: the HTML page a proxy sends. 429: JSON with `Retry-After`
 * (a native endpoint's envelope, or a compatible endpoint's error body). Other 4xx: the flavour's JSON error.
 */
export function gatewayError(
  flavour: ErrorDialect,
  status: number,
  codes: readonly ErrorCodeInfo[],
  traceId: string,
  retryAfter?: number,
  bodyBytes?: number,
): ErrorAnswer {
  if (flavour === 'oai') {
    // The service's own 500 / 413 / 529 bodies; a 502/503/504 still comes from the proxy as HTML.
    const own = oaiStatusError(status, traceId, { retryAfter, bodyBytes });
    if (own) return own;
  }
  if (status >= 500) {
    const reason = STATUS_REASON[status] ?? 'Server Error';
    return { status, html: htmlPage(status, reason) };
  }
  const headers: Record<string, string> = status === 429 ? { 'Retry-After': String(retryAfter ?? 1) } : {};
  const code = status === 429 ? 1002 : status === 401 ? 1004 : 2013;
  if (flavour === 'native') {
    return { status, headers, body: { base_resp: { status_code: code, status_msg: statusMessage(code, codes) } } };
  }
  if (flavour === 'oai') {
    const message = `${OAI_MESSAGES[code] ?? statusMessage(code, codes)} (${code})`;
    return { status, headers, body: oaiErrorBody(status, message, traceId) };
  }
  const type = status === 429 ? 'rate_limit_error' : status === 401 ? 'authentication_error' : compatStatus(code).type;
  return { status, headers, body: compatErrorBody(status, type, `${statusMessage(code, codes)} (${code})`, traceId) };
}

const STATUS_REASON: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};
