/**
 * `POST /v1/responses` and `POST /v1/responses/input_tokens`: the answer built for the request (responses-answer.ts),
 * as JSON or as OpenAI-format Responses events over time (responses-events.ts) with the stream scenarios —
 * `stream_cut`, `stream_stall`, and `stream_error` as an `error` event. A request that names an `example` gets the
 * spec's example as it is (the generic path).
 */
import type { RequestContext } from './context.ts';
import { compatErrorBody, statusMessage } from './error-bodies.ts';
import { liveStream } from './live-stream.ts';
import { liveResponse } from './responses.ts';
import { answerFor, estimateInputTokens } from './responses-answer.ts';
import { responseEvents } from './responses-events.ts';
import { encodeFrame, writeFrames } from './sse.ts';
import { faultFor, wantsStream } from './streaming.ts';

/**
 * A non-empty `input` the schema cannot demand (`input: []` or `""` passes it): refused as the API's OaiError 400.
 * The real API's answer to an empty input is undocumented [unconfirmed]; a model cannot answer nothing.
 */
function emptyInput(ctx: RequestContext): Response | undefined {
  const input = (ctx.json as { input?: unknown } | undefined)?.input;
  const empty = (Array.isArray(input) && input.length === 0) || (typeof input === 'string' && input.trim() === '');
  if (!empty) return undefined;
  const message = 'invalid params, input must not be empty (2013)';
  return ctx.errorResponse({ status: 400, body: compatErrorBody(400, 'bad_request_error', message, ctx.traceId) });
}

/** `POST /v1/responses`. */
export async function handleCreateResponse(ctx: RequestContext): Promise<Response | undefined> {
  if (ctx.prefs.example !== undefined) return undefined;
  const refused = emptyInput(ctx);
  if (refused) return refused;
  const response = await answerFor(ctx);
  if (!wantsStream(ctx.op, ctx.json)) return ctx.jsonResponse(200, response);

  const frames = responseEvents(response, { ...(ctx.prefs.chunks !== undefined && { chunks: ctx.prefs.chunks }) });
  const encoded = frames.map((frame) => encodeFrame(frame, ctx.codec.stringify));
  const fault = faultFor(ctx, encoded.length, () => errorEvent(ctx, frames.length));
  const delayMs = ctx.prefs.delayMs ?? ctx.settings.streamDelayMs;
  const body = liveStream(ctx.signal, (sink) => writeFrames(sink, encoded, { delayMs, ...(fault && { fault }) }));
  return liveResponse(200, body, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
}

/**
 * An error in the middle of a Responses stream, as OpenAI's format sends one: an `error` event
 * `{type, code, message, param, sequence_number}` (output flagged as sensitive, 1027, the classic mid-stream failure).
 */
function errorEvent(ctx: RequestContext, total: number): string {
  const message = `${statusMessage(1027, ctx.runtime.index.errorCodes)} (1027)`;
  const at = Math.max(1, Math.ceil(total / 2));
  const data = { type: 'error', sequence_number: at, code: 'server_error', message, param: null };
  return encodeFrame({ event: 'error', data }, JSON.stringify);
}

/** `POST /v1/responses/input_tokens`: a count derived from the request (about four characters per token). */
export async function handleInputTokens(ctx: RequestContext): Promise<Response | undefined> {
  if (ctx.prefs.example !== undefined || (ctx.prefs.dynamic ?? ctx.settings.dynamic)) return undefined;
  const refused = emptyInput(ctx);
  if (refused) return refused;
  return ctx.jsonResponse(200, { object: 'response.input_tokens', input_tokens: estimateInputTokens(ctx.json) });
}
