/**
 * Checks that an answer is really an event stream. MiniMax answers a rate-limited stream with JSON, sometimes under
 * `application/json`, sometimes still labelled `text/event-stream`; read as events, such a body yields no event at all
 * and looks like a cut connection, losing its code. The content type is checked when the headers arrive, inside the
 * transport's retry loop. The body is sniffed when the stream is first read (so that `create()` still resolves with
 * the headers): a body that opens with `{` is JSON (no SSE line can start with it), read whole and turned into the
 * `APIError` its `base_resp` or `{type:"error"}` names, which the stream hands back to the retry policy (`resume`).
 * Anything else is an event stream, and the bytes read are handed on as its prefix.
 */

import { APIError } from '../core/api-error.ts';
import { APIConnectionError, APITimeoutError } from '../core/connection-errors.ts';
import { createIdleWatchdog } from './idle-watchdog.ts';
import type { OpenResponse } from './open-response.ts';
import { describeBody, parseAnswer } from './read-json.ts';

const CONTENT_TYPE_JSON = /\bjson\b/i;
const CONTENT_TYPE_SSE = /^\s*text\/event-stream\b/i;
/** An error body is small; past this, a "JSON" body is not one MiniMax would send in place of a stream. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;
const OPEN_BRACE = 0x7b;

/**
 * Raises the error an answer whose content type is not an event stream carries. Stops the attempt's `timeout`: from
 * here on `idleTimeout` guards the stream.
 *
 * @example
 * ```ts
 * await checkEventStream(open); // inside the retry loop
 * const stream = new ChatCompletionStream(streamContext(open));
 * ```
 */
export async function checkEventStream(open: OpenResponse): Promise<void> {
  const { response, request } = open;
  const type = response.headers.get('content-type') ?? '';
  if (CONTENT_TYPE_JSON.test(type)) throw notAStream(open, parseAnswer(await response.text(), response, request));
  if (type !== '' && !CONTENT_TYPE_SSE.test(type)) {
    // An HTML error page (a proxy) or anything else answered with 200: no event would ever come out of it.
    const text = await response.text();
    throw APIError.generate({
      status: response.status,
      body: text.slice(0, 2_000),
      headers: response.headers,
      message: `expected an event stream, got ${type}: ${JSON.stringify(text.slice(0, 120))}`,
      ...request,
    });
  }
  open.attempt.stopTimer(); // a stream may run longer than `timeout`; `idleTimeout` guards it from here on
}

/**
 * The error a JSON body found where events were expected carries: its `base_resp` / `{type:"error"}` failure, else
 * "expected an event stream, got JSON".
 *
 * @example
 * ```ts
 * const json = await readIfJSON(open);
 * if (json !== undefined) throw jsonBodyError(open, json);
 * ```
 */
export function jsonBodyError(open: OpenResponse, text: string): unknown {
  try {
    return notAStream(open, parseAnswer(text, open.response, open.request));
  } catch (error) {
    return error;
  }
}

function notAStream(open: OpenResponse, body: unknown): APIError {
  return APIError.generate({
    status: open.response.status,
    body,
    headers: open.response.headers,
    message: `expected an event stream, got JSON: ${describeBody(body)}`,
    ...open.request,
  });
}

/**
 * Reads up to the first byte that is not blank, under the idle timeout. A body that opens with `{` is read whole and
 * returned as text; otherwise the bytes read go to `open.prefix` and `undefined` is returned.
 *
 * @example
 * ```ts
 * const json = await readIfJSON(open); // undefined: an event stream, its first bytes in open.prefix
 * ```
 */
export async function readIfJSON(open: OpenResponse): Promise<string | undefined> {
  const body = open.response.body;
  if (!body) return undefined;
  const reader = body.getReader();
  let timedOut = false;
  const watchdog = createIdleWatchdog(open.idleTimeout, () => {
    timedOut = true;
    reader.cancel().catch(() => {});
  });
  const read = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    watchdog.waiting();
    const result = await reader.read();
    watchdog.received();
    if (timedOut) {
      throw new APITimeoutError({
        message: `No bytes received for ${open.idleTimeout} ms; stream cancelled.`,
        ...open.request,
      });
    }
    return result;
  };
  const chunks: Uint8Array[] = [];
  try {
    let first: number | undefined;
    while (first === undefined) {
      const { done, value } = await read();
      if (done) break;
      chunks.push(value);
      first = firstContentByte(value, chunks.length === 1);
    }
    if (first !== OPEN_BRACE) {
      open.prefix = join(chunks);
      return undefined;
    }
    let size = chunks.reduce((n, c) => n + c.length, 0);
    for (;;) {
      const { done, value } = await read();
      if (done) break;
      size += value.length;
      if (size > MAX_JSON_BYTES) {
        await reader.cancel().catch(() => {});
        throw new APIConnectionError({
          message: `expected an event stream, got a body that opens like JSON and runs past ${MAX_JSON_BYTES} bytes`,
          ...open.request,
        });
      }
      chunks.push(value);
    }
    return new TextDecoder().decode(join(chunks));
  } finally {
    watchdog.stop();
    reader.releaseLock();
  }
}

/** The first byte that is not blank (a UTF-8 BOM at the very start skipped), or `undefined` if there is none. */
function firstContentByte(bytes: Uint8Array, atStart: boolean): number | undefined {
  let i = atStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
  }
  return undefined;
}

function join(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
