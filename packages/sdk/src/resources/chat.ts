import { type ChatCompletionReq, type ChatCompletionResp, chatCompletionV2 } from '@minimax-ts/generated';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';
import { streamContext } from '../internal/stream-context.ts';
import { ChatCompletionStream } from '../lib/chat-completion-stream.ts';

export type ChatCreateParams = ChatCompletionReq;
export type ChatCreateParamsNonStreaming = ChatCompletionReq & { stream?: false | undefined };
export type ChatCreateParamsStreaming = ChatCompletionReq & { stream: true };
export type ChatCompletion = ChatCompletionResp;

const chatCompletion = defineOperation({
  call: chatCompletionV2,
  method: 'POST',
  path: '/v1/text/chatcompletion_v2',
  billable: true,
  body: 'json',
  envelope: 'native',
  responseSchema: 'zChatCompletionV2Response',
  eventSchema: 'zChatCompletionStreamEvent',
});

/** Native text generation (`POST /v1/text/chatcompletion_v2`). */
export class Chat extends APIResource {
  /**
   * Creates a chat completion; with `stream: true`, a {@link ChatCompletionStream} of increments.
   *
   * @example
   * ```ts
   * const completion = await mm.chat.create({ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi!' }] });
   * console.log(completion.choices?.[0]?.message?.content);
   * ```
   */
  create(params: ChatCreateParamsNonStreaming, options?: RequestOptions): Promise<ChatCompletion>;
  create(params: ChatCreateParamsStreaming, options?: RequestOptions): Promise<ChatCompletionStream>;
  create(params: ChatCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream>;
  async create(params: ChatCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream> {
    if (params.stream) {
      const open = await this._transport.sse(chatCompletion, { body: params }, options);
      return new ChatCompletionStream(streamContext(open));
    }
    return this._transport.json<ChatCompletion>(chatCompletion, { body: params }, options);
  }
}
