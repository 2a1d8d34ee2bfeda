import {
  type FileObject,
  type QueryVideoTemplateGenerationTaskResp,
  queryVideoGeneration,
  queryVideoTemplateGenerationTask,
  type VideoGenerationQueryResp,
  type VideoGenerationReq,
  type VideoGenerationResp,
  type VideoTemplateGenerationReq,
  type VideoTemplateGenerationResp,
  videoGeneration,
  videoTemplateGeneration,
} from '@minimax-ts/generated';
import { type APIPromise, checkedCall, compositeCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { ResourceContext } from '../core/resource.ts';
import { TaskResource } from '../core/task-resource.ts';
import { taskId as checkTaskId } from '../internal/ids.ts';
import { defineOperation } from '../internal/operation.ts';
import type { WaitOptions } from '../lib/poll-task.ts';
import type { Files } from './files.ts';
import { VideoV2 } from './video-v2.ts';

export type VideoCreateParams = VideoGenerationReq;
export type VideoTask = VideoGenerationResp;
export type VideoTaskStatus = VideoGenerationQueryResp;
export type VideoTemplateCreateParams = VideoTemplateGenerationReq;
export type VideoTemplateTask = VideoTemplateGenerationResp;
export type VideoTemplateTaskStatus = QueryVideoTemplateGenerationTaskResp;

/** What `video.generate` resolves to: the finished task and where to download its video. */
export interface GeneratedVideo {
  task_id: string;
  file_id: string;
  /** Time-limited URL of the MP4. */
  download_url: string | undefined;
  video_width: number | undefined;
  video_height: number | undefined;
  file: FileObject | undefined;
}

const ops = {
  create: defineOperation({
    call: videoGeneration,
    method: 'POST',
    path: '/v1/video_generation',
    billable: true,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zVideoGenerationResponse',
  }),
  query: defineOperation({
    call: queryVideoGeneration,
    method: 'GET',
    path: '/v1/query/video_generation',
    billable: false,
    body: 'none',
    envelope: 'native',
    responseSchema: 'zQueryVideoGenerationResponse',
  }),
  templateCreate: defineOperation({
    call: videoTemplateGeneration,
    method: 'POST',
    path: '/v1/video_template_generation',
    billable: true,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zVideoTemplateGenerationResponse',
  }),
  templateQuery: defineOperation({
    call: queryVideoTemplateGenerationTask,
    method: 'GET',
    path: '/v1/query/video_template_generation',
    billable: false,
    body: 'none',
    envelope: 'native',
    responseSchema: 'zQueryVideoTemplateGenerationTaskResponse',
  }),
};

/** Video agent templates (`/v1/video_template_generation`). */
export class VideoTemplates extends TaskResource {
  create(params: VideoTemplateCreateParams, options?: RequestOptions): APIPromise<VideoTemplateTask> {
    return this._transport.json(ops.templateCreate, { body: params }, options);
  }

  retrieve(taskId: string, options?: RequestOptions): APIPromise<VideoTemplateTaskStatus> {
    return checkedCall(() =>
      this._transport.json(ops.templateQuery, { query: { task_id: checkTaskId(taskId) } }, options),
    );
  }

  /**
   * Polls until the template video is ready (`video_url`, valid 9 h) or failed (`TaskFailedError`); the response
   * is the final poll's.
   */
  wait(taskId: string, options?: WaitOptions<VideoTemplateTaskStatus>): APIPromise<VideoTemplateTaskStatus> {
    return this._waitForTask(taskId, (id, o) => this.retrieve(id, o), options);
  }
}

/**
 * Hailuo video generation (V1): a task that is created, polled and downloaded through the files API. The H3 models
 * and their `content` array are Video V2: `mm.video.v2`.
 */
export class Video extends TaskResource {
  readonly templates: VideoTemplates;
  /**
   * Video Generation V2: MiniMax-H3 / MiniMax-H3-Max from a `content` array (text, first/last frames, reference
   * images, videos and audio), the prompt enhancer, listing and cancelling. V1 (`mm.video.create`) is for
   * MiniMax-Hailuo-2.3/02, T2V-01, I2V-01 and S2V-01.
   */
  readonly v2: VideoV2;

  constructor(
    ctx: ResourceContext,
    private readonly files: Files,
  ) {
    super(ctx);
    this.templates = new VideoTemplates(ctx);
    this.v2 = new VideoV2(ctx);
    Object.defineProperty(this, 'files', { enumerable: false });
  }

  /**
   * Starts a generation task.
   *
   * @example
   * ```ts
   * const { task_id } = await mm.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'A cat surfing', duration: 6 });
   * ```
   */
  create(params: VideoCreateParams, options?: RequestOptions): APIPromise<VideoTask> {
    return this._transport.json(ops.create, { body: params }, options);
  }

  /** One status poll: `Preparing | Queueing | Processing | Success | Fail`. */
  retrieve(taskId: string, options?: RequestOptions): APIPromise<VideoTaskStatus> {
    return checkedCall(() => this._transport.json(ops.query, { query: { task_id: checkTaskId(taskId) } }, options));
  }

  /**
   * Polls until the task succeeds (resolves with `file_id`) or fails (`TaskFailedError`). Every error carries the
   * task id (`err.taskId`): the task keeps running on the server whatever happens here. `withResponse()` gives the
   * final poll's response and trace id.
   *
   * @example
   * ```ts
   * const done = await mm.video.wait(task_id, { onProgress: (p) => console.log(p.status, p.elapsedMs) });
   * ```
   */
  wait(taskId: string, options?: WaitOptions<VideoTaskStatus>): APIPromise<VideoTaskStatus> {
    return this._waitForTask(taskId, (id, o) => this.retrieve(id, o), options);
  }

  /**
   * Creates a task, waits for it, and looks up the video's download URL. `withResponse()` gives the last request's
   * response: the file lookup's.
   *
   * @example
   * ```ts
   * const video = await mm.video.generate({ model: 'MiniMax-Hailuo-02', prompt: 'A cat surfing' }, { onProgress: console.log });
   * console.log(video.download_url);
   * ```
   */
  generate(
    params: VideoCreateParams,
    options?: WaitOptions<VideoTaskStatus> & RequestOptions,
  ): APIPromise<GeneratedVideo> {
    return compositeCall(async (track) => {
      const { task_id: taskId } = await track(this.create(params, options));
      if (!taskId) throw new MiniMaxError('video_generation answered without a task_id');
      const done = await track(this.wait(taskId, options));
      try {
        if (!done.file_id) throw new MiniMaxError(`video task ${taskId} succeeded without a file_id`);
        const { file } = await track(this.files.retrieve(done.file_id, options));
        return {
          task_id: taskId,
          file_id: done.file_id,
          download_url: file?.download_url,
          video_width: done.video_width,
          video_height: done.video_height,
          file,
        };
      } catch (error) {
        if (error instanceof MiniMaxError) error.taskId = taskId;
        throw error;
      }
    });
  }
}
