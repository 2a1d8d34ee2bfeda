import {
  type OpenAiChatCompletion,
  type OpenAiChatCompletionRequest,
  openaiChatCompletions,
} from '@minimax-ts/generated';
import { type APIPromise, rejectedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource, type ResourceContext } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';
import { streamContext } from '../internal/stream-context.ts';
import { OpenAIChatCompletionStream } from '../lib/openai-chat-stream.ts';

export type OpenAIChatCompletionCreateParams = OpenAiChatCompletionRequest;
export type OpenAIChatCompletionCreateParamsNonStreaming = OpenAiChatCompletionRequest & { stream?: false | undefined };
export type OpenAIChatCompletionCreateParamsStreaming = OpenAiChatCompletionRequest & { stream: true };
export type { OpenAiChatCompletion as OpenAIChatCompletion };

const chatCompletions = defineOperation({
  call: openaiChatCompletions,
  method: 'POST',
  path: '/v1/chat/completions',
  billable: true,
  body: 'json',
  envelope: 'compatible',
  responseSchema: 'zOpenaiChatCompletionsResponse',
  eventSchema: 'zOpenAiChatCompletionChunk',
});

/** `POST /v1/chat/completions`, MiniMax's OpenAI-compatible endpoint. */
export class OpenAIChatCompletions extends APIResource {
  /**
   * @example
   * ```ts
   * const completion = await mm.openai.chat.completions.create({
   *   model: 'MiniMax-M2',
   *   messages: [{ role: 'user', content: 'Hello' }],
   *   reasoning_split: true, // reasoning in `reasoning_details` instead of <think> tags inside `content`
   * });
   * const raw = await mm.openai.chat.completions.create(params).asResponse(); // the Response, body unread
   * ```
   */
  create(
    params: OpenAIChatCompletionCreateParamsNonStreaming,
    options?: RequestOptions,
  ): APIPromise<OpenAiChatCompletion>;
  create(
    params: OpenAIChatCompletionCreateParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<OpenAIChatCompletionStream>;
  create(
    params: OpenAIChatCompletionCreateParams,
    options?: RequestOptions,
  ): APIPromise<OpenAiChatCompletion | OpenAIChatCompletionStream>;
  create(
    params: OpenAIChatCompletionCreateParams,
    options?: RequestOptions,
  ): APIPromise<OpenAiChatCompletion | OpenAIChatCompletionStream> {
    try {
      if (params.stream) {
        return this._transport
          .sse(chatCompletions, { body: params }, options)
          ._thenUnwrap((open) => new OpenAIChatCompletionStream(streamContext(open)));
      }
      return this._transport.json<OpenAiChatCompletion>(chatCompletions, { body: params }, options);
    } catch (error) {
      return rejectedCall(error);
    }
  }
}

/** `mm.openai`: the OpenAI-compatible surface, shaped like openai-node (`mm.openai.chat.completions.create`). */
export class OpenAICompatible extends APIResource {
  readonly chat: { readonly completions: OpenAIChatCompletions };

  constructor(ctx: ResourceContext) {
    super(ctx);
    this.chat = { completions: new OpenAIChatCompletions(ctx) };
  }
}
