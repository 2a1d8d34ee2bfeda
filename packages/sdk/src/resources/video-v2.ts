/**
 * Video Generation V2 (`mm.video.v2`): MiniMax-H3 / MiniMax-H3-Max tasks built from a multimodal `content` array,
 * polled at `/v2/query/video_generation/{task_id}` until `succeeded`, the video at `task.content.url`; the
 * H3-Context-IR prompt enhancer; paged listing; cancel/delete. V2 speaks the OaiError family (real HTTP statuses, the
 * MiniMax code at the end of the message) and has no `base_resp` and no `file_id`. The Hailuo models
 * (MiniMax-Hailuo-2.3/02, T2V/I2V/S2V) stay on V1, `mm.video`.
 */

import {
  createH3ContextIr,
  createVideoGenerationV2,
  type DeleteVideoGenerationV2Resp,
  deleteVideoGenerationV2,
  type GetVideoGenerationV2Resp,
  getVideoGenerationV2,
  type H3ContextIrReq,
  type ListVideoGenerationV2Resp,
  listVideoGenerationV2,
  type VideoGenerationV2Req,
  type VideoGenerationV2Resp,
  type VideoTaskV2,
  type VideoTaskV2Status,
  type VideoV2ContentItem,
} from '@minimax-ts/generated';
import { type APIPromise, checkedCall, compositeCall, rejectedCall, type Track } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { PagePromise } from '../core/pagination.ts';
import { APIResource } from '../core/resource.ts';
import { v2TaskId } from '../internal/ids.ts';
import { defineOperation } from '../internal/operation.ts';
import { numberedPages } from '../lib/numbered-pages.ts';
import { pollTask, type WaitOptions } from '../lib/poll-task.ts';
import { checkListQuery, checkPromptEnhancement, checkVideoV2Create } from '../lib/video-v2-params.ts';

export type { VideoTaskV2Status, VideoV2ContentItem };
/** Body of `mm.video.v2.create`: `model`, `content`, `resolution`, `duration`, optional `ratio`, `callback_url`, … */
export type VideoV2CreateParams = VideoGenerationV2Req;
/** Body of the prompt enhancer (H3-Context-IR): like a create, without `resolution`. */
export type PromptEnhancementParams = H3ContextIrReq;
/** A created V2 task: `{ task_id }`. */
export type VideoV2Created = VideoGenerationV2Resp;
/** A V2 task as the server describes it (unknown fields kept). */
export type VideoV2Task = VideoTaskV2;

/** Paging and filters of `mm.video.v2.list` (the tasks of the last 7 days, newest first). */
export interface VideoV2ListParams {
  /** The first page to read, from 1. Default 1. */
  page_num?: number;
  /** Tasks per page. Default 20 (sent explicitly: MiniMax does not document its defaults). */
  page_size?: number;
  filter?: {
    status?: VideoTaskV2Status | (string & {});
    /** Only these tasks (sent as a repeated `filter.task_ids`). */
    task_ids?: string[];
    model?: string;
    task_type?: 'generation' | 'h3_context_ir' | 'regeneration' | (string & {});
  };
}

/** What `cancel` did, as the server said it, plus `outcome` in one spelling. */
export interface VideoV2CancelResult extends DeleteVideoGenerationV2Resp {
  /**
   * `'cancelled'` (a queued task: nothing is charged) or `'deleted'` (a succeeded or failed task's record), whichever
   * of the two spellings the server used for `action` (`cancelled`/`deleted`, or an older `cancel`/`delete`); any
   * other action as sent.
   */
  outcome: 'cancelled' | 'deleted' | (string & {});
}

/** What `generate` resolves to. */
export interface GeneratedVideoV2 {
  task_id: string;
  /** `task.content.url`: the MP4, time-limited — `retrieve` the task again for a fresh URL. */
  url: string;
  task: VideoV2Task;
}

/** Options of `wait`, `generate` and `enhancePrompt`: the wait's own, plus headers and validation for every call. */
export type VideoV2WaitOptions = WaitOptions<VideoV2Task> & RequestOptions;

const DEFAULT_PAGE_SIZE = 20;

