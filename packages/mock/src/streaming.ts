/**
 * Streaming answers (native chat, speech, music, OpenAI- and Anthropic-compatible chat): the spec's SSE example,
 * frame by frame over real chunked HTTP, optionally stretched to N deltas, with the stream faults of the
 * `stream_cut` / `stream_stall` / `stream_error` scenarios.
 */
import type { RequestContext } from './context.ts';
import { compatErrorBody, statusMessage } from './error-bodies.ts';
import { liveStream } from './live-stream.ts';
import type { MultipartForm } from './multipart.ts';
import { liveResponse } from './responses.ts';
import type { OperationInfo } from './spec-index.ts';
import { encodeFrame, isFrameList, planFrames, type SseFrame, type StreamFault, writeFrames } from './sse.ts';

/**
 * A request streams when the operation can and the body says `stream: true` (all MiniMax endpoints do so) — in a
 * multipart body (speech-to-text), the form field `stream` with the text `true` (or `1`).
 */
export function wantsStream(op: OperationInfo, json: unknown, form?: MultipartForm): boolean {
  if (!op.streamable) return false;
  if (form) return /^(?:true|1)$/i.test(form.fields.get('stream') ?? '');
  return typeof json === 'object' && json !== null && (json as { stream?: unknown }).stream === true;
}

export async function handleStream(ctx: RequestContext): Promise<Response> {
  const frames = await exampleFrames(ctx);
  const options = (ctx.json ?? {}) as { stream_options?: { exclude_aggregated_audio?: unknown } };
  const planned = planFrames(frames, {
    ...(ctx.prefs.chunks !== undefined && { chunks: ctx.prefs.chunks }),
    excludeAggregatedAudio: options.stream_options?.exclude_aggregated_audio === true,
  });
  for (const f of planned) {
    const data = f.data as Record<string, unknown> | null;
    if (data && typeof data === 'object' && typeof data.trace_id === 'string') data.trace_id = ctx.traceId;
  }
  return playFrames(
    ctx,
    planned.map((f) => encodeFrame(f, ctx.codec.stringify)),
  );
}

/**
 * An SSE answer of these encoded frames, paced by `delay` (else `streamDelayMs`), with the fault of a `stream_*`
 * scenario.
 */
export function playFrames(ctx: RequestContext, encoded: readonly string[]): Response {
  const fault = faultFor(ctx, encoded.length);
  const delayMs = ctx.prefs.delayMs ?? ctx.settings.streamDelayMs;
  const body = liveStream(ctx.signal, (sink) => writeFrames(sink, encoded, { delayMs, ...(fault && { fault }) }));
  return liveResponse(200, body, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
}

/**
 * The frames of the spec's SSE example — also in `--dynamic` mode, because the framing (how a stream starts and
 * ends) is the point of a stream and a schema cannot express it. Without an example, N events are generated from
 * the event schema instead.
 */
async function exampleFrames(ctx: RequestContext): Promise<SseFrame[]> {
  if (isFrameList(ctx.mocked.body)) return ctx.mocked.body;
  const again = await ctx.remock({ dynamic: false });
  if (again.ok && isFrameList(again.response.body)) return again.response.body;
  const count = ctx.prefs.chunks ?? 3;
  const frames: SseFrame[] = [];
  for (let i = 0; i < count; i++) {
    const generated = await ctx.remock({ dynamic: true, seed: `${ctx.settings.seed ?? 'sse'}-${i}` });
    if (generated.ok) frames.push({ data: generated.response.body });
  }
  return frames;
}

/**
 * The fault the request's scenario puts into a stream of `total` frames, if any. `error` is the wire text of the
 * error event (default: the one the operation's flavour sends).
 *
 * @example
 * ```ts
 * const fault = faultFor(ctx, encoded.length);
 * ```
 */
export function faultFor(ctx: RequestContext, total: number, error?: () => string): StreamFault | undefined {
  const kind = ctx.scenario?.scenario.kind;
  const at = Math.max(1, Math.ceil(total / 2));
  if (kind === 'stream_cut') return { kind: 'cut', at: Math.min(at, total - 1) };
  if (kind === 'stream_stall') {
    return { kind: 'stall', at, ...(ctx.prefs.waitMs !== undefined && { resumeMs: ctx.prefs.waitMs }) };
  }
  if (kind === 'stream_error') return { kind: 'error', at, frame: error ? error() : errorFrame(ctx) };
  return undefined;
}

/**
 * An error inside a 200 stream, the way each flavour reports one: native endpoints send a frame whose base_resp
 * is non-zero (1027, output flagged as sensitive, is the classic mid-stream failure); compatible endpoints send
 * their error object (Anthropic under `event: error`).
 */
function errorFrame(ctx: RequestContext): string {
  const codes = ctx.runtime.index.errorCodes;
  const message = statusMessage(1027, codes);
  switch (ctx.op.flavour) {
    case 'native':
      return encodeFrame({ data: { base_resp: { status_code: 1027, status_msg: message } } }, JSON.stringify);
    case 'anthropic':
      return encodeFrame(
        { event: 'error', data: { type: 'error', error: { type: 'api_error', message: `${message} (1027)` } } },
        JSON.stringify,
      );
    default:
      return encodeFrame({ data: compatErrorBody(500, 'api_error', `${message} (1027)`, ctx.traceId) }, JSON.stringify);
  }
}
