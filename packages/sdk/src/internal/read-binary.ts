/**
 * Reads the head of a file-content answer and hands its body over unread, to be streamed by `FileContent`. Native
 * endpoints answer a failure with a JSON `base_resp` even where bytes were expected (HTTP 200): that body is read and
 * raised as the error it reports, never handed on as the file.
 */

import { APIConnectionError } from '../core/connection-errors.ts';
import type { OpenResponse } from './open-response.ts';
import type { Operation } from './operation.ts';
import { parseAnswer } from './read-json.ts';

const CONTENT_TYPE_JSON = /\bjson\b/i;

/**
 * The reader of a binary call (`Transport.call`): the response, its body unread, the attempt's timer stopped (the
 * caller's signal still reaches the body).
 *
 * @example
 * ```ts
 * this._transport.call(ops.content, { query }, options, binaryAnswer)._thenUnwrap((open) => new FileContent(open));
 * ```
 */
export async function binaryAnswer(open: OpenResponse, op: Operation): Promise<OpenResponse> {
  const type = open.response.headers.get('content-type') ?? '';
  if (op.envelope === 'native' && CONTENT_TYPE_JSON.test(type)) {
    try {
      parseAnswer(await open.response.text(), open.response, open.request); // raises the failure it reports
      throw new APIConnectionError({ message: 'expected file content, got a JSON body', ...open.request });
    } finally {
      open.attempt.dispose();
    }
  }
  open.attempt.stopTimer();
  return open;
}
