/**
 * One `generateSpeech` call as the body of `POST /v1/t2a_v2`. `providerOptions.minimax` takes any field of that body
 * in the API's own names (`voice_setting.emotion`, `pronunciation_dict`, `timbre_weights`, …) and is merged under
 * the AI SDK's settings; the audio always comes back as bytes (hex, decoded by the sdk), so `output_format: 'url'`
 * is refused with a warning.
 */

import type { JSONObject, SharedV3Warning, SpeechModelV3CallOptions } from '@ai-sdk/provider';
import type { SpeechCreateParams } from '@minimax-ts/sdk';
import { minimaxOptions, objectOption } from '../provider-options.ts';
import { languageBoost } from './language-boost.ts';

/**
 * The voice used when the call names none (one of MiniMax's system voices).
 *
 * @example
 * ```ts
 * await generateSpeech({ model: minimax.speech('speech-2.8-hd'), text: 'Hi' }); // speaks as English_Graceful_Lady
 * ```
 */
export const DEFAULT_VOICE_ID = 'English_Graceful_Lady';

/** Formats `audio_setting.format` takes. */
const FORMATS = new Set(['mp3', 'pcm', 'flac', 'wav']);

/** The request body and what could not be honoured. */
export interface PreparedSpeech {
  body: SpeechCreateParams;
  warnings: SharedV3Warning[];
}

/**
 * Builds the request.
 *
 * @example
 * ```ts
 * prepareSpeech('speech-2.8-hd', { text: 'Hi', voice: 'English_Graceful_Lady', speed: 1.2, outputFormat: 'wav' });
 * ```
 */
export function prepareSpeech(modelId: string, options: SpeechModelV3CallOptions): PreparedSpeech {
  const warnings: SharedV3Warning[] = [];
  const {
    model: _model,
    text: _text,
    stream: _stream,
    output_format,
    ...extra
  } = minimaxOptions(options.providerOptions);
  if (output_format !== undefined && output_format !== 'hex') {
    warnings.push({
      type: 'unsupported',
      feature: 'providerOptions.minimax.output_format',
      details: 'The provider returns the audio bytes (hex on the wire), never a URL.',
    });
  }
  const voiceSetting: JSONObject = { ...objectOption('voice_setting', extra.voice_setting) };
  const audioSetting: JSONObject = { ...objectOption('audio_setting', extra.audio_setting) };
  if (options.voice !== undefined) voiceSetting.voice_id = options.voice;
  else if (voiceSetting.voice_id === undefined && extra.timbre_weights === undefined) {
    voiceSetting.voice_id = DEFAULT_VOICE_ID;
  }
  if (options.speed !== undefined) voiceSetting.speed = options.speed;
  if (options.outputFormat !== undefined) {
    if (FORMATS.has(options.outputFormat)) audioSetting.format = options.outputFormat;
    else {
      warnings.push({
        type: 'unsupported',
        feature: 'outputFormat',
        details: `MiniMax speech has no "${options.outputFormat}" format (mp3, pcm, flac, wav); ${audioSetting.format ?? 'mp3'} was used.`,
      });
    }
  }
  if (options.language !== undefined) {
    const boost = languageBoost(options.language);
    if (boost) extra.language_boost = boost;
    else
      warnings.push({
        type: 'unsupported',
        feature: 'language',
        details: `MiniMax has no language boost for "${options.language}".`,
      });
  }
  if (options.instructions !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'instructions',
      details: 'MiniMax speech takes no instructions; set voice_setting.emotion in providerOptions.minimax instead.',
    });
  }
  const body = {
    ...extra,
    model: modelId,
    text: options.text,
    ...(Object.keys(voiceSetting).length > 0 ? { voice_setting: voiceSetting } : {}),
    ...(Object.keys(audioSetting).length > 0 ? { audio_setting: audioSetting } : {}),
  } as SpeechCreateParams;
  return { body, warnings };
}
