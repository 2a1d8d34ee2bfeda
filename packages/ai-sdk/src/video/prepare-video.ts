/**
 * One `experimental_generateVideo` call as the body of `POST /v2/video_generation` (MiniMax-H3): the prompt is the
 * text item; the start image and `frameImages` become `first_frame` / `last_frame`; `inputReferences` become
 * `reference_image` / `reference_video` / `reference_audio` by media type; `aspectRatio` → `ratio`; `resolution`
 * (`{width}x{height}`) → MiniMax's `480P` / `768P` / `2K` by its short side; `duration` passes through. What H3 cannot
 * honour (`fps`, `seed`, audio turned off) is a warning, never silently dropped. `providerOptions.minimax` takes any
 * other body field in the API's own names (`callback_url`, `extra`, `aigc_watermark`, or `resolution: '2K'` directly).
 */

import {
  InvalidArgumentError,
  type SharedV3Warning,
  type Experimental_VideoModelV3CallOptions as VideoCallOptions,
  type Experimental_VideoModelV3File as VideoFile,
} from '@ai-sdk/provider';
import type { VideoV2ContentItem, VideoV2CreateParams } from '@minimax-ts/sdk';
import { dataURL } from '../base64.ts';
import { minimaxOptions } from '../provider-options.ts';

/** The request body and what could not be honoured. */
export interface PreparedVideo {
  body: VideoV2CreateParams;
  warnings: SharedV3Warning[];
}

/** Ratios MiniMax-H3 takes (`adaptive`: the frame or references decide). */
const RATIOS = new Set(['adaptive', '21:9', '16:9', '4:3', '1:1', '3:4', '9:16']);
/** Text-to-video needs a concrete ratio; the official CLI's default. */
const TEXT_ONLY_RATIO = '16:9';
/** A length both H3 (4–15 s) and H3-Max (5–15 s) take; the official CLI's default. */
const DEFAULT_DURATION = 5;
/** A resolution both H3 (768P, 2K) and H3-Max (480P, 768P) take. */
const DEFAULT_RESOLUTION = '768P';

