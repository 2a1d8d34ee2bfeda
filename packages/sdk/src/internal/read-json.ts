/**
 * Turns a JSON answer's text into the body or the error it carries: parsed losslessly, an empty or malformed body
 * raised as a typed connection error, MiniMax's HTTP-200 failures (`base_resp`) and the compatible endpoints'
 * `{type:"error"}` raised as the matching `APIError`. Shared by JSON answers and by JSON found where an event stream
 * was expected.
 */

import { APIError } from '../core/api-error.ts';
import { isFailureResponse } from '../core/api-error-details.ts';
import { APIConnectionError } from '../core/connection-errors.ts';
import { parseJSON } from './lossless-json.ts';

/** The request an answer belongs to, for error messages. */
export interface RequestLine {
  method: string;
  url: string;
}

/**
 * Parses a JSON answer's text and raises the failure it reports.
 *
 * @example
 * ```ts
 * const body = parseAnswer(await response.text(), response, { method: 'POST', url });
 * ```
 */
export function parseAnswer(text: string, response: Response, request: RequestLine): unknown {
  let body: unknown;
  try {
    if (text === '') throw new Error('empty body');
    body = parseJSON(text);
  } catch (cause) {
    throw new APIConnectionError({
      message:
        text === ''
          ? 'the response body is empty'
          : `the response body is not valid JSON (${text.length} bytes: ${JSON.stringify(text.slice(0, 80))}…)`,
      cause,
      ...request,
    });
  }
  if (!(response.status < 400 && isPlainSuccess(body)) && isFailureResponse(response.status, body)) {
    throw APIError.generate({ status: response.status, body, headers: response.headers, ...request });
  }
  return body;
}

/**
 * Whether a parsed body (or stream frame) certainly reports no failure, decided in a few property reads: an object
 * without `error`, without `type: "error"`, and without a `base_resp` or with one whose `status_code` is 0. The
 * general check (`isFailureResponse`) is the reference; this only skips it for the common answer, where it was a
 * measurable share of a small call's or a small event's cost. `false` means "look closer", not "failure".
 *
 * @example
 * ```ts
 * isPlainSuccess({ id: 'c1', base_resp: { status_code: 0 } }); // true
 * isPlainSuccess({ base_resp: { status_code: 1002 } }); // false: isFailureResponse decides
 * ```
 */
export function isPlainSuccess(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { error, type, base_resp: baseResp } = body as { error?: unknown; type?: unknown; base_resp?: unknown };
  return (
    error == null &&
    type !== 'error' &&
    (baseResp == null || (typeof baseResp === 'object' && (baseResp as { status_code?: unknown }).status_code === 0))
  );
}

/**
 * A short JSON preview of a body for a message (200 characters at most).
 *
 * @example
 * ```ts
 * describeBody({ id: 'c1', choices: [] }); // '{"id":"c1","choices":[]}'
 * ```
 */
export function describeBody(body: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(body) ?? '';
  } catch {
    text = String(body);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
