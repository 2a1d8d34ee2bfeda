/**
 * `GET /v1/models/{model_id}`: a model the list knows (the spec's `listModels` example), else HTTP 404. What the real
 * API answers for an unknown id is undocumented [unconfirmed]; the mock answers as OpenAI does, in MiniMax's
 * compatible error body: `{type: "error", error: {type: "not_found_error", message, http_code: "404"}, request_id}`.
 */
import type { RequestContext } from './context.ts';
import { compatErrorBody } from './error-bodies.ts';

/** The models of the list example. */
function knownModels(ctx: RequestContext): Record<string, unknown>[] {
  const list = ctx.runtime.index.find('get', '/v1/models');
  const example = list ? ctx.runtime.index.exampleFor(list, 200) : undefined;
  const data = (example as { data?: unknown } | undefined)?.data;
  return Array.isArray(data) ? data.filter((m) => typeof m === 'object' && m !== null) : [];
}

/** `GET /v1/models/{model_id}`. In `dynamic` mode or with a named example: the generic answer. */
export function handleRetrieveModel(ctx: RequestContext): Response | undefined {
  if (ctx.prefs.example !== undefined || (ctx.prefs.dynamic ?? ctx.settings.dynamic)) return undefined;
  const id = decodeURIComponent(ctx.url.pathname.slice('/v1/models/'.length));
  const model = knownModels(ctx).find((m) => m.id === id);
  if (model) return ctx.jsonResponse(200, model);
  const message = `model not found: ${JSON.stringify(id)} is not a model this key can use`;
  return ctx.errorResponse({ status: 404, body: compatErrorBody(404, 'not_found_error', message, ctx.traceId) });
}