const VIDEO_EXTENSION = /\.(mp4|mov|m4v|webm)(?:[?#]|$)/i;
const AUDIO_EXTENSION = /\.(mp3|wav|m4a|aac|ogg|flac)(?:[?#]|$)/i;

/**
 * `480P`, `768P` or `2K` for a `{width}x{height}`, by the short side.
 *
 * @example
 * ```ts
 * resolutionFor('1280x720'); // '768P'
 * ```
 */
export function resolutionFor(size: string): '480P' | '768P' | '2K' {
  const [width = 0, height = 0] = size.split('x').map(Number);
  const short = Math.min(width, height);
  return short <= 600 ? '480P' : short <= 1000 ? '768P' : '2K';
}

/** A URL MiniMax fetches, or the bytes as a `data:` URI with the lowercase format the docs require. */
function fileURL(file: VideoFile): string {
  return file.type === 'url' ? file.url : dataURL(file.data, file.mediaType.toLowerCase());
}

function kindOf(file: VideoFile): 'image' | 'video' | 'audio' {
  const type = (file.mediaType ?? '').toLowerCase();
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('image/')) return 'image';
  const url = file.type === 'url' ? file.url : '';
  return VIDEO_EXTENSION.test(url) ? 'video' : AUDIO_EXTENSION.test(url) ? 'audio' : 'image';
}

function frame(file: VideoFile, role: 'first_frame' | 'last_frame'): VideoV2ContentItem {
  return { type: 'image_url', image_url: { url: fileURL(file) }, role };
}

function reference(file: VideoFile): VideoV2ContentItem {
  const url = fileURL(file);
  switch (kindOf(file)) {
    case 'video':
      return { type: 'video_url', video_url: { url }, role: 'reference_video' };
    case 'audio':
      return { type: 'audio_url', audio_url: { url }, role: 'reference_audio' };
    default:
      return { type: 'image_url', image_url: { url }, role: 'reference_image' };
  }
}

/** The frame and reference items, with a warning when both were given (a task is one or the other). */
function mediaItems(options: VideoCallOptions, warnings: SharedV3Warning[]): VideoV2ContentItem[] {
  const frames = options.frameImages ?? [];
  const first = frames.find((f) => f.frameType === 'first_frame')?.image ?? options.image;
  const last = frames.find((f) => f.frameType === 'last_frame')?.image;
  const items = [...(first ? [frame(first, 'first_frame')] : []), ...(last ? [frame(last, 'last_frame')] : [])];
  const references = options.inputReferences ?? [];
  if (references.length === 0) return items;
  if (items.length > 0) {
    warnings.push({
      type: 'other',
      message:
        'inputReferences were not sent: MiniMax-H3 takes first/last frames or references (reference-to-video), not both.',
    });
    return items;
  }
  return references.map(reference);
}

function ratioFor(options: VideoCallOptions, textOnly: boolean, warnings: SharedV3Warning[]): string | undefined {
  const asked = options.aspectRatio;
  if (asked === undefined) return textOnly ? TEXT_ONLY_RATIO : undefined;
  if (RATIOS.has(asked)) return asked;
  warnings.push({
    type: 'unsupported',
    feature: 'aspectRatio',
    details: `MiniMax-H3 has no ${asked} ratio (${[...RATIOS].join(', ')}); ${textOnly ? TEXT_ONLY_RATIO : 'adaptive'} was used.`,
  });
  return textOnly ? TEXT_ONLY_RATIO : undefined;
}

function durationFor(options: VideoCallOptions, warnings: SharedV3Warning[]): number {
  const asked = options.duration;
  if (asked === undefined) return DEFAULT_DURATION;
  if (Number.isInteger(asked)) return asked;
  const rounded = Math.max(1, Math.round(asked));
  warnings.push({
    type: 'other',
    message: `MiniMax-H3 takes whole seconds: a duration of ${asked} s became ${rounded} s.`,
  });
  return rounded;
}

function unsupported(options: VideoCallOptions): SharedV3Warning[] {
  const warnings: SharedV3Warning[] = [];
  if (options.fps !== undefined) {
    warnings.push({ type: 'unsupported', feature: 'fps', details: 'MiniMax-H3 chooses the frame rate itself.' });
  }
  if (options.seed !== undefined) {
    warnings.push({ type: 'unsupported', feature: 'seed', details: 'MiniMax video generation V2 takes no seed.' });
  }
  if (options.generateAudio === false) {
    warnings.push({
      type: 'unsupported',
      feature: 'generateAudio',
      details: 'MiniMax-H3 always generates the soundtrack with the video.',
    });
  }
  return warnings;
}

/**
 * Builds the request.
 *
 * @example
 * ```ts
 * prepareVideo('MiniMax-H3', { prompt: 'A cat surfing', n: 1, aspectRatio: '9:16', duration: 6, … });
 * ```
 */
export function prepareVideo(modelId: string, options: VideoCallOptions): PreparedVideo {
  if (options.prompt === undefined || options.prompt.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'prompt',
      message: 'MiniMax-H3 needs a prompt: every video task has a non-empty text item.',
    });
  }
  const warnings = unsupported(options);
  const media = mediaItems(options, warnings);
  const ratio = ratioFor(options, media.length === 0, warnings);
  const { model: _m, content: _c, ...extra } = minimaxOptions(options.providerOptions);
  const body = {
    model: modelId,
    content: [{ type: 'text', text: options.prompt }, ...media],
    resolution: options.resolution === undefined ? DEFAULT_RESOLUTION : resolutionFor(options.resolution),
    duration: durationFor(options, warnings),
    ...(ratio !== undefined && { ratio }),
    ...extra,
  } as VideoV2CreateParams;
  return { body, warnings };
}
