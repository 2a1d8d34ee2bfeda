/**
 * Plays the scenario a request asked for (`Prefer: scenario=<name>`), once the request is known to be
 * authenticated and valid. Scenarios that replace the answer answer here; the stream faults and `task_fail` only
 * shape what the operation's handler does next (streaming.ts, tasks-api.ts).
 */
import type { RequestContext } from './context.ts';
import { dialectOf, errorForCode, gatewayError } from './error-bodies.ts';
import { liveStream, sleep } from './live-stream.ts';
import { liveResponse, networkError } from './responses.ts';
import { wantsStream } from './streaming.ts';
import { withTraceId } from './trace-id.ts';

/** How long `slow_headers` holds the answer without `wait=`. */
const SLOW_HEADERS_MS = 3000;

/** The answer a scenario replaces the normal one with, or undefined when it only shapes what follows. */
export async function playScenario(ctx: RequestContext): Promise<Response | undefined> {
  const { scenario, op } = ctx;
  if (!scenario) return undefined;
  const s = scenario.scenario;
  const codes = ctx.runtime.index.errorCodes;
  switch (s.kind) {
    case 'connection_reset':
      return networkError();
    case 'slow_headers':
      await sleep(ctx.prefs.waitMs ?? SLOW_HEADERS_MS, ctx.signal);
      return ctx.signal.aborted ? networkError() : undefined;
    case 'base_resp':
      // Also for streaming requests: a rate-limited stream is answered with plain JSON, not SSE.
      return ctx.errorResponse(errorForCode(dialectOf(op), s.code, codes, ctx.traceId));
    case 'http': {
      const { retryAfter } = ctx.prefs;
      const answer = gatewayError(dialectOf(op), s.status, codes, ctx.traceId, retryAfter, ctx.rawBody.length);
      return ctx.errorResponse(answer);
    }
    case 'stream_cut':
    case 'stream_stall':
      // On a stream the fault happens between events (streaming.ts); on a JSON answer, inside the body.
      if (wantsStream(op, ctx.json, ctx.form)) return undefined;
      return faultyJson(ctx, s.kind);
    default:
      return undefined;
  }
}

/** A JSON body cut in half, or headers (with the full Content-Length) followed by silence. */
function faultyJson(ctx: RequestContext, kind: 'stream_cut' | 'stream_stall'): Response {
  const bytes = new TextEncoder().encode(ctx.codec.stringify(withTraceId(ctx.mocked.body, ctx.traceId)));
  const body = liveStream(ctx.signal, async (sink) => {
    if (kind === 'stream_cut') {
      await sink.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      return sink.cut();
    }
    await sleep(ctx.prefs.waitMs ?? Number.POSITIVE_INFINITY, sink.signal);
    await sink.write(bytes);
  });
  return liveResponse(200, body, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(bytes.length),
  });
}
