/**
 * Names for the parts of the Anthropic-compatible request and stream that the language model builds and reads. The
 * sdk exports the request, the message and the stream; the block and event types are derived from them here rather
 * than imported from `@minimax-ts/generated`, so the provider depends on the sdk's public surface only.
 */

import type { AnthropicMessage, AnthropicMessageCreateParams, AnthropicMessageStream } from '@minimax-ts/sdk';

export type MessagesRequest = Omit<AnthropicMessageCreateParams, 'stream'>;
export type MessageParam = MessagesRequest['messages'][number];
export type ContentBlockParam = Exclude<MessageParam['content'], string>[number];
export type TextBlockParam = Extract<ContentBlockParam, { type: 'text' }>;
export type ToolResultBlockParam = Extract<ContentBlockParam, { type: 'tool_result' }>;
export type ToolParam = NonNullable<MessagesRequest['tools']>[number];
export type ToolChoiceParam = NonNullable<MessagesRequest['tool_choice']>;
export type ContentBlock = AnthropicMessage['content'][number];
export type MessageUsage = NonNullable<AnthropicMessage['usage']>;
export type StreamEvent = AnthropicMessageStream extends AsyncIterable<infer E> ? E : never;

/** The endpoint's path, for error reports. */
export const MESSAGES_PATH = '/anthropic/v1/messages';
