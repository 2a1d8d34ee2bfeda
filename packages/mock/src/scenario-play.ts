/**
 * Plays the scenario a request asked for (`Prefer: scenario=<name>`), once the request is known to be
 * authenticated and valid. Scenarios that replace the answer answer here; the stream faults and `task_fail` only
 * shape what the operation's handler does next (streaming.ts, tasks-api.ts).
 */
import type { RequestContext } from './context.ts';
import { errorForCode, gatewayError } from './error-bodies.ts';
import { flushed, sleep } from './sse.ts';
import { wantsStream } from './streaming.ts';
import { withTraceId } from './trace-id.ts';

/** Plays a scenario that replaces the answer; returns false when the scenario only shapes what follows. */
export async function playScenario(ctx: RequestContext): Promise<boolean> {
  const { scenario, op, res } = ctx;
  if (!scenario) return false;
  const s = scenario.scenario;
  const codes = ctx.runtime.index.errorCodes;
  switch (s.kind) {
    case 'connection_reset':
      ctx.req.socket.destroy();
      return true;
    case 'slow_headers':
      await sleep(ctx.prefs.waitMs ?? 3000, ctx.signal, res);
      return res.destroyed;
    case 'base_resp':
      // Also for streaming requests: a rate-limited stream is answered with plain JSON, not SSE.
      ctx.sendError(errorForCode(op.flavour, s.code, codes, ctx.traceId));
      return true;
    case 'http':
      ctx.sendError(gatewayError(op.flavour, s.status, codes, ctx.traceId, ctx.prefs.retryAfter));
      return true;
    case 'stream_cut':
    case 'stream_stall':
      // On a stream the fault happens between events (streaming.ts); on a JSON answer, inside the body.
      if (wantsStream(op, ctx.json)) return false;
      await faultyJson(ctx, s.kind);
      return true;
    default:
      return false;
  }
}

/** A JSON body cut in half, or headers followed by silence. */
async function faultyJson(ctx: RequestContext, kind: 'stream_cut' | 'stream_stall'): Promise<void> {
  const text = ctx.codec.stringify(withTraceId(ctx.mocked.body, ctx.traceId));
  const { res } = ctx;
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.flushHeaders();
  if (kind === 'stream_cut') {
    await flushed(res, text.slice(0, Math.floor(text.length / 2)));
    res.socket?.destroy();
    return;
  }
  await sleep(ctx.prefs.waitMs ?? Number.POSITIVE_INFINITY, ctx.signal, res);
  if (!res.destroyed) res.end(text);
}
