import { APIError } from '../core/api-error.ts';
import { baseRespFailure } from '../core/api-error-details.ts';
import { APIConnectionError } from '../core/connection-errors.ts';
import type { SSEEvent } from './sse-parser.ts';
import { iterateSSE } from './sse-stream.ts';
import type { OpenResponse } from './transport.ts';

/** What a stream class needs from the open response: its events, a way to cancel, and error context. */
export interface StreamContext {
  events: AsyncIterable<SSEEvent>;
  cancel: () => void;
  response: Response;
  request: { method: string; url: string };
  /** Checks one event's parsed data when validation is on. */
  validate: ((data: unknown) => void) | undefined;
}

/** Wires an open SSE response to its consumer: idle timeout, the caller's abort, and cleanup on every exit. */
export function streamContext(open: OpenResponse): StreamContext {
  const body = open.response.body;
  if (!body) {
    open.attempt.dispose();
    throw new APIConnectionError({ message: 'the event stream has no body', ...open.request });
  }
  // The attempt is released when the consumer gets the end or an error, or stops early; an abort or a timeout
  // becomes the SDK's error for it.
  const events = iterateSSE(body, {
    signal: open.attempt.signal,
    idleTimeoutMs: open.idleTimeout,
    maxEventBytes: open.maxEventBytes,
    request: open.request,
    onSettle: () => open.attempt.dispose(),
    mapError: (error) => open.attempt.translate(error, open.request),
  });
  return {
    events,
    cancel: () => open.attempt.abort(),
    response: open.response,
    request: open.request,
    validate: open.validateEvent,
  };
}

/**
 * Parses one event's JSON data. A frame that is not JSON means the stream was cut inside an event (or the server
 * misbehaved): a typed connection error with the text received so far, never a bare SyntaxError.
 */
export function parseEventData(ctx: StreamContext, data: string, partialText: string | undefined): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (cause) {
    throw Object.assign(
      new APIConnectionError({
        message: `the event stream ended inside an event or sent invalid JSON (${JSON.stringify(data.slice(0, 60))})`,
        cause,
        ...ctx.request,
      }),
      { partialText },
    );
  }
  ctx.validate?.(parsed);
  return parsed;
}

/** Raises a `base_resp` failure carried by a stream frame (MiniMax sends errors inside a 200 stream). */
export function raiseFrameError(ctx: StreamContext, frame: unknown, partialText: string | undefined): void {
  if (baseRespFailure(frame)) {
    throw APIError.generate({ status: 200, body: frame, headers: ctx.response.headers, partialText, ...ctx.request });
  }
}

/** The typed error for an error object sent inside a stream (compatible endpoints' `error` events). */
export function streamError(ctx: StreamContext, frame: unknown, partialText: string): APIError {
  return APIError.generate({
    status: ctx.response.status,
    body: frame,
    headers: ctx.response.headers,
    partialText,
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
