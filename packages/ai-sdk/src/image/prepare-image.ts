/**
 * One `generateImage` call as the body of `POST /v1/image_generation`. Images always come back inline as base64
 * (the AI SDK wants the bytes; MiniMax's URLs expire after 24 hours). Input images become MiniMax's
 * `subject_reference` (a character reference, not an edit), `size` becomes `width`/`height`, and
 * `providerOptions.minimax` takes any other field of the body in the API's own names (`prompt_optimizer`, `style`,
 * `aigc_watermark`, …).
 */

import {
  type ImageModelV3CallOptions,
  type ImageModelV3File,
  InvalidArgumentError,
  type SharedV3Warning,
} from '@ai-sdk/provider';
import type { ImageGenerateParams } from '@minimax-ts/sdk';
import { dataURL } from '../base64.ts';
import { minimaxOptions } from '../provider-options.ts';

/** Aspect ratios MiniMax takes. */
const ASPECT_RATIOS = new Set(['1:1', '16:9', '4:3', '3:2', '2:3', '3:4', '9:16', '21:9']);

/** The request body and what could not be honoured. */
export interface PreparedImage {
  body: ImageGenerateParams;
  warnings: SharedV3Warning[];
}

function imageFile(file: ImageModelV3File): string {
  return file.type === 'url' ? file.url : dataURL(file.data, file.mediaType);
}

/**
 * Builds the request.
 *
 * @example
 * ```ts
 * prepareImage('image-01', { prompt: 'A lighthouse', n: 2, aspectRatio: '16:9', … });
 * ```
 */
export function prepareImage(modelId: string, options: ImageModelV3CallOptions): PreparedImage {
  if (options.prompt === undefined || options.prompt === '') {
    throw new InvalidArgumentError({ argument: 'prompt', message: 'MiniMax image generation needs a prompt.' });
  }
  const warnings: SharedV3Warning[] = [];
  const { model: _m, prompt: _p, n: _n, response_format, ...extra } = minimaxOptions(options.providerOptions);
  if (response_format !== undefined && response_format !== 'base64') {
    warnings.push({
      type: 'unsupported',
      feature: 'providerOptions.minimax.response_format',
      details: 'The provider asks for base64 images: the AI SDK returns image bytes.',
    });
  }
  const body: Record<string, unknown> = { ...extra };
  if (options.aspectRatio !== undefined) {
    if (ASPECT_RATIOS.has(options.aspectRatio)) body.aspect_ratio = options.aspectRatio;
    else {
      warnings.push({
        type: 'unsupported',
        feature: 'aspectRatio',
        details: `MiniMax has no ${options.aspectRatio} aspect ratio (${[...ASPECT_RATIOS].join(', ')}); use size.`,
      });
    }
  }
  if (options.size !== undefined) {
    if (body.aspect_ratio !== undefined) {
      warnings.push({
        type: 'unsupported',
        feature: 'size',
        details: 'MiniMax ignores width and height when an aspect ratio is set; the size was not sent.',
      });
    } else {
      const [width, height] = options.size.split('x').map(Number);
      body.width = width;
      body.height = height;
    }
  }
  if (options.seed !== undefined) body.seed = options.seed;
  if (options.files && options.files.length > 0) {
    body.subject_reference = options.files.map((file) => ({ type: 'character', image_file: imageFile(file) }));
    warnings.push({
      type: 'compatibility',
      feature: 'files',
      details: 'MiniMax takes input images as character references (subject_reference), not as images to edit.',
    });
  }
  if (options.mask !== undefined) {
    warnings.push({ type: 'unsupported', feature: 'mask', details: 'MiniMax image generation has no inpainting.' });
  }
  return {
    body: {
      ...body,
      model: modelId,
      prompt: options.prompt,
      n: options.n,
      response_format: 'base64',
    } as ImageGenerateParams,
    warnings,
  };
}
