/**
 * MiniMax chat as an AI SDK language model (specification v3, which ai 6 speaks and ai 7 adapts), over the sdk's
 * Anthropic-compatible resource (`mm.anthropic.messages`). Why that endpoint: it returns reasoning as separate
 * `thinking` blocks with a signature (which MiniMax asks to get back in multi-turn tool use) where the OpenAI-compatible
 * one mixes it into the text unless told otherwise; it streams tool input as per-block JSON deltas that map one to
 * one onto the AI SDK's tool-input parts; it reports cache reads and writes; and it answers errors with real HTTP
 * statuses. The native endpoint lacks image input and documents only `auto`/`none` tool choice.
 */

import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider';
import type { MiniMax } from '@minimax-ts/sdk';
import { callSdk, type FailedRequest } from '../errors/to-api-call-error.ts';
import type { ModelConfig } from '../model-config.ts';
import type { MiniMaxChatModelId } from '../model-ids.ts';
import { endpointURL, requestOptions } from '../provider-settings.ts';
import { responseHeaders } from '../response-headers.ts';
import { mapFinishReason, mapUsage, messageContent, messageMetadata } from './map-response.ts';
import { MESSAGES_PATH, type StreamEvent } from './messages-types.ts';
import { partStream } from './part-stream.ts';
import { prepareRequest } from './prepare-request.ts';
import { StreamMapper } from './stream-mapper.ts';

const PUBLIC_URL = /^https?:\/\/.*$/;

/**
 * A MiniMax chat model. Create it with `minimax('MiniMax-M2.7')` or `minimax.languageModel(…)`.
 *
 * @example
 * ```ts
 * import { generateText } from 'ai';
 * const { text } = await generateText({ model: minimax('MiniMax-M2.7'), prompt: 'Hello' });
 * ```
 */
export class MiniMaxLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  /** Media MiniMax fetches itself (the AI SDK downloads other URLs and sends the bytes). */
  readonly supportedUrls: Record<string, RegExp[]> = {
    'image/*': [PUBLIC_URL],
    'video/*': [PUBLIC_URL],
  };
  readonly modelId: MiniMaxChatModelId;
  // A TypeScript-private property, not a `#private` field: ai 7 adapts v3 models through a Proxy and calls their
  // methods with the Proxy as `this`, which has no `#private` slots.
  private readonly config: ModelConfig;

  constructor(modelId: MiniMaxChatModelId, config: ModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { body, warnings, json } = prepareRequest(this.modelId, options);
    const client = this.config.client();
    const request = this.failedRequest(client, body, options);
    const {
      data: message,
      response,
      traceId,
    } = await callSdk(
      () => client.anthropic.messages.create({ ...body, stream: false }, requestOptions(options)).withResponse(),
      request,
    );
    return {
      content: messageContent(message, json),
      finishReason: mapFinishReason(message.stop_reason),
      usage: mapUsage(message.usage),
      providerMetadata: messageMetadata(message, traceId),
      request: { body },
      response: { id: message.id, modelId: message.model, headers: responseHeaders(response), body: message },
      warnings,
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { body, warnings, json } = prepareRequest(this.modelId, options);
    const client = this.config.client();
    const request = this.failedRequest(client, body, options);
    const {
      data: events,
      response,
      traceId,
    } = await callSdk(
      () => client.anthropic.messages.create({ ...body, stream: true }, requestOptions(options)).withResponse(),
      request,
    );
    const mapper = new StreamMapper({ json, includeRaw: options.includeRawChunks === true, traceId });
    return {
      stream: partStream(events as AsyncIterable<StreamEvent>, mapper, warnings, request),
      request: { body },
      response: { headers: responseHeaders(response) },
    };
  }

  private failedRequest(client: MiniMax, body: unknown, options: LanguageModelV3CallOptions): FailedRequest {
    return { url: endpointURL(client, MESSAGES_PATH), body, abortSignal: options.abortSignal };
  }
}
