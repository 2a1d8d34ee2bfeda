/**
 * What a task created with a `callback_url` reports, shaped as MiniMax shapes it. V1 (video generation and video
 * templates): the query response (`task_id`, `status`, `file_id` or `video_url` at success, `base_resp`) with the
 * callback's lowercase statuses — every in-progress status is `processing`, then `success` or `failed`, as the docs
 * list them. V2: the query's `{task}`, statuses as they are (`queued`, `running`, `succeeded`, `failed`,
 * `cancelled`). Ids are JSON strings, as in the docs' callback sample.
 */
import type { RequestContext } from './context.ts';
import { downloadUrl } from './files-api.ts';
import { deliverTaskResult, finishVideoV2Task } from './task-results.ts';
import { lifecycleFromEnum, type Task } from './tasks.ts';
import { taskJson, type V2Task } from './video-v2-tasks.ts';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields of a V1 answer that only mean something once the task succeeded. */
const RESULT_KEYS = ['file_id', 'video_url', 'download_url'] as const;
const V2_TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** The key the callbacks know a V1 task by, e.g. `callbackKey('v1', task.id)`. */
export const callbackKey = (api: 'v1' | 'v2', id: string): string => `${api}:${id}`;

/** The `callback_url` a create request asked for, if any (a non-empty string). */
export function callbackUrlOf(ctx: RequestContext): string | undefined {
  const url = isObj(ctx.json) ? ctx.json.callback_url : undefined;
  return typeof url === 'string' && url !== '' ? url : undefined;
}

/**
 * Calls `url` back about a V1 task (`/v1/video_generation`, `/v1/video_template_generation`), answered by the
 * query at `queryPath`.
 *
 * @example
 * ```ts
 * watchV1Task(ctx, task, '/v1/query/video_generation', url);
 * ```
 */
export function watchV1Task(ctx: RequestContext, task: Task, queryPath: string, url: string): void {
  const { index } = ctx.runtime;
  const { state, baseUrl } = ctx;
  const queryOp = index.find('get', queryPath);
  const schema = queryOp?.jsonSchema;
  const lifecycle = lifecycleFromEnum(index.enumOf(index.property(schema, 'status')));
  const example = queryOp && isObj(index.exampleFor(queryOp, 200)) ? (index.exampleFor(queryOp, 200) as Obj) : {};
  const resultKeys = RESULT_KEYS.filter((k) => k in example || index.property(schema, k));
  const spelled = (status: string): string =>
    status === lifecycle.success ? 'success' : status === lifecycle.fail ? 'failed' : 'processing';

  state.callbacks.watch({
    key: callbackKey('v1', task.id),
    url,
    advance: () => {
      if (state.tasks.poll(task, lifecycle).succeeded) deliverTaskResult(state, task, 'video');
    },
    snapshot: () => {
      if (task.status === undefined) return { status: '', body: undefined, terminal: false };
      const status = spelled(task.status);
      const body: Obj = { ...example, task_id: task.id, status };
      if (status === 'success') {
        const file = deliverTaskResult(state, task, 'video');
        for (const key of resultKeys) body[key] = key === 'file_id' ? file.fileId : downloadUrl(baseUrl, file);
      } else {
        for (const key of [...resultKeys, 'video_width', 'video_height']) delete body[key];
      }
      return { status, body, terminal: status !== 'processing' };
    },
  });
}

/**
 * Calls `url` back about a V2 task (`/v2/video_generation`, `/v2/h3_context_ir`).
 *
 * @example
 * ```ts
 * watchV2Task(ctx, task, url);
 * ```
 */
export function watchV2Task(ctx: RequestContext, task: V2Task, url: string): void {
  const { state, baseUrl } = ctx;
  state.callbacks.watch({
    key: callbackKey('v2', task.id),
    url,
    advance: () => {
      state.videoV2.poll(task);
      finishVideoV2Task(state, baseUrl, task);
    },
    snapshot: () => {
      // Not yet moved (neither stepped nor polled nor cancelled): nothing to report.
      if (task.seen === 0 && task.status === 'queued') return { status: '', body: undefined, terminal: false };
      return { status: task.status, body: { task: taskJson(task) }, terminal: V2_TERMINAL.has(task.status) };
    },
  });
}
