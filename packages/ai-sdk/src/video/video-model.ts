/**
 * MiniMax-H3 video (Video Generation V2) as an AI SDK video model (`experimental_generateVideo`), over
 * `mm.video.v2.create` + `wait`: one video per call, returned as its URL (the AI SDK downloads it), the task id in
 * the provider metadata with the create request's `traceId` (the one that names the generation to MiniMax support)
 * and, per video, the final poll's (`pollTraceId`); `response.headers` are the final poll's. Once the task exists, no failure is marked retryable: the AI SDK would call the model
 * again and start (and bill) a second video; the error's `cause.taskId` names the task, which can still be waited for.
 */

import {
  InvalidResponseDataError,
  type JSONObject,
  type Experimental_VideoModelV3 as VideoModelV3,
  type Experimental_VideoModelV3CallOptions as VideoModelV3CallOptions,
} from '@ai-sdk/provider';
import { callSdk } from '../errors/to-api-call-error.ts';
import type { ModelConfig } from '../model-config.ts';
import type { MiniMaxVideoModelId } from '../model-ids.ts';
import { PROVIDER_KEY } from '../provider-options.ts';
import { endpointURL, requestOptions } from '../provider-settings.ts';
import { responseHeaders } from '../response-headers.ts';
import { prepareVideo } from './prepare-video.ts';

type VideoResult = Awaited<ReturnType<VideoModelV3['doGenerate']>>;

/**
 * A MiniMax video model. Create it with `minimax.video('MiniMax-H3')`.
 *
 * @example
 * ```ts
 * import { experimental_generateVideo as generateVideo } from 'ai';
 * const { video } = await generateVideo({ model: minimax.video('MiniMax-H3'), prompt: 'A cat surfing', aspectRatio: '9:16' });
 * ```
 */
export class MiniMaxVideoModel implements VideoModelV3 {
  readonly specificationVersion = 'v3';
  /** A task makes one video; the AI SDK splits `n` into that many calls. */
  readonly maxVideosPerCall = 1;
  readonly modelId: MiniMaxVideoModelId;
  // A TypeScript-private property, not a `#private` field: ai 7 adapts v3 models through a Proxy and calls their
  // methods with the Proxy as `this`, which has no `#private` slots.
  private readonly config: ModelConfig;

  constructor(modelId: MiniMaxVideoModelId, config: ModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: VideoModelV3CallOptions): Promise<VideoResult> {
    const { body, warnings } = prepareVideo(this.modelId, options);
    const client = this.config.client();
    const request = requestOptions(options);
    const failed = { body, abortSignal: options.abortSignal };
    const created = await callSdk(() => client.video.v2.create(body, request).withResponse(), {
      ...failed,
      url: endpointURL(client, '/v2/video_generation'),
    });
    const taskId = created.data.task_id;
    const {
      data: task,
      response,
      traceId: pollTraceId,
    } = await callSdk(() => client.video.v2.wait(taskId, request).withResponse(), {
      ...failed,
      url: endpointURL(client, `/v2/query/video_generation/${taskId}`),
      resendable: false,
    });
    const url = task.content?.url;
    if (typeof url !== 'string' || url === '') {
      throw new InvalidResponseDataError({
        data: task,
        message: `MiniMax task ${taskId} succeeded without content.url`,
      });
    }
    const metadata: JSONObject = {
      taskId,
      ...(created.traceId ? { traceId: created.traceId } : {}),
      ...(pollTraceId ? { pollTraceId } : {}),
      ...(task.resolution !== undefined && { resolution: task.resolution }),
      ...(task.ratio !== undefined && { ratio: task.ratio }),
      ...(task.duration !== undefined && { duration: task.duration }),
      ...(task.usage !== undefined && { usage: task.usage as JSONObject }),
    };
    return {
      videos: [{ type: 'url', url, mediaType: 'video/mp4' }],
      warnings,
      providerMetadata: {
        [PROVIDER_KEY]: { taskId, ...(created.traceId ? { traceId: created.traceId } : {}), videos: [metadata] },
      },
      // The final poll's: the answer the video came from.
      response: { timestamp: new Date(), modelId: this.modelId, headers: responseHeaders(response) },
    };
  }
}
