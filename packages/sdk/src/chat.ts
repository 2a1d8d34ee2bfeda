/**
 * `@minimax-ts/sdk/chat`: a client with only the text resources, for browser bundles that must stay small. It takes
 * the same options and behaves exactly like `MiniMax`, whose `chat`, `openai` and `anthropic` it shares the code of.
 *
 * @example
 * ```ts
 * import { MiniMaxChat } from '@minimax-ts/sdk/chat';
 * const mm = new MiniMaxChat({ apiKey, baseURL: '/api/minimax', dangerouslyAllowBrowser: true });
 * const stream = await mm.chat.create({ model: 'MiniMax-M2', messages, stream: true });
 * ```
 */

import type { ClientOptions, Region } from './core/client-options.ts';
import { setupClient } from './internal/client-setup.ts';
import { Chat } from './resources/chat.ts';

export class MiniMaxChat {
  /** Native chat (`POST /v1/text/chatcompletion_v2`). */
  readonly chat: Chat;
  readonly baseURL: string;
  readonly region: Region | 'custom';

  constructor(options: ClientOptions = {}) {
    const { ctx, baseURL, region } = setupClient(options);
    this.baseURL = baseURL;
    this.region = region;
    this.chat = new Chat(ctx);
  }

  toString(): string {
    return `MiniMaxChat { baseURL: ${this.baseURL} }`;
  }

  toJSON(): Record<string, unknown> {
    return { baseURL: this.baseURL, region: this.region };
  }
}

export { APIPromise, type WithResponse } from './core/api-promise.ts';
export type { ClientOptions, Region, RequestOptions } from './core/client-options.ts';
export * from './core/errors.ts';
export type { ResponseValidator } from './core/response-validator.ts';
export { ChatCompletionStream } from './lib/chat-completion-stream.ts';
export type * from './resources/chat.ts';