const ops = {
  create: defineOperation({
    call: createVideoGenerationV2,
    method: 'POST',
    path: '/v2/video_generation',
    billable: true,
    body: 'json',
    envelope: 'compatible',
    responseSchema: 'zCreateVideoGenerationV2Response',
  }),
  enhance: defineOperation({
    call: createH3ContextIr,
    method: 'POST',
    path: '/v2/h3_context_ir',
    billable: true,
    body: 'json',
    envelope: 'compatible',
    responseSchema: 'zCreateH3ContextIrResponse',
  }),
  retrieve: defineOperation({
    call: getVideoGenerationV2,
    method: 'GET',
    path: '/v2/query/video_generation/{task_id}',
    billable: false,
    body: 'none',
    envelope: 'compatible',
    responseSchema: 'zGetVideoGenerationV2Response',
  }),
  list: defineOperation({
    call: listVideoGenerationV2,
    method: 'GET',
    path: '/v2/query/video_generation',
    billable: false,
    body: 'none',
    envelope: 'compatible',
    responseSchema: 'zListVideoGenerationV2Response',
  }),
  cancel: defineOperation({
    call: deleteVideoGenerationV2,
    method: 'DELETE',
    path: '/v2/video_generation/{task_id}',
    billable: false,
    body: 'none',
    envelope: 'compatible',
    responseSchema: 'zDeleteVideoGenerationV2Response',
  }),
};

const OUTCOMES: Readonly<Record<string, 'cancelled' | 'deleted'>> = {
  cancel: 'cancelled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  delete: 'deleted',
  deleted: 'deleted',
};

/** The per-call options a poll inherits from `wait`/`generate` (not `timeout`: there it is the wait's deadline). */
const pollOptions = (options: VideoV2WaitOptions | undefined, signal: AbortSignal | undefined): RequestOptions => ({
  signal,
  headers: options?.headers,
  validate: options?.validate,
  maxRetries: options?.maxRetries,
});

/**
 * MiniMax-H3 video (Video Generation V2). Choose it for the H3 models and a `content` array of text, frames and
 * references; the Hailuo, T2V, I2V and S2V models are V1's `mm.video`.
 *
 * @example
 * ```ts
 * const { url } = await mm.video.v2.generate({
 *   model: 'MiniMax-H3',
 *   content: [{ type: 'text', text: 'A boy playing basketball by the sea' }],
 *   resolution: '2K',
 *   duration: 5,
 *   ratio: '16:9',
 * });
 * ```
 */
export class VideoV2 extends APIResource {
  /**
   * Starts a video task (billable). Refuses, before sending, a body without a non-empty text item, mixed frame and
   * reference roles, or a duration that is not a whole number.
   *
   * @example
   * ```ts
   * const { task_id } = await mm.video.v2.create({
   *   model: 'MiniMax-H3',
   *   content: [
   *     { type: 'text', text: 'Pull focus to the people in the background' },
   *     { type: 'image_url', image_url: { url: 'https://example.com/ramen.png' }, role: 'first_frame' },
   *   ],
   *   resolution: '2K',
   *   duration: 5,
   * });
   * ```
   */
  create(params: VideoV2CreateParams, options?: RequestOptions): APIPromise<VideoV2Created> {
    return checkedCall(() => {
      checkVideoV2Create(params);
      return this._transport.json(ops.create, { body: params }, options);
    });
  }

  /**
   * One task (of the last 7 days): the server's `task` object, unknown fields kept. `status` is
   * `queued | running | succeeded | failed | cancelled` (and `expired` seen by the official CLI).
   *
   * @example
   * ```ts
   * const task = await mm.video.v2.retrieve('424010985738629');
   * if (task.status === 'succeeded') console.log(task.content?.url);
   * ```
   */
  retrieve(taskId: string, options?: RequestOptions): APIPromise<VideoV2Task> {
    return checkedCall(() => {
      const id = v2TaskId(taskId);
      const call = this._transport.json<GetVideoGenerationV2Resp>(ops.retrieve, { path: { task_id: id } }, options);
      return call._thenUnwrap((response) => {
        const body = response as { task?: unknown; id?: unknown; status?: unknown } | undefined;
        // The documented `{ task }`; a task sent unwrapped (as a callback body might be relayed) is taken as it is.
        const task = body?.task ?? (typeof body?.id === 'string' && typeof body.status === 'string' ? body : undefined);
        if (typeof task !== 'object' || task === null) {
          throw withTask(new MiniMaxError(`GET /v2/query/video_generation/${id} answered without a task object`), id);
        }
        return task as VideoV2Task;
      });
    });
  }

