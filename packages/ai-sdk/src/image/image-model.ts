/**
 * MiniMax image generation (`image-01`) as an AI SDK image model (`generateImage`), over `mm.images.generate`.
 * MiniMax makes up to 9 images per call; the AI SDK splits larger requests. Images withheld by moderation are
 * reported as a warning (MiniMax still answers with success and a `failed_count`); URLs where base64 was asked for
 * fail the call with the URLs in the message rather than as the AI SDK's bare "no image generated".
 */

import {
  type ImageModelV3,
  type ImageModelV3CallOptions,
  InvalidResponseDataError,
  type JSONObject,
  type SharedV3Warning,
} from '@ai-sdk/provider';
import { callSdk } from '../errors/to-api-call-error.ts';
import type { ModelConfig } from '../model-config.ts';
import type { MiniMaxImageModelId } from '../model-ids.ts';
import { PROVIDER_KEY } from '../provider-options.ts';
import { endpointURL, requestOptions } from '../provider-settings.ts';
import { responseHeaders } from '../response-headers.ts';
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
  // A TypeScript-private property, not a `#private` field: ai 7 adapts v3 models through a Proxy and calls their
  // methods with the Proxy as `this`, which has no `#private` slots.
  private readonly config: ModelConfig;

  constructor(modelId: MiniMaxImageModelId, config: ModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelV3CallOptions): Promise<ImageResult> {
    const { body, warnings } = prepareImage(this.modelId, options);
    const client = this.config.client();
    const {
      data: result,
      response,
      traceId,
    } = await callSdk(() => client.images.generate(body, requestOptions(options)).withResponse(), {
      url: endpointURL(client, '/v1/image_generation'),
      body,
      abortSignal: options.abortSignal,
    });
    const images = result.data?.image_base64 ?? [];
    const urls = result.data?.image_urls ?? [];
    if (images.length === 0 && urls.length > 0) {
      throw new InvalidResponseDataError({
        data: result,
        message: `MiniMax answered with image URLs instead of the base64 images asked for: ${urls.join(', ')}`,
      });
    }
    const failed = count(result.metadata?.failed_count);
    const notes: SharedV3Warning[] = failed
      ? [{ type: 'other', message: `MiniMax withheld ${failed} image(s) (failed_count; moderation).` }]
      : [];
    // The AI SDK keeps only `images` (one entry per image) from an image model's metadata.
    // The header's trace id; the body's `id` is the same trace id, where the header is missing.
    const trace = traceId ?? result.id;
    const perImage: JSONObject = trace ? { traceId: trace } : {};
    return {
      images,
      warnings: [...warnings, ...notes],
      providerMetadata: { [PROVIDER_KEY]: { images: images.map(() => perImage) } },
      response: { timestamp: new Date(), modelId: this.modelId, headers: responseHeaders(response) },
    };
  }
}
