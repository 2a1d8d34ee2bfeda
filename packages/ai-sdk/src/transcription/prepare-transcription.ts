/**
 * One `transcribe` call as the arguments of `mm.transcriptions.create`. The audio becomes a `File` named with an
 * extension that matches its media type, because MiniMax reads the format from the name (raw PCM, which has no
 * container, is refused: MiniMax cannot read it). The request always asks for `verbose_json`, the one format with the
 * segments the AI SDK's result carries. `providerOptions.minimax` takes the API's own names: `language` (a BCP-47
 * hint, which the sdk sends as the `language` header) and `timestamp_level` (`sentence` or `word`).
 */

import { InvalidArgumentError, type SharedV3Warning, type TranscriptionModelV3CallOptions } from '@ai-sdk/provider';
import type { TranscriptionCreateParamsVerbose } from '@minimax-ts/sdk';
import { base64ToBytes } from '../base64.ts';
import { invalidOption, minimaxOptions } from '../provider-options.ts';

/** File extensions by media type (the essence, lower case). */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/x-aac': 'aac',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/aiff': 'aiff',
  'audio/x-aiff': 'aiff',
};

/** The formats MiniMax documents for speech to text. */
const DOCUMENTED = new Set(['wav', 'aiff', 'flac', 'm4a', 'mp3', 'aac', 'opus', 'ogg']);

/** Bare samples without a container. */
const RAW_PCM = /^audio\/(?:pcm|l8|l16|l20|l24|raw|x-raw|s16le|x-pcm)$/;

/** The sdk call's arguments, what could not be honoured, and the language hint given. */
export interface PreparedTranscription {
  params: TranscriptionCreateParamsVerbose;
  warnings: SharedV3Warning[];
  language: string | undefined;
}

/**
 * Builds the request.
 *
 * @example
 * ```ts
 * prepareTranscription('asr-1.0', { audio: bytes, mediaType: 'audio/mpeg', providerOptions: { minimax: { language: 'en' } } });
 * // { params: { file: File('audio.mp3'), model: 'asr-1.0', response_format: 'verbose_json', language: 'en' }, … }
 * ```
 */
export function prepareTranscription(modelId: string, options: TranscriptionModelV3CallOptions): PreparedTranscription {
  const warnings: SharedV3Warning[] = [];
  const { language, timestamp_level, ...others } = minimaxOptions(options.providerOptions);
  if (language !== undefined && typeof language !== 'string') {
    throw invalidOption('language', language, 'a BCP-47 language tag such as "en" or "zh"');
  }
  if (timestamp_level !== undefined && timestamp_level !== 'sentence' && timestamp_level !== 'word') {
    throw invalidOption('timestamp_level', timestamp_level, "'sentence' or 'word'");
  }
  for (const key of Object.keys(others)) {
    warnings.push({
      type: 'unsupported',
      feature: `providerOptions.minimax.${key}`,
      details: 'Speech to text takes `language` and `timestamp_level`; the result is always verbose_json.',
    });
  }
  const extension = extensionFor(options.mediaType, warnings);
  const bytes = typeof options.audio === 'string' ? base64ToBytes(options.audio) : options.audio;
  const file = new File([bytes as BlobPart], `audio.${extension}`, { type: options.mediaType });
  const params: TranscriptionCreateParamsVerbose = {
    file,
    model: modelId,
    response_format: 'verbose_json',
    ...(timestamp_level ? { timestamp_level } : {}),
    ...(language ? { language } : {}),
  };
  return { params, warnings, language: language || undefined };
}

/** The extension for a media type; raw PCM and types that name no audio format are refused. */
function extensionFor(mediaType: string, warnings: SharedV3Warning[]): string {
  const essence = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (RAW_PCM.test(essence)) {
    throw new InvalidArgumentError({
      argument: 'mediaType',
      message: `MiniMax speech to text cannot read raw PCM (${mediaType}): it needs audio in a container (wav, aiff, flac, m4a, mp3, aac, opus, ogg). Wrap the samples in a WAV header.`,
    });
  }
  const known = EXTENSIONS[essence];
  if (known) return known;
  const subtype = /^(?:audio|video)\/(?:x-)?([a-z0-9]+)$/.exec(essence)?.[1];
  if (!subtype) {
    throw new InvalidArgumentError({
      argument: 'mediaType',
      message: `MiniMax speech to text needs an audio media type (audio/mpeg, audio/wav, …) to name the file's format, got ${JSON.stringify(mediaType)}.`,
    });
  }
  if (!DOCUMENTED.has(subtype)) {
    warnings.push({
      type: 'unsupported',
      feature: 'mediaType',
      details: `MiniMax documents wav, aiff, flac, m4a, mp3, aac, opus and ogg; ${mediaType} was sent as .${subtype} and may be refused.`,
    });
  }
  return subtype;
}