  /**
   * The tasks of the last 7 days, newest first: `await` it for one page, `for await` it for every task (each once;
   * iteration stops on an empty page or once `total` is reached).
   *
   * @example
   * ```ts
   * for await (const task of mm.video.v2.list({ filter: { status: 'succeeded' } })) console.log(task.id);
   * const page = await mm.video.v2.list({ page_size: 50 });
   * ```
   */
  list(params: VideoV2ListParams = {}, options?: RequestOptions): PagePromise<VideoV2Task> {
    try {
      checkListQuery(params);
    } catch (error) {
      // Refused like every other call: through the returned promise (and its iteration), not thrown at the call.
      return new PagePromise(rejectedCall(error));
    }
    const pageSize = params.page_size ?? DEFAULT_PAGE_SIZE;
    const { filter = {} } = params;
    const filters = {
      ...(filter.status !== undefined && { 'filter.status': filter.status }),
      ...(filter.task_ids !== undefined && { 'filter.task_ids': filter.task_ids.map(String) }),
      ...(filter.model !== undefined && { 'filter.model': filter.model }),
      ...(filter.task_type !== undefined && { 'filter.task_type': filter.task_type }),
    };
    return numberedPages<VideoV2Task>({
      firstPage: params.page_num ?? 1,
      pageSize,
      idOf: (task) => (typeof task?.id === 'string' ? task.id : undefined),
      fetchPage: (pageNum) => {
        const query = { page_num: pageNum, page_size: pageSize, ...filters };
        return this._transport.json<ListVideoGenerationV2Resp>(ops.list, { query }, options)._thenUnwrap((response) => {
          const items = Array.isArray(response?.items) ? response.items : [];
          const total = typeof response?.total === 'number' ? response.total : undefined;
          return { items, total, response };
        });
      },
    });
  }

  /**
   * `DELETE /v2/video_generation/{task_id}`: cancels a `queued` task (nothing is charged) or deletes the record of a
   * `succeeded` / `failed` one; a `running` or `cancelled` task answers an error (`InvalidParamsError`). `outcome`
   * says which happened, whichever spelling the server used.
   *
   * @example
   * ```ts
   * const { outcome } = await mm.video.v2.cancel(task_id); // 'cancelled' | 'deleted'
   * ```
   */
  cancel(taskId: string, options?: RequestOptions): APIPromise<VideoV2CancelResult> {
    return checkedCall(() => {
      const id = v2TaskId(taskId);
      const call = this._transport.json<DeleteVideoGenerationV2Resp>(ops.cancel, { path: { task_id: id } }, options);
      return call._thenUnwrap((response) => {
        const action = typeof response?.action === 'string' ? response.action : '';
        return { ...response, outcome: OUTCOMES[action.toLowerCase()] ?? action };
      });
    });
  }

  /**
   * Polls until the task succeeds (resolves with the task) or ends `failed`, `cancelled` or `expired`
   * (`TaskFailedError` with the task's `error.code` and `error.message` as `code` and `reason`). Statuses compare
   * case-insensitively. Every error carries `err.taskId`; the task keeps running on the server whatever happens here.
   * `withResponse()` gives the final poll's response and trace id.
   *
   * @example
   * ```ts
   * const task = await mm.video.v2.wait(task_id, { onProgress: (p) => console.log(p.status), timeout: 20 * 60_000 });
   * ```
   */
  wait(taskId: string, options?: VideoV2WaitOptions): APIPromise<VideoV2Task> {
    return compositeCall((track) => this.#poll(track, taskId, options));
  }

  /** `wait`'s polls, each through `track`; a step of `generate` and `enhancePrompt` too. */
  async #poll(track: Track, taskId: string, options: VideoV2WaitOptions | undefined): Promise<VideoV2Task> {
    const id = v2TaskId(taskId);
    return pollTask<VideoV2Task>({
      taskId: id,
      retrieve: (signal) => track(this.retrieve(id, pollOptions(options, signal))),
      statusOf: (task) => (typeof task.status === 'string' ? task.status : undefined),
      failureOf: (task) => ({ code: task.error?.code, reason: task.error?.message }),
      pollInterval: this._ctx.pollInterval,
      options,
    });
  }

