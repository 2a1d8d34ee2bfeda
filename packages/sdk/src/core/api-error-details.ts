/**
 * Reads what an error response says, whichever of MiniMax's two error shapes it uses:
 * - native endpoints: HTTP 200 with `base_resp: { status_code, status_msg }` and a non-zero code;
 * - the OpenAI/Anthropic-compatible endpoints, Video V2 and speech-to-text: a real HTTP status with
 *   `{ type: 'error', error: { type, message, http_code? }, request_id }`, where the MiniMax code
 *   only appears at the end of the message, e.g. `"insufficient balance (1008)"`, and `http_code` is
 *   the status as a string (`"402"`).
 */

import { copySafeHeaders, type HeadersLike, redactText } from '../internal/redact.ts';

/** The facts an {@link APIError} is built from. */
export interface ErrorDetails {
  /** The MiniMax status code when known (from `base_resp`, `error.code`, or a `(1008)` message suffix). */
  code: number | undefined;
  /** The error type string of the compatible endpoints (`'authentication_error'`, `'api_error'`, …). */
  type: string | undefined;
  /**
   * The body's `error.http_code` (a string on the wire, `"402"`) as a number: the status the server meant, which
   * classifies an error that arrived without one of its own (inside a stream, behind an HTTP 200).
   */
  httpCode: number | undefined;
  /** The server's own message, with anything resembling a credential scrubbed. */
  serverMessage: string;
  traceId: string | undefined;
  requestId: string | undefined;
  /** Response headers without credential headers, lowercase names. */
  headers: Record<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const CODE_SUFFIX = /\((\d{4,6})\)\s*$/;
const MAX_TEXT = 500;

function toHttpCode(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^[1-5]\d\d$/.test(text.trim()) ? Number(text) : undefined;
}

function toCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value !== 0) return value;
  if (typeof value === 'string' && /^[1-9]\d{3,5}$/.test(value)) return Number(value);
  return undefined;
}

/** An OpenAI-style `code` that names the failure (`"server_error"`, `"rate_limit_exceeded"`), not a number. */
function codeName(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z][\w.-]{0,63}$/i.test(value) ? value : undefined;
}

/**
 * The non-zero `base_resp` of a body, if any: the only sign of failure on native endpoints.
 *
 * @example
 * ```ts
 * baseRespFailure({ base_resp: { status_code: 1002, status_msg: 'rate limit' } }); // { code: 1002, message: 'rate limit' }
 * baseRespFailure({ base_resp: { status_code: 0, status_msg: '' } }); // undefined
 * ```
 */
export function baseRespFailure(body: unknown): { code: number; message: string } | undefined {
  if (!isObj(body) || !isObj(body.base_resp)) return undefined;
  const code = Number(body.base_resp.status_code);
  if (!Number.isFinite(code) || code === 0) return undefined;
  return { code, message: typeof body.base_resp.status_msg === 'string' ? body.base_resp.status_msg : '' };
}

/**
 * A Responses API object (`object: "response"` with a `status`). Its `error` says why the *generation* failed
 * (`status: "failed"`): a result the caller reads, as openai-node returns it, not a failed call.
 */
const isResponseObject = (body: Obj): boolean => body.object === 'response' && typeof body.status === 'string';

/**
 * Whether a response (or a stream event) is a failure: an HTTP error status, a non-zero
 * `base_resp`, an `{ type: 'error', error }` body, or an `error` object with a message — except in a Responses
 * object, whose `error` belongs to its `status: "failed"`. The client calls this on every response,
 * because native endpoints report failures with HTTP 200.
 *
 * @example
 * ```ts
 * if (isFailureResponse(response.status, body)) throw APIError.generate({ status: response.status, body, … });
 * ```
 */
export function isFailureResponse(status: number, body: unknown): boolean {
  if (status >= 400) return true;
  if (baseRespFailure(body) !== undefined) return true;
  if (!isObj(body)) return false;
  if (body.type === 'error') return true;
  return !isResponseObject(body) && isObj(body.error) && str(body.error.message) !== undefined;
}

/**
 * Extracts code, type, message and ids from a parsed error body (or raw text) and its headers.
 *
 * @example
 * ```ts
 * readErrorDetails({ type: 'error', error: { type: 'api_error', message: 'insufficient balance (1008)' } }, undefined);
 * // { code: 1008, type: 'api_error', serverMessage: 'insufficient balance (1008)', … }
 * ```
 */
export function readErrorDetails(body: unknown, headers: HeadersLike | undefined): ErrorDetails {
  const safeHeaders = copySafeHeaders(headers);
  let code: number | undefined;
  let type: string | undefined;
  let httpCode: number | undefined;
  let message = '';
  const baseResp = baseRespFailure(body);
  if (baseResp) {
    code = baseResp.code;
    message = baseResp.message;
  } else if (isObj(body) && isObj(body.error)) {
    type = str(body.error.type) ?? codeName(body.error.code);
    httpCode = toHttpCode(body.error.http_code);
    message = str(body.error.message) ?? '';
    code = toCode(body.error.code) ?? toCode(CODE_SUFFIX.exec(message)?.[1]);
  } else if (isObj(body) && str(body.message)) {
    message = body.message as string;
    type = codeName(body.code);
    code = toCode(body.code) ?? toCode(CODE_SUFFIX.exec(message)?.[1]);
  } else if (typeof body === 'string') {
    message = body.length > MAX_TEXT ? `${body.slice(0, MAX_TEXT)}…` : body;
  }
  const fromBody = isObj(body) ? body : {};
  const traceId = safeHeaders['trace-id'] ?? safeHeaders['x-trace-id'] ?? str(fromBody.trace_id);
  const requestId = safeHeaders['x-request-id'] ?? safeHeaders['request-id'] ?? str(fromBody.request_id);
  // Everything here may reach a message or a field of the error: the body's strings are redacted like the headers.
  return {
    code,
    type: type === undefined ? undefined : redactText(type),
    httpCode,
    serverMessage: redactText(message.trim()),
    traceId: traceId === undefined ? undefined : redactText(traceId),
    requestId: requestId === undefined ? undefined : redactText(requestId),
    headers: safeHeaders,
  };
}
