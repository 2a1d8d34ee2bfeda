/**
 * What every stream class shares: wiring an open SSE response to its consumer, and reading one frame — its JSON, and
 * the error it may carry in any of MiniMax's shapes — so that no stream skips an error frame another one raises.
 */

import { APIError } from '../core/api-error.ts';
import { isFailureResponse, readErrorDetails } from '../core/api-error-details.ts';
import { APIConnectionError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { OpenResponse } from './open-response.ts';
import { jsonBodyError, readIfJSON } from './open-stream.ts';
import { describeBody, isPlainSuccess } from './read-json.ts';
import { redactText } from './redact.ts';
import type { SSEEvent } from './sse-parser.ts';
import { iterateSSE, type SSEEventIterable, type SSEEventIterator } from './sse-stream.ts';
import type { TextBuffer } from './text-buffer.ts';

/** What a stream class needs from the open response: its events, a way to cancel, and error context. */
export interface StreamContext {
  /** Its iterator hands out already-parsed events synchronously too (`takeQueued`), once the stream is open. */
  events: SSEEventIterable;
  cancel: () => void;
  /** The response being read (a later attempt's, once a JSON error body was retried). */
  readonly response: Response;
  request: { method: string; url: string };
  /** Checks one event's parsed data when validation is on. */
  readonly validate: ((data: unknown) => void) | undefined;
}

/**
 * Wires an open SSE response to its consumer: idle timeout, the caller's abort, and cleanup on every exit. The first
 * read sniffs the body (see `open-stream.ts`): a JSON error under an SSE content type goes back to the retry policy,
 * and the stream goes on with the next attempt's events, or fails with that error.
 */
export function streamContext(open: OpenResponse): StreamContext {
  let current = open;
  // Cancels the attempt being read, and any retry in progress (see `OpenResponse.stop`).
  const cancel = (): void => {
    current.stop?.();
    current.attempt.abort();
  };
  if (!open.response.body) {
    open.attempt.dispose();
    open.done?.();
    throw new APIConnectionError({ message: 'the event stream has no body', ...open.request });
  }
  // Until the first byte that is not blank: an event stream, or a JSON body to retry (or raise). Once it is a stream,
  // the iterator from `iterateSSE` is handed out as is (it releases the attempt and maps errors itself), so the
  // steady state costs no wrapping promise per event.
  const openEvents = async (release: () => void, mapError: (error: Error) => unknown): Promise<SSEEventIterator> => {
    for (;;) {
      const body = current.response.body;
      if (!body) throw new APIConnectionError({ message: 'the event stream has no body', ...current.request });
      const json = await readIfJSON(current);
      if (json === undefined) {
        return iterateSSE(body, {
          signal: current.attempt.signal,
          idleTimeoutMs: current.idleTimeout,
          prefix: current.prefix,
          maxEventBytes: current.maxEventBytes,
          request: current.request,
          onSettle: release,
          mapError,
        })[Symbol.asyncIterator]();
      }
      const error = jsonBodyError(current, json);
      if (!current.resume) throw error;
      current.attempt.dispose();
      current = await current.resume(error); // rejects with the error when the policy says it is final
      ctx.validate = current.validateEvent;
    }
  };
  const events: StreamContext['events'] = {
    [Symbol.asyncIterator]() {
      let iterator: SSEEventIterator | undefined;
      let opening: Promise<SSEEventIterator> | undefined;
      // Per response: one that arrives from a retry after a release is released too.
      let released: OpenResponse | undefined;
      const release = (): void => {
        if (released === current) return;
        released = current;
        current.attempt.dispose();
        current.done?.();
      };
      const translate = (error: unknown): unknown => {
        const translated = current.attempt.translate(error, current.request);
        if (translated instanceof MiniMaxError) return translated;
        // A read that failed while sniffing (the body reader wraps its own): the same typed error.
        return new APIConnectionError({
          message: 'The event stream was interrupted.',
          cause: translated,
          ...current.request,
        });
      };
      const onOpenError = (error: unknown): never => {
        release();
        throw translate(error);
      };
      return {
        next: () => {
          if (iterator) return iterator.next();
          opening ??= openEvents(release, translate).then((opened) => {
            iterator = opened;
            return opened;
          });
          return opening.then((opened) => opened.next(), onOpenError);
        },
        takeQueued: () => iterator?.takeQueued(),
        return: () => {
          if (!iterator) cancel(); // still sniffing, or waiting to retry: stop both
          release();
          return iterator?.return?.() ?? Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
  // `validate` is a data property (read once per event; a getter there measurably costs), set again on a retry.
  const ctx: { -readonly [K in keyof StreamContext]: StreamContext[K] } = {
    events,
    cancel,
    get response() {
      return current.response;
    },
    request: open.request,
    validate: open.validateEvent,
  };
  return ctx;
}

/** The text received before a frame: read only when an error needs it (see `TextBuffer`). */
export type PartialText = TextBuffer | string | undefined;

const textOf = (partial: PartialText): string | undefined =>
  partial === undefined || typeof partial === 'string' ? partial : partial.value;

/**
 * Parses one event's JSON data and raises the error it carries (see {@link raiseFrameError}). A frame that is not
 * JSON means the stream was cut inside an event (or the server misbehaved): a typed connection error with the text
 * received so far, never a bare SyntaxError — unless it is an `event: error`, whose text is the server's message.
 *
 * @example
 * ```ts
 * const frame = decodeFrame(this.ctx, event, this.#text) as ChatCompletionChunk;
 * ```
 */
export function decodeFrame(ctx: StreamContext, event: SSEEvent, partial: PartialText): unknown {
  let frame: unknown;
  try {
    frame = JSON.parse(event.data);
  } catch (cause) {
    const partialText = textOf(partial);
    if (event.event === 'error') throw streamError(ctx, event.data, partialText);
    throw Object.assign(
      new APIConnectionError({
        message: `the event stream ended inside an event or sent invalid JSON (${JSON.stringify(event.data.slice(0, 60))})`,
        cause,
        ...ctx.request,
      }),
      { partialText: partialText === undefined ? undefined : redactText(partialText) },
    );
  }
  raiseFrameError(ctx, event, frame, partial);
  ctx.validate?.(frame);
  return frame;
}

/**
 * Raises the error a frame carries, in any of the shapes MiniMax sends inside a 200 stream, on every stream alike: an
 * `event: error` (whatever its data), a non-zero `base_resp` (native endpoints, and the compatible ones when MiniMax's
 * own layer fails), a `{type: "error"}` object (Anthropic-compatible) or an `error` object (OpenAI-compatible).
 *
 * @example
 * ```ts
 * raiseFrameError(ctx, event, frame, textSoFar); // throws RateLimitError for {"base_resp":{"status_code":1002}}
 * ```
 */
export function raiseFrameError(ctx: StreamContext, event: SSEEvent, frame: unknown, partial: PartialText) {
  if (event.event !== 'error' && isPlainSuccess(frame)) return; // the common frame, decided in a few reads
  const carriesError =
    event.event === 'error' ||
    isFailureResponse(200, frame) ||
    (typeof frame === 'object' && frame !== null && (frame as { error?: unknown }).error != null);
  if (carriesError) throw streamError(ctx, frame, textOf(partial));
}

/** The typed error for an error sent inside a stream, with the text received before it. */
function streamError(ctx: StreamContext, frame: unknown, partialText: string | undefined): APIError {
  const details = readErrorDetails(frame, undefined);
  const saysWhat = details.serverMessage !== '' || details.code !== undefined || details.type !== undefined;
  return APIError.generate({
    status: ctx.response.status,
    body: frame,
    headers: ctx.response.headers,
    partialText,
    message: saysWhat ? undefined : `the stream sent an error event: ${describeBody(frame)}`,
    ...ctx.request,
  });
}

/**
 * A stream whose body ended cleanly but before its last frame (a proxy or load balancer closing the connection
 * between two events): a typed connection error, so a cut answer is never mistaken for a complete one.
 */
export function truncatedStream(ctx: StreamContext, missing: string): APIConnectionError {
  return new APIConnectionError({
    message: `The event stream ended before ${missing}; the connection was probably cut.`,
    ...ctx.request,
  });
}