  /**
   * Creates a task and waits for it: `{ task_id, url, task }`, `url` being `task.content.url`. `withResponse()`
   * gives the final poll's response and trace id.
   *
   * @example
   * ```ts
   * const video = await mm.video.v2.generate(
   *   { model: 'MiniMax-H3', content: [{ type: 'text', text: 'A cat surfing' }], resolution: '768P', duration: 6, ratio: '9:16' },
   *   { onProgress: (p) => console.log(p.status, p.elapsedMs) },
   * );
   * console.log(video.url);
   * ```
   */
  generate(params: VideoV2CreateParams, options?: VideoV2WaitOptions): APIPromise<GeneratedVideoV2> {
    return compositeCall(async (track) => {
      const taskId = await this.#start(track(this.create(params, options)), '/v2/video_generation');
      const task = await this.#poll(track, taskId, options);
      const url = task.content?.url;
      if (typeof url !== 'string' || url === '') {
        throw withTask(new MiniMaxError(`video task ${taskId} succeeded without content.url`), taskId);
      }
      return { task_id: taskId, url, task };
    });
  }

  /**
   * Starts an H3-Context-IR task (billable): the inputs of a video task turned into a structured prompt, no video.
   * Read the result with `wait` (`task.content.prompt`), or use `enhancePrompt`.
   *
   * @example
   * ```ts
   * const { task_id } = await mm.video.v2.createPromptEnhancement({
   *   model: 'MiniMax-H3', content: [{ type: 'text', text: 'A captain alone on the bridge' }], duration: 5, ratio: '16:9',
   * });
   * ```
   */
  createPromptEnhancement(params: PromptEnhancementParams, options?: RequestOptions): APIPromise<VideoV2Created> {
    return checkedCall(() => {
      checkPromptEnhancement(params);
      return this._transport.json(ops.enhance, { body: params }, options);
    });
  }

  /**
   * Runs the prompt enhancer and resolves with the enhanced prompt (`integrated_multimodal_description: …`,
   * `overall_soundscape: …`, `non_diegetic_music: …`), ready to be the text item of a video task. `withResponse()`
   * gives the final poll's response and trace id.
   *
   * @example
   * ```ts
   * const content = [{ type: 'text' as const, text: 'A captain alone on the bridge' }];
   * const prompt = await mm.video.v2.enhancePrompt({ model: 'MiniMax-H3', content, duration: 5, ratio: '16:9' });
   * await mm.video.v2.generate({ model: 'MiniMax-H3', content: [{ type: 'text', text: prompt }], resolution: '2K', duration: 5, ratio: '16:9' });
   * ```
   */
  enhancePrompt(params: PromptEnhancementParams, options?: VideoV2WaitOptions): APIPromise<string> {
    return compositeCall(async (track) => {
      const taskId = await this.#start(track(this.createPromptEnhancement(params, options)), '/v2/h3_context_ir');
      const task = await this.#poll(track, taskId, options);
      const prompt = task.content?.prompt;
      if (typeof prompt !== 'string') {
        throw withTask(new MiniMaxError(`prompt enhancement task ${taskId} succeeded without content.prompt`), taskId);
      }
      return prompt;
    });
  }

  /** The created task's id; one the server sent as a number is taken as its digits. */
  async #start(created: Promise<VideoV2Created>, path: string): Promise<string> {
    const { task_id: sent } = await created;
    const taskId = typeof sent === 'number' ? String(sent) : sent;
    if (typeof taskId !== 'string' || taskId === '') throw new MiniMaxError(`POST ${path} answered without a task_id`);
    try {
      return v2TaskId(taskId, 'task_id');
    } catch (error) {
      // An id that is not a safe path segment cannot be polled; the error still names the task that was created.
      throw withTask(error as MiniMaxError, taskId);
    }
  }
}

function withTask(error: MiniMaxError, taskId: string): MiniMaxError {
  error.taskId = taskId;
  return error;
}
