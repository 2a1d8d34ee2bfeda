/**
 * The OpenAI-compatible chat stream. MiniMax opens it with a chunk whose role is `""` and zero usage placeholders,
 * and ends it with the aggregated message before `data: [DONE]`; this stream yields the increments only, keeps the
 * aggregate for `finalMessage()`, and raises an error object sent mid-stream.
 */

import type { OpenAiChatCompletion, OpenAiChatCompletionChunk } from '@minimax-ts/generated';
import { EventStream } from '../core/event-stream.ts';
import type { SSEEvent } from '../internal/sse-parser.ts';
import { decodeFrame, type StreamContext, truncatedStream } from '../internal/stream-context.ts';
import { TextBuffer } from '../internal/text-buffer.ts';

interface OpenAIChatStreamEvents {
  text: (delta: string, snapshot: string) => void;
}

/**
 * @example
 * ```ts
 * const stream = await mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages, stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
 * ```
 */
export class OpenAIChatCompletionStream extends EventStream<OpenAiChatCompletionChunk, OpenAIChatStreamEvents> {
  readonly #text = new TextBuffer();
  #aggregated: OpenAiChatCompletionChunk | undefined;
  #last: OpenAiChatCompletionChunk | undefined;
  #finishReason: string | undefined;
  #usage: OpenAiChatCompletion['usage'];

  readonly #ctx: StreamContext;

  constructor(ctx: StreamContext) {
    super(ctx.events, ctx.cancel);
    this.#ctx = ctx;
  }

  protected decode(event: SSEEvent): OpenAiChatCompletionChunk | undefined {
    if (event.data === '[DONE]') return undefined;
    const frame = decodeFrame(this.#ctx, event, this.#text) as OpenAiChatCompletionChunk;
    if (frame.object === 'chat.completion' || frame.choices?.some((c) => c.message !== undefined && !c.delta)) {
      this.#aggregated = frame;
      if (frame.usage) this.#usage = frame.usage;
      return undefined;
    }
    this.#last = frame;
    if (frame.usage && (frame.usage.total_tokens ?? 0) > 0) this.#usage = frame.usage;
    for (const choice of frame.choices ?? []) {
      if (choice.index !== 0) continue;
      const content = choice.delta?.content;
      if (content) {
        this.#text.append(content);
        if (this.listens('text')) this.emit('text', content, this.#text.value);
      }
      if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    }
    return frame;
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
    return message.choices[0]?.message.content ?? this.#text.value;
  }

  /** Consumes the stream and returns the complete completion: the aggregated frame, else one built from the increments. */
  async finalMessage(): Promise<OpenAiChatCompletion> {
    await this.done();
    const source = this.#aggregated ?? this.#last;
    const aggregatedMessage = this.#aggregated?.choices.find((c) => c.index === 0)?.message;
    return {
      id: source?.id ?? '',
      object: 'chat.completion',
      created: source?.created ?? 0,
      model: source?.model ?? '',
      choices: [
        {
          index: 0,
          message: aggregatedMessage ?? { role: 'assistant', content: this.#text.value },
          finish_reason: this.#aggregated?.choices[0]?.finish_reason ?? this.#finishReason,
        },
      ],
      ...(this.#usage ? { usage: this.#usage } : {}),
    } as OpenAiChatCompletion;
  }
}
