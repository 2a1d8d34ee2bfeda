/**
 * MiniMax speech synthesis (T2A v2) as an AI SDK speech model (`generateSpeech`), over `mm.speech.create`, which
 * decodes MiniMax's hex audio to bytes.
 */

import type { JSONObject, SpeechModelV3, SpeechModelV3CallOptions } from '@ai-sdk/provider';
import { callSdk } from '../errors/to-api-call-error.ts';
import type { ModelConfig } from '../model-config.ts';
import type { MiniMaxSpeechModelId } from '../model-ids.ts';
import { PROVIDER_KEY } from '../provider-options.ts';
import { endpointURL, requestOptions } from '../provider-settings.ts';
import { responseHeaders } from '../response-headers.ts';
import { prepareSpeech } from './prepare-speech.ts';

type SpeechResult = Awaited<ReturnType<SpeechModelV3['doGenerate']>>;

/**
 * A MiniMax speech model. Create it with `minimax.speech('speech-2.8-hd')`.
 *
 * @example
 * ```ts
 * import { experimental_generateSpeech as generateSpeech } from 'ai';
 * const { audio } = await generateSpeech({ model: minimax.speech('speech-2.8-hd'), text: 'Hello', voice: 'English_Graceful_Lady' });
 * ```
 */
export class MiniMaxSpeechModel implements SpeechModelV3 {
  readonly specificationVersion = 'v3';
  readonly modelId: MiniMaxSpeechModelId;
  // A TypeScript-private property, not a `#private` field: ai 7 adapts v3 models through a Proxy and calls their
  // methods with the Proxy as `this`, which has no `#private` slots.
  private readonly config: ModelConfig;

  constructor(modelId: MiniMaxSpeechModelId, config: ModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: SpeechModelV3CallOptions): Promise<SpeechResult> {
    const { body, warnings } = prepareSpeech(this.modelId, options);
    const client = this.config.client();
    const {
      data: result,
      response,
      traceId,
    } = await callSdk(() => client.speech.create(body, requestOptions(options)).withResponse(), {
      url: endpointURL(client, '/v1/t2a_v2'),
      body,
      abortSignal: options.abortSignal,
    });
    const { audio, data, ...rest } = result;
    const metadata: JSONObject = {
      ...(traceId ? { traceId } : {}),
      ...(result.extra_info ? { extraInfo: result.extra_info as JSONObject } : {}),
    };
    return {
      audio: audio ?? new Uint8Array(0),
      warnings,
      request: { body },
      // The body without its hex audio, which `audio` already holds decoded.
      response: {
        timestamp: new Date(),
        modelId: this.modelId,
        headers: responseHeaders(response),
        body: { ...rest, data: { ...data, audio: undefined } },
      },
      providerMetadata: { [PROVIDER_KEY]: metadata },
    };
  }
}
