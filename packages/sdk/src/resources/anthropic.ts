import { type AnthropicMessage, type AnthropicMessageCreateRequest, anthropicMessages } from '@minimax-ts/generated';
import { type APIPromise, rejectedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource, type ResourceContext } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';
import { streamContext } from '../internal/stream-context.ts';
import { AnthropicMessageStream } from '../lib/anthropic-message-stream.ts';

export type AnthropicMessageCreateParams = AnthropicMessageCreateRequest;
export type AnthropicMessageCreateParamsNonStreaming = AnthropicMessageCreateRequest & { stream?: false | undefined };
export type AnthropicMessageCreateParamsStreaming = AnthropicMessageCreateRequest & { stream: true };
export type { AnthropicMessage };

const messagesOperation = defineOperation({
  call: anthropicMessages,
  method: 'POST',
  path: '/anthropic/v1/messages',
  billable: true,
  body: 'json',
  envelope: 'compatible',
  responseSchema: 'zAnthropicMessagesResponse',
  eventSchema: 'zAnthropicStreamEvent',
});

/** `POST /anthropic/v1/messages`, MiniMax's Anthropic-compatible endpoint. */
export class AnthropicMessages extends APIResource {
  /**
   * @example
   * ```ts
   * const message = await mm.anthropic.messages.create({
   *   model: 'MiniMax-M2', max_tokens: 1024, messages: [{ role: 'user', content: 'Hello' }],
   * });
   * const { data, traceId } = await mm.anthropic.messages.create(params).withResponse(); // + the HTTP response
   * ```
   */
  create(params: AnthropicMessageCreateParamsNonStreaming, options?: RequestOptions): APIPromise<AnthropicMessage>;
  create(params: AnthropicMessageCreateParamsStreaming, options?: RequestOptions): APIPromise<AnthropicMessageStream>;
  create(
    params: AnthropicMessageCreateParams,
    options?: RequestOptions,
  ): APIPromise<AnthropicMessage | AnthropicMessageStream>;
  create(
    params: AnthropicMessageCreateParams,
    options?: RequestOptions,
  ): APIPromise<AnthropicMessage | AnthropicMessageStream> {
    try {
      if (params.stream) {
        return this._transport
          .sse(messagesOperation, { body: params }, options)
          ._thenUnwrap((open) => new AnthropicMessageStream(streamContext(open)));
      }
      return this._transport.json<AnthropicMessage>(messagesOperation, { body: params }, options);
    } catch (error) {
      return rejectedCall(error);
    }
  }

  /**
   * Shorthand for `create({ ...params, stream: true })`.
   *
   * @example
   * ```ts
   * const { data: stream, traceId } = await mm.anthropic.messages.stream(params).withResponse();
   * for await (const event of stream) if (event.type === 'content_block_delta') console.log(event.delta);
   * ```
   */
  stream(params: AnthropicMessageCreateParams, options?: RequestOptions): APIPromise<AnthropicMessageStream> {
    return this.create({ ...params, stream: true }, options);
  }
}

/** `mm.anthropic`: the Anthropic-compatible surface, shaped like anthropic-sdk-typescript. */
export class AnthropicCompatible extends APIResource {
  readonly messages: AnthropicMessages;

  constructor(ctx: ResourceContext) {
    super(ctx);
    this.messages = new AnthropicMessages(ctx);
  }
}
