/**
 * The HTTP response headers an AI SDK result reports (`response.headers`), from the sdk's `withResponse()`. Without
 * them a successful call said nothing of its `Trace-Id`, which MiniMax support asks for as often as for a failed
 * one's. Copied the way the sdk copies an error's headers: names in lower case, credential headers dropped, every
 * value scrubbed of the key (a server may echo it), so a success shows no more than a failure would.
 */

import { readErrorDetails } from '@minimax-ts/sdk';

/**
 * The headers of a response as a plain record, safe to log.
 *
 * @example
 * ```ts
 * const { data, response } = await mm.images.generate(body).withResponse();
 * responseHeaders(response); // { 'content-type': 'application/json', 'trace-id': '0459…', … }
 * ```
 */
export function responseHeaders(response: Response): Record<string, string> {
  return readErrorDetails(undefined, response.headers).headers;
}
