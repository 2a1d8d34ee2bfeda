/**
 * The typed error for each way a speech session can fail, all from the existing hierarchy: a `task_failed` or a
 * non-zero `base_resp` goes through `APIError.generate` (1004 → AuthenticationError, 1002/1039/2205 →
 * RateLimitError, 2013 → InvalidParamsError, …), a refused upgrade is classified by its HTTP status, a cut
 * connection or a broken frame is an `APIConnectionError`, a silent server an `APITimeoutError`.
 */

import { APIError } from '../core/api-error.ts';
import { APIConnectionError, APITimeoutError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { SessionRequest, SpeechSessionFailure } from './speech-session-types.ts';

export type { SessionRequest } from './speech-session-types.ts';

type Frame = Record<string, unknown>;

/** `trace_id` at the root of an event, or inside `base_resp` (the China host). */
export function traceIdOf(frame: Frame): string | undefined {
  const root = frame.trace_id;
  if (typeof root === 'string' && root !== '') return root;
  const inner = (frame.base_resp as Frame | undefined)?.trace_id;
  return typeof inner === 'string' && inner !== '' ? inner : undefined;
}

/** The ids a session reports, updated from every event. */
export interface SessionIds {
  sessionId?: string | undefined;
  traceId?: string | undefined;
  connectId?: string | undefined;
}

/** Takes the ids an event carries (the latest trace id wins: MiniMax gives each request its own). */
export function noteIds(ids: SessionIds, frame: Frame): void {
  const traceId = traceIdOf(frame);
  if (traceId) ids.traceId = traceId;
  if (typeof frame.session_id === 'string' && frame.session_id) ids.sessionId = frame.session_id;
  if (typeof frame.connect_id === 'string' && frame.connect_id) ids.connectId = frame.connect_id;
}

/**
 * A server event that reports a failure (`task_failed`, or a non-zero `base_resp`) as its API error class.
 *
 * @example
 * ```ts
 * frameError({ event: 'task_failed', base_resp: { status_code: 1004, status_msg: 'auth' } }, request, headers, trace);
 * // AuthenticationError, code 1004
 * ```
 */
export function frameError(
  frame: Frame,
  request: SessionRequest,
  headers: Record<string, string>,
  fallbackTraceId: string | undefined,
): APIError {
  const traceId = traceIdOf(frame) ?? fallbackTraceId;
  // The event's own trace id names the failed request better than the upgrade's `Trace-Id` header.
  const { 'trace-id': _upgradeTrace, ...otherHeaders } = headers;
  const body = traceId === undefined ? frame : { ...frame, trace_id: traceId };
  const hasCode = typeof (frame.base_resp as Frame | undefined)?.status_code === 'number';
  return APIError.generate({
    body,
    headers: otherHeaders,
    ...request,
    ...(hasCode ? {} : { message: `the server sent ${String(frame.event ?? 'an event')} without a status code` }),
  });
}

/** The upgrade was answered with an HTTP status other than 101 (a bad key: 401). */
export function refusedError(
  status: number,
  headers: Record<string, string>,
  text: string,
  request: SessionRequest,
): APIError {
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return APIError.generate({
    status,
    body,
    headers,
    ...request,
    message: `the WebSocket upgrade was refused with HTTP ${status}${describeBody(body)}`,
  });
}

function describeBody(body: unknown): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

/** The connection closed (or broke) before the session finished. */
export function closedError(code: number, reason: string, phase: string, request: SessionRequest): APIConnectionError {
  const why = reason ? `, reason ${JSON.stringify(reason.slice(0, 120))}` : '';
  return new APIConnectionError({
    message: `The WebSocket closed ${phase} (close code ${code}${why}); the session did not finish.`,
    ...request,
  });
}

/** A transport failure (refused connection, DNS, TLS, reset, a frame over the size limit). */
export function transportError(cause: unknown, phase: string, request: SessionRequest): APIConnectionError {
  const detail = cause instanceof Error && cause.message ? `: ${cause.message}` : '';
  return new APIConnectionError({ message: `WebSocket connection failed ${phase}${detail}`, cause, ...request });
}

/** The server said nothing for too long while the session waited for it. */
export function stallError(ms: number, waitingFor: string, request: SessionRequest): APITimeoutError {
  return new APITimeoutError({
    message: `No event from the server for ${ms} ms while waiting for ${waitingFor} (idleTimeout).`,
    ...request,
  });
}

/** A frame that breaks the protocol: not JSON, binary, or an event out of order. */
export function protocolError(detail: string, request: SessionRequest, cause?: unknown): APIConnectionError {
  return new APIConnectionError({
    message: `The server broke the speech WebSocket protocol: ${detail}`,
    cause,
    ...request,
  });
}

/**
 * Attaches what was received before the failure to the error that ends the session (see `SpeechSessionFailure`).
 * Errors that are not the SDK's (a listener's own exception) are left as they are.
 */
export function withPartialAudio(
  error: unknown,
  partialAudio: Uint8Array | undefined,
  audioBytes: number,
  sessionId: string | undefined,
): unknown {
  if (!(error instanceof MiniMaxError)) return error;
  const failure: SpeechSessionFailure = { partialAudio, audioBytes, sessionId };
  return Object.assign(error, failure);
}
