/**
 * MiniMax image generation (`image-01`) as an AI SDK image model (`generateImage`), over `mm.images.generate`.
 * MiniMax makes up to 9 images per call; the AI SDK splits larger requests. Images withheld by moderation are
 * reported as a warning (MiniMax still answers with success and a `failed_count`).
 */

import type { ImageModelV3, ImageModelV3CallOptions, JSONObject, SharedV3Warning } from '@ai-sdk/provider';
import { callSdk } from '../errors/to-api-call-error.ts';
import type { ModelConfig } from '../model-config.ts';
import type { MiniMaxImageModelId } from '../model-ids.ts';
import { PROVIDER_KEY } from '../provider-options.ts';
import { endpointURL, requestOptions } from '../provider-settings.ts';
import { prepareImage } from './prepare-image.ts';

type ImageResult = Awaited<ReturnType<ImageModelV3['doGenerate']>>;

const count = (value: string | undefined): number | undefined => {
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
};

/**
 * A MiniMax image model. Create it with `minimax.image('image-01')`.
 *
 * @example
 * ```ts
 * import { generateImage } from 'ai';
 * const { images } = await generateImage({ model: minimax.image('image-01'), prompt: 'A lighthouse at dawn', aspectRatio: '16:9' });
 * ```
 */
export class MiniMaxImageModel implements ImageModelV3 {
  readonly specificationVersion = 'v3';
  readonly maxImagesPerCall = 9;
  readonly modelId: MiniMaxImageModelId;
  readonly #config: ModelConfig;

  constructor(modelId: MiniMaxImageModelId, config: ModelConfig) {
    this.modelId = modelId;
    this.#config = config;
  }

  get provider(): string {
    return this.#config.provider;
  }

  async doGenerate(options: ImageModelV3CallOptions): Promise<ImageResult> {
    const { body, warnings } = prepareImage(this.modelId, options);
    const client = this.#config.client();
    const result = await callSdk(() => client.images.generate(body, requestOptions(options)), {
      url: endpointURL(client, '/v1/image_generation'),
      body,
      abortSignal: options.abortSignal,
    });
    const images = result.data?.image_base64 ?? [];
    const urls = result.data?.image_urls ?? [];
    const failed = count(result.metadata?.failed_count);
    const notes: SharedV3Warning[] = [];
    if (failed)
      notes.push({ type: 'other', message: `MiniMax withheld ${failed} image(s) (failed_count; moderation).` });
    if (images.length === 0 && urls.length > 0) {
      notes.push({
        type: 'other',
        message: 'MiniMax answered with image URLs instead of base64; they are in providerMetadata.minimax.imageUrls.',
      });
    }
    const metadata: JSONObject = {
      images: images.map(() => ({})),
      ...(result.id ? { traceId: result.id } : {}),
      ...(count(result.metadata?.success_count) !== undefined
        ? { successCount: count(result.metadata?.success_count) }
        : {}),
      ...(failed !== undefined ? { failedCount: failed } : {}),
      ...(urls.length > 0 ? { imageUrls: urls } : {}),
    };
    return {
      images,
      warnings: [...warnings, ...notes],
      providerMetadata: { [PROVIDER_KEY]: metadata as JSONObject & { images: [] } },
      response: { timestamp: new Date(), modelId: this.modelId, headers: undefined },
    };
  }
}
