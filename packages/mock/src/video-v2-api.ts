/**
 * Video Generation V2 over the in-memory task store: create (`/v2/video_generation`, `/v2/h3_context_ir`), query one
 * task, list (page_num / page_size / `filter.*`, newest first, `total`), cancel or delete. Errors are the OaiError
 * family's: what the docs show (a missing prompt is a 400 with their exact message) and, where they show nothing,
 * the realistic guess the spec README lists as unconfirmed — an unknown or deleted task id is a 400
 * `bad_request_error` "invalid task_id (2013)", deleting a running or cancelled task a 400 as well. Never a made-up
 * success for an id the mock did not hand out. A task created with a `callback_url` advances on its own and is called
 * back (task-callback-watch.ts); polls only read it.
 */
import type { RequestContext } from './context.ts';
import { oaiErrorBody } from './oai-errors.ts';
import { callbackKey, callbackUrlOf, watchV2Task } from './task-callback-watch.ts';
import { finishVideoV2Task } from './task-results.ts';
import { taskJson, type V2Inputs, type V2Kind, type V2Task } from './video-v2-tasks.ts';

const PATHS = {
  create: '/v2/video_generation',
  enhance: '/v2/h3_context_ir',
  query: '/v2/query/video_generation/{task_id}',
  list: '/v2/query/video_generation',
  remove: '/v2/video_generation/{task_id}',
} as const;

const V2_PATHS = new Set<string>(Object.values(PATHS));

/** The list's page size when the request names none (MiniMax does not document its default: the docs' example). */
const DEFAULT_PAGE_SIZE = 20;
const FRAME_ROLES = new Set(['first_frame', 'last_frame']);

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether the operation is one of Video V2's (answered from the task store, never from the spec's examples).
 *
 * @example
 * ```ts
 * if (isVideoV2Operation(op)) return handleVideoV2(ctx);
 * ```
 */
export function isVideoV2Operation(op: { path: string }): boolean {
  return V2_PATHS.has(op.path);
}

/** Answers a Video V2 request (see the file comment), e.g. `handleVideoV2(ctx)` for `GET /v2/query/video_generation/{id}`. */
export function handleVideoV2(ctx: RequestContext): Response {
  const { method, path } = ctx.op;
  if (method === 'post') return create(ctx, path === PATHS.enhance ? 'h3_context_ir' : 'generation');
  if (path === PATHS.list) return list(ctx);
  const id = decodeURIComponent(ctx.url.pathname.split('/').pop() ?? '');
  const task = ctx.state.videoV2.get(id);
  if (!task) return badRequest(ctx, 'invalid task_id (2013)');
  return method === 'delete' ? remove(ctx, task) : query(ctx, task);
}

function badRequest(ctx: RequestContext, message: string): Response {
  return ctx.errorResponse({ status: 400, body: oaiErrorBody(400, message, ctx.traceId) });
}

/** What the request asks for, or the 400 message the API answers it with. */
function readInputs(body: Obj, kind: V2Kind): V2Inputs | string {
  const content = Array.isArray(body.content) ? body.content.filter(isObj) : [];
  const texts = content.filter((i) => i.type === 'text' && typeof i.text === 'string' && i.text.trim() !== '');
  if (texts.length === 0)
    return 'invalid params, content must include a non-empty text item (prompt is required) (2013)';
  const roles = content.map((i) => (typeof i.role === 'string' ? i.role : ''));
  const framed = roles.some((r) => FRAME_ROLES.has(r)) || content.some((i) => i.type === 'image_url' && !i.role);
  const referenced = roles.some((r) => r.startsWith('reference_'));
  if (roles.some((r) => FRAME_ROLES.has(r)) && referenced) {
    return 'invalid params, first_frame / last_frame and reference_* roles cannot be mixed (2013)';
  }
  const asked = typeof body.ratio === 'string' ? body.ratio : undefined;
  if (!framed && !referenced && (asked === undefined || asked === 'adaptive')) {
    return 'invalid params, ratio is required for text-to-video and cannot be adaptive (2013)';
  }
  const count = (type: string) => content.filter((i) => i.type === type).length;
  return {
    model: String(body.model),
    resolution: kind === 'generation' && typeof body.resolution === 'string' ? body.resolution : undefined,
    duration: Number(body.duration),
    // Frames decide the ratio; `adaptive` references get the usual landscape one.
    ratio: asked === undefined || asked === 'adaptive' || framed ? '16:9' : asked,
    prompt: texts.map((t) => t.text as string).join('\n'),
    images: count('image_url'),
    videos: count('video_url'),
    audios: count('audio_url'),
  };
}

function create(ctx: RequestContext, kind: V2Kind): Response {
  const inputs = readInputs(isObj(ctx.json) ? ctx.json : {}, kind);
  if (typeof inputs === 'string') return badRequest(ctx, inputs);
  // V2 ids are JSON strings of 15 digits; derived from the mock's id source so a seed reproduces them.
  const id = `4${ctx.state.ids.next().slice(-14)}`;
  const task = ctx.state.videoV2.create({
    id,
    kind,
    inputs,
    fail: ctx.scenario?.scenario.kind === 'task_fail',
    polls: ctx.prefs.polls ?? ctx.settings.taskPolls,
  });
  const callbackUrl = callbackUrlOf(ctx);
  if (callbackUrl) watchV2Task(ctx, task, callbackUrl);
  const example = isObj(ctx.mocked.body) ? ctx.mocked.body : {};
  return ctx.jsonResponse(200, { ...example, task_id: id });
}

function query(ctx: RequestContext, task: V2Task): Response {
  if (ctx.scenario?.scenario.kind === 'task_fail') task.fail = true;
  // A task with a callback moves on its own timer: the poll only reads it.
  if (!ctx.state.callbacks.drives(callbackKey('v2', task.id))) ctx.state.videoV2.poll(task);
  finishVideoV2Task(ctx.state, ctx.baseUrl, task);
  return ctx.jsonResponse(200, { task: taskJson(task) });
}

function list(ctx: RequestContext): Response {
  const number = (name: string, fallback: number) => {
    const value = Number(ctx.query.get(name) ?? Number.NaN);
    return Number.isInteger(value) && value >= 1 ? value : fallback;
  };
  const { items, total } = ctx.state.videoV2.list({
    status: ctx.query.get('filter.status') ?? undefined,
    taskIds: ctx.query.getAll('filter.task_ids'),
    model: ctx.query.get('filter.model') ?? undefined,
    taskType: ctx.query.get('filter.task_type') ?? undefined,
    pageNum: number('page_num', 1),
    pageSize: number('page_size', DEFAULT_PAGE_SIZE),
  });
  return ctx.jsonResponse(200, { items: items.map(taskJson), total });
}

/** `queued` → cancelled; `succeeded` / `failed` → deleted; `running` / `cancelled` → refused. */
function remove(ctx: RequestContext, task: V2Task): Response {
  const store = ctx.state.videoV2;
  if (task.status === 'queued') {
    store.setStatus(task, 'cancelled');
    ctx.state.callbacks.changed(callbackKey('v2', task.id));
    return ctx.jsonResponse(200, { task_id: task.id, action: 'cancelled', status: 'cancelled' });
  }
  if (task.status === 'succeeded' || task.status === 'failed') {
    store.delete(task.id);
    return ctx.jsonResponse(200, { task_id: task.id, action: 'deleted', status: 'deleted' });
  }
  return badRequest(ctx, `invalid params, task ${task.id} is ${task.status} and cannot be cancelled or deleted (2013)`);
}
