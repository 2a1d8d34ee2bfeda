import { type ChatCompletionReq, type ChatCompletionResp, chatCompletionV2 } from '@minimax-ts/generated';
import { type APIPromise, rejectedCall } from '../core/api-promise.ts';
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
   * Creates a chat completion; with `stream: true`, a {@link ChatCompletionStream} of increments. `.withResponse()`
   * adds the HTTP response and its `Trace-Id` (see {@link APIPromise}).
   *
   * @example
   * ```ts
   * const completion = await mm.chat.create({ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi!' }] });
   * console.log(completion.choices?.[0]?.message?.content);
   * const { data, traceId } = await mm.chat.create({ model: 'MiniMax-M2', messages }).withResponse();
   * ```
   */
  create(params: ChatCreateParamsNonStreaming, options?: RequestOptions): APIPromise<ChatCompletion>;
  create(params: ChatCreateParamsStreaming, options?: RequestOptions): APIPromise<ChatCompletionStream>;
  create(params: ChatCreateParams, options?: RequestOptions): APIPromise<ChatCompletion | ChatCompletionStream>;
  create(params: ChatCreateParams, options?: RequestOptions): APIPromise<ChatCompletion | ChatCompletionStream> {
    try {
      if (params.stream) {
        return this._transport
          .sse(chatCompletion, { body: params }, options)
          ._thenUnwrap((open) => new ChatCompletionStream(streamContext(open)));
      }
      return this._transport.json<ChatCompletion>(chatCompletion, { body: params }, options);
    } catch (error) {
      return rejectedCall(error); // `params` that is not an object: rejected, as from any call
    }
  }
}
