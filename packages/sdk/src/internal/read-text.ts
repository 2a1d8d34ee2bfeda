/**
 * Reads a text answer: subtitles, which speech-to-text sends as `text/plain` (SRT) or `text/vtt` (WebVTT). MiniMax
 * reports a failure with a JSON body, normally under an error status (raised before the body is read as text); a JSON
 * body that arrives with a 2xx status where text was expected is recognised by its first character — `{`, which no SRT
 * or WebVTT document starts with — and raised as the `APIError` it carries, or refused when it carries none (a server
 * that ignored `response_format` must not have its JSON passed off as subtitles). A gateway's HTML page is refused too.
 */

import { APIError } from '../core/api-error.ts';
import { isFailureResponse } from '../core/api-error-details.ts';
import { parseJSON } from './lossless-json.ts';
import type { OpenResponse } from './open-response.ts';
import { describeBody, type RequestLine } from './read-json.ts';

const CONTENT_TYPE_JSON = /\bjson\b/i;
const CONTENT_TYPE_HTML = /^\s*text\/html\b/i;

/**
 * The text of an answer, or the error it carries (see the file comment). An empty text is a valid answer (the
 * subtitles of silent audio).
 *
 * @example
 * ```ts
 * const srt = readTextAnswer(await response.text(), response, { method: 'POST', url });
 * ```
 */
export function readTextAnswer(text: string, response: Response, request: RequestLine): string {
  const type = response.headers.get('content-type') ?? '';
  if (CONTENT_TYPE_JSON.test(type) || text.trimStart().startsWith('{')) {
    let body: unknown;
    try {
      body = parseJSON(text);
    } catch {
      // Labelled JSON, but not JSON: the text itself, mislabelled (no MiniMax error body fails to parse).
      return text;
    }
    if (isFailureResponse(response.status, body)) throw mismatch(response, request, body, undefined);
    if (typeof body === 'string') return body; // the text, sent as a JSON string
    throw mismatch(response, request, body, `expected text, got JSON: ${describeBody(body)}`);
  }
  if (CONTENT_TYPE_HTML.test(type)) {
    throw mismatch(
      response,
      request,
      text.slice(0, 2_000),
      `expected text, got ${type}: ${JSON.stringify(text.slice(0, 120))}`,
    );
  }
  return text;
}

/**
 * The reader of a text call (`Transport.call`): the answer read whole, then released.
 *
 * @example
 * ```ts
 * const srt = await this._transport.call(transcribe, input, options, textAnswer);
 * ```
 */
export async function textAnswer(open: OpenResponse): Promise<string> {
  try {
    return readTextAnswer(await open.response.text(), open.response, open.request);
  } finally {
    open.attempt.dispose();
  }
}

/** The error for `body`: the failure it reports (`message` undefined) or a mismatch that `message` describes. */
function mismatch(response: Response, request: RequestLine, body: unknown, message: string | undefined): APIError {
  return APIError.generate({
    status: response.status,
    body,
    headers: response.headers,
    ...(message === undefined ? {} : { message }),
    ...request,
  });
}
