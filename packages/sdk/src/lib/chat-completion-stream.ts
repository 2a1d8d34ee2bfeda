/**
 * The native chat stream (`chat.create({ stream: true })`). MiniMax ends it with one more frame that carries the
 * whole aggregated message and the real usage; a client that appended every frame's text would print the answer
 * twice. This stream yields the increments only and keeps the aggregated frame for `finalMessage()`.
 */

import type { ChatCompletionChunk, ChatCompletionResp } from '@minimax-ts/generated';
import { EventStream } from '../core/event-stream.ts';
import type { SSEEvent } from '../internal/sse-parser.ts';
import { decodeFrame, type StreamContext, truncatedStream } from '../internal/stream-context.ts';
import { TextBuffer } from '../internal/text-buffer.ts';

interface ChatStreamEvents {
  /** A piece of the answer, and the answer so far. */
  text: (delta: string, snapshot: string) => void;
  /** A piece of the model's reasoning (`reasoning_content`), and the reasoning so far. */
  reasoning: (delta: string, snapshot: string) => void;
}

/**
 * @example
 * ```ts
 * const stream = await mm.chat.create({ model: 'MiniMax-M2', messages, stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
 * const message = await stream.finalMessage(); // usage included
 * ```
 */
export class ChatCompletionStream extends EventStream<ChatCompletionChunk, ChatStreamEvents> {
  readonly #text = new TextBuffer();
  readonly #reasoning = new TextBuffer();
  #aggregated: ChatCompletionResp | undefined;
  #last: ChatCompletionChunk | undefined;
  #finishReason: string | undefined;

  readonly #ctx: StreamContext;

  constructor(ctx: StreamContext) {
    super(ctx.events, ctx.cancel);
    this.#ctx = ctx;
  }

  protected decode(event: SSEEvent): ChatCompletionChunk | undefined {
    if (event.data === '[DONE]') return undefined;
    const frame = decodeFrame(this.#ctx, event, this.#text) as ChatCompletionChunk | ChatCompletionResp;
    if ((frame as { object?: string }).object === 'chat.completion') {
      this.#aggregated = frame as ChatCompletionResp;
      return undefined;
    }
    const chunk = frame as ChatCompletionChunk;
    this.#last = chunk;
    for (const choice of chunk.choices ?? []) {
      if (choice.index !== undefined && choice.index !== 0) continue;
      const delta = choice.delta;
      if (delta?.reasoning_content) {
        this.#reasoning.append(delta.reasoning_content);
        if (this.listens('reasoning')) this.emit('reasoning', delta.reasoning_content, this.#reasoning.value);
      }
      if (delta?.content) {
        this.#text.append(delta.content);
        if (this.listens('text')) this.emit('text', delta.content, this.#text.value);
      }
      if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    }
    return chunk;
  }

  /** The answer's text so far (while streaming) — from the increments, never from the aggregated frame. */
  get currentText(): string {
    return this.#text.value;
  }

  protected override onSourceEnd(): void {
    if (!this.#aggregated && !this.#finishReason)
      throw truncatedStream(this.#ctx, 'a finish_reason or the final frame');
  }

  protected override textSoFar(): string {
    return this.#text.value;
  }

  /** Consumes the stream and returns the whole answer. */
  async finalText(): Promise<string> {
    const message = await this.finalMessage();
    return message.choices?.[0]?.message?.content ?? this.#text.value;
  }

  /**
   * Consumes the stream and returns the complete message: MiniMax's aggregated final frame (with the real usage)
   * when it sent one, else a message assembled from the increments.
   */
  async finalMessage(): Promise<ChatCompletionResp> {
    await this.done();
    if (this.#aggregated) return this.#aggregated;
    const last = this.#last;
    return {
      id: last?.id,
      object: 'chat.completion',
      created: last?.created,
      model: last?.model,
      choices: [
        {
          index: 0,
          finish_reason: this.#finishReason,
          message: {
            role: 'assistant',
            content: this.#text.value,
            ...(this.#reasoning.value ? { reasoning_content: this.#reasoning.value } : {}),
          },
        },
      ],
      usage: last?.usage,
      base_resp: { status_code: 0, status_msg: '' },
    } as ChatCompletionResp;
  }
}
