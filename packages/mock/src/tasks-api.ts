/**
 * The create/query pairs of asynchronous tasks. Create answers the spec's example with a fresh task id (and, for
 * async speech, the id of the file that will hold the result); each query advances the task one status; at success
 * the result file is put in the files store, so `GET /v1/files/retrieve` and its `download_url` work on it.
 * A query for an id the mock never handed out is refused as the real API refuses an unknown id (HTTP 200, `base_resp`
 * 2013), never answered with a fake success for another task; only the example's own id gets the example unchanged,
 * so a frontend wired to the documented ids keeps working. A video task created with a `callback_url` advances on its own
 * instead and calls that URL back (task-callbacks.ts); its polls only read it, so they agree with its callbacks.
 */
import type { RequestContext } from './context.ts';
import { baseRespBody } from './error-bodies.ts';
import { downloadUrl } from './files-api.ts';
import { normalizeId } from './files-store.ts';
import type { OperationInfo, SpecIndex } from './spec-index.ts';
import { callbackKey, callbackUrlOf, watchV1Task } from './task-callback-watch.ts';
import { deliverTaskResult } from './task-results.ts';
import { lifecycleFromEnum, type Task } from './tasks.ts';

interface TaskFamily {
  create: string;
  query: string;
  result: 'video' | 'speech';
}

/** The task families of the MiniMax API; a pair is active only if the spec has both paths. */
const FAMILIES: readonly TaskFamily[] = [
  { create: '/v1/video_generation', query: '/v1/query/video_generation', result: 'video' },
  { create: '/v1/t2a_async_v2', query: '/v1/query/t2a_async_query_v2', result: 'speech' },
  { create: '/v1/video_template_generation', query: '/v1/query/video_template_generation', result: 'video' },
];

export interface TaskRoute {
  role: 'create' | 'query';
  family: TaskFamily;
}

export function taskRouteOf(index: SpecIndex, op: OperationInfo): TaskRoute | undefined {
  for (const family of FAMILIES) {
    if (op.path === family.create && op.method === 'post') return { role: 'create', family };
    if (op.path === family.query && index.operations.some((o) => o.path === family.create)) {
      return { role: 'query', family };
    }
  }
  return undefined;
}

export function handleTaskCreate(ctx: RequestContext, route: TaskRoute): Response {
  const { index } = ctx.runtime;
  const body = { ...(ctx.mocked.body as Record<string, unknown>) };
  const schema = ctx.op.jsonSchema;
  const task: Omit<Task, 'seen' | 'delivered'> = {
    id: ctx.state.ids.next(),
    family: route.family.create,
    fail: ctx.scenario?.scenario.kind === 'task_fail',
    polls: ctx.prefs.polls ?? ctx.settings.taskPolls,
  };
  body.task_id = task.id;
  // Async speech names its result file up front; video allocates it only at success.
  if (index.property(schema, 'file_id') || 'file_id' in body) {
    task.fileId = ctx.state.ids.next();
    body.file_id = task.fileId;
  }
  const created = ctx.state.tasks.create(task);
  const callbackUrl = callbackUrlOf(ctx);
  if (callbackUrl && route.family.result === 'video') watchV1Task(ctx, created, route.family.query, callbackUrl);
  return ctx.jsonResponse(ctx.mocked.statusCode, body);
}

export function handleTaskQuery(ctx: RequestContext, route: TaskRoute): Response {
  const { index } = ctx.runtime;
  const fromBody = (ctx.json as { task_id?: unknown } | undefined)?.task_id;
  const id = ctx.query.get('task_id') ?? (typeof fromBody === 'string' ? fromBody : undefined);
  const task = id === undefined ? undefined : ctx.state.tasks.get(normalizeId(id));
  if (!task) return unknownTask(ctx, id);
  if (ctx.scenario?.scenario.kind === 'task_fail') task.fail = true;

  const schema = ctx.op.jsonSchema;
  const body = { ...(ctx.mocked.body as Record<string, unknown>) };
  const lifecycle = lifecycleFromEnum(index.enumOf(index.property(schema, 'status')));
  // A task with a callback moves on its own timer: the poll only reads it.
  const key = callbackKey('v1', task.id);
  const tasks = ctx.state.tasks;
  const { status, succeeded } = ctx.state.callbacks.drives(key)
    ? tasks.peek(task, lifecycle)
    : tasks.poll(task, lifecycle);
  body.status = status;
  if ('task_id' in body || index.property(schema, 'task_id')) body.task_id = task.id;

  // Fields that only mean something once the task succeeded: dropped before, unless the schema requires them.
  const resultKeys = ['file_id', 'video_url', 'download_url'].filter((k) => k in body || index.property(schema, k));
  if (succeeded) {
    const file = deliverTaskResult(ctx.state, task, route.family.result);
    for (const key of resultKeys) body[key] = key === 'file_id' ? file.fileId : downloadUrl(ctx.baseUrl, file);
  } else {
    for (const key of resultKeys) {
      if (key === 'file_id' && task.fileId) body.file_id = task.fileId;
      else if (!index.isRequired(schema, key)) delete body[key];
    }
  }
  return ctx.jsonResponse(ctx.mocked.statusCode, body);
}

/**
 * An id the mock never handed out. MiniMax does not document the exact answer (unconfirmed); its native endpoints
 * refuse a bad parameter with HTTP 200 and `base_resp` 2013, as the files API does for an unknown `file_id`.
 */
function unknownTask(ctx: RequestContext, id: string | undefined): Response {
  const example = (ctx.mocked.body as { task_id?: unknown } | undefined)?.task_id;
  if (id !== undefined && example !== undefined && normalizeId(String(example)) === normalizeId(id)) {
    return ctx.jsonResponse(ctx.mocked.statusCode, ctx.mocked.body);
  }
  const what = id === undefined ? 'task_id is required' : `task ${id} not found`;
  return ctx.jsonResponse(200, baseRespBody(2013, `invalid params, ${what}`));
}
