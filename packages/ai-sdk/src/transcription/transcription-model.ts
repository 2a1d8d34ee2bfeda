/**
 * MiniMax speech to text (asr-1.0) as an AI SDK transcription model (`transcribe`), over `mm.transcriptions.create`
 * with `verbose_json`: its segments become the AI SDK's, its `duration` the `durationInSeconds`, and what the AI SDK's
 * result has no place for (the trace id, the number of speakers, each segment's speaker) goes into
 * `providerMetadata.minimax`.
 */

import type { JSONObject, TranscriptionModelV3, TranscriptionModelV3CallOptions } from '@ai-sdk/provider';
import { callSdk } from '../errors/to-api-call-error.ts';
import type { ModelConfig } from '../model-config.ts';
import type { MiniMaxTranscriptionModelId } from '../model-ids.ts';
import { PROVIDER_KEY } from '../provider-options.ts';
import { endpointURL, requestOptions } from '../provider-settings.ts';
import { responseHeaders } from '../response-headers.ts';
import { prepareTranscription } from './prepare-transcription.ts';

type TranscriptionResult = Awaited<ReturnType<TranscriptionModelV3['doGenerate']>>;

/**
 * A MiniMax speech-to-text model. Create it with `minimax.transcription('asr-1.0')`.
 *
 * @example
 * ```ts
 * import { experimental_transcribe as transcribe } from 'ai';
 * const { text, segments, durationInSeconds } = await transcribe({
 *   model: minimax.transcription('asr-1.0'),
 *   audio: await readFile('meeting.mp3'),
 *   providerOptions: { minimax: { language: 'en' } },
 * });
 * ```
 */
export class MiniMaxTranscriptionModel implements TranscriptionModelV3 {
  readonly specificationVersion = 'v3';
  readonly modelId: MiniMaxTranscriptionModelId;
  // A TypeScript-private property, not a `#private` field: ai 7 adapts v3 models through a Proxy (see speech-model.ts).
  private readonly config: ModelConfig;

  constructor(modelId: MiniMaxTranscriptionModelId, config: ModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: TranscriptionModelV3CallOptions): Promise<TranscriptionResult> {
    const { params, warnings, language } = prepareTranscription(this.modelId, options);
    const client = this.config.client();
    // The multipart body in the error report, with the file described rather than copied.
    const { file, ...fields } = params;
    const body = {
      ...fields,
      file: { name: (file as File).name, type: (file as File).type, size: (file as File).size },
    };
    const {
      data: result,
      response,
      traceId,
    } = await callSdk(() => client.transcriptions.create(params, requestOptions(options)).withResponse(), {
      url: endpointURL(client, '/v1/speech_to_text'),
      body,
      abortSignal: options.abortSignal,
    });
    const segments = result.segments ?? [];
    const metadata: JSONObject = {
      ...(traceId ? { traceId } : {}),
      ...(result.n_speakers !== undefined ? { nSpeakers: result.n_speakers } : {}),
      speakers: segments.map((segment) => segment.speaker ?? null),
    };
    return {
      text: result.text,
      segments: segments.map((segment) => ({
        text: segment.text,
        startSecond: segment.start,
        endSecond: segment.end,
      })),
      // MiniMax detects no language: the hint the call gave (its primary subtag) is the best there is.
      language: language?.split('-')[0]?.toLowerCase(),
      durationInSeconds: typeof result.duration === 'number' ? result.duration : undefined,
      warnings,
      response: { timestamp: new Date(), modelId: this.modelId, headers: responseHeaders(response), body: result },
      providerMetadata: { [PROVIDER_KEY]: metadata },
    };
  }
}
