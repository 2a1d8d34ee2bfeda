import { type ImageGenerationReq, type ImageGenerationResp, imageGeneration } from '@minimax-ts/generated';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';

export type ImageGenerateParams = ImageGenerationReq;
export type ImageGeneration = ImageGenerationResp;

const generate = defineOperation({
  call: imageGeneration,
  method: 'POST',
  path: '/v1/image_generation',
  billable: true,
  body: 'json',
  envelope: 'native',
  responseSchema: 'zImageGenerationResponse',
});

/** Image generation (`image-01`). */
export class Images extends APIResource {
  /**
   * Generates 1–9 images; `data.image_urls` (valid 24 h) or `data.image_base64` per `response_format`.
   *
   * @example
   * ```ts
   * const result = await mm.images.generate({ model: 'image-01', prompt: 'A lighthouse at dawn', aspect_ratio: '16:9' });
   * console.log(result.data?.image_urls, result.metadata?.success_count);
   * ```
   */
  generate(params: ImageGenerateParams, options?: RequestOptions): APIPromise<ImageGeneration> {
    return this._transport.json(generate, { body: params }, options);
  }
}
