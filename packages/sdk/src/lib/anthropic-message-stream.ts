/**
 * The Anthropic-compatible message stream: yields every event (`message_start` … `message_stop`) and keeps a
 * snapshot of the message they build, as anthropic-sdk-typescript's `MessageStream` does. An `error` event raises
 * a typed error carrying the text received before it.
 */

import type { AnthropicContentBlock, AnthropicMessage, AnthropicStreamEvent } from '@minimax-ts/generated';
import { EventStream } from '../core/event-stream.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { ResponseValidationError } from '../core/response-validation-error.ts';
import type { SSEEvent } from '../internal/sse-parser.ts';
import { decodeFrame, type StreamContext, truncatedStream } from '../internal/stream-context.ts';
import { TextBuffer } from '../internal/text-buffer.ts';

interface AnthropicStreamEvents {
  text: (delta: string, snapshot: string) => void;
  thinking: (delta: string, snapshot: string) => void;
  message: (message: AnthropicMessage) => void;
}

type Block = AnthropicContentBlock & { text?: string; thinking?: string; signature?: string; input?: unknown };

/**
 * @example
 * ```ts
 * const stream = await mm.anthropic.messages.create({ model: 'MiniMax-M2', max_tokens: 1024, messages, stream: true });
 * stream.on('text', (delta) => process.stdout.write(delta));
 * const message = await stream.finalMessage();
 * ```
 */
export class AnthropicMessageStream extends EventStream<AnthropicStreamEvent, AnthropicStreamEvents> {
  #stopped = false;
  #message: AnthropicMessage | undefined;
  readonly #text = new TextBuffer();
  /** Each open text block's deltas, joined into `block.text` when the block stops (or the message is read). */
  readonly #blockText = new Map<number, TextBuffer>();
  #json = new Map<number, string>();

  readonly #ctx: StreamContext;

  constructor(ctx: StreamContext) {
    super(ctx.events, ctx.cancel);
    this.#ctx = ctx;
  }

  protected decode(event: SSEEvent): AnthropicStreamEvent | undefined {
    const frame = decodeFrame(this.#ctx, event, this.#text) as AnthropicStreamEvent;
    this.#apply(frame);
    return frame;
  }

  #apply(event: AnthropicStreamEvent): void {
    switch (event.type) {
      case 'message_start':
        this.#message = { ...event.message, content: [...(event.message.content ?? [])] };
        this.#blockText.clear();
        break;
      case 'content_block_start':
        this.#blocks()[event.index] = { ...event.content_block } as Block;
        this.#blockText.delete(event.index);
        break;
      case 'content_block_delta':
        this.#applyDelta(event.index, event.delta as { type: string } & Record<string, string>);
        break;
      case 'content_block_stop': {
        this.#settleText(event.index);
        const json = this.#json.get(event.index);
        if (json !== undefined) {
          const block = this.#blocks()[event.index] as Block | undefined;
          if (block) block.input = json === '' ? {} : this.#parseToolInput(event.index, json);
          this.#json.delete(event.index);
        }
        break;
      }
      case 'message_delta':
        if (this.#message) {
          Object.assign(this.#message, event.delta);
          if (event.usage)
            this.#message.usage = { ...this.#message.usage, ...event.usage } as AnthropicMessage['usage'];
        }
        break;
      case 'message_stop':
        this.#stopped = true;
        this.#settleAllText();
        if (this.#message) this.emit('message', this.#message);
        break;
    }
  }

  #applyDelta(index: number, delta: { type: string } & Record<string, string>): void {
    const block = this.#blocks()[index] as Block | undefined;
    if (!block) return;
    switch (delta.type) {
      case 'text_delta': {
        const piece = delta.text ?? ''; // a malformed delta without text adds nothing (it used to add "undefined")
        this.#blockTextOf(index).append(piece);
        this.#text.append(piece);
        if (this.listens('text')) this.emit('text', piece, this.#text.value);
        break;
      }
      case 'thinking_delta':
        block.thinking = (block.thinking ?? '') + delta.thinking;
        this.emit('thinking', delta.thinking, block.thinking);
        break;
      case 'signature_delta':
        block.signature = delta.signature;
        break;
      case 'input_json_delta':
        this.#json.set(index, (this.#json.get(index) ?? '') + delta.partial_json);
        break;
    }
  }

  #blockTextOf(index: number): TextBuffer {
    let text = this.#blockText.get(index);
    if (!text) {
      text = new TextBuffer();
      this.#blockText.set(index, text);
    }
    return text;
  }

  /** Writes a block's buffered deltas into its `text`. */
  #settleText(index: number): void {
    const text = this.#blockText.get(index);
    if (!text) return;
    this.#blockText.delete(index);
    const block = this.#blocks()[index] as Block | undefined;
    if (block) block.text = (block.text ?? '') + text.value;
  }

  #settleAllText(): void {
    for (const index of this.#blockText.keys()) this.#settleText(index);
  }

  /** A tool call's streamed input, whole: JSON, or a typed error (never a bare SyntaxError) when it is not. */
  #parseToolInput(index: number, json: string): unknown {
    try {
      return JSON.parse(json);
    } catch {
      const issue = {
        path: `content.${index}.input`,
        message: 'the streamed input_json_delta pieces are not valid JSON',
      };
      throw new ResponseValidationError(`${this.#ctx.request.method} /anthropic/v1/messages`, [issue], json);
    }
  }

  protected override onSourceEnd(): void {
    if (!this.#stopped) throw truncatedStream(this.#ctx, 'message_stop');
  }

  protected override textSoFar(): string {
    return this.#text.value;
  }

  #blocks(): AnthropicContentBlock[] {
    if (!this.#message) throw new MiniMaxError('the Anthropic-compatible stream sent content before message_start');
    return this.#message.content;
  }

  /** Consumes the stream and returns the message its events built. */
  async finalMessage(): Promise<AnthropicMessage> {
    await this.done();
    if (!this.#message) throw new MiniMaxError('the Anthropic-compatible stream ended without a message_start event');
    this.#settleAllText(); // deltas after message_stop, as the snapshot always took them
    return this.#message;
  }

  /** Consumes the stream and returns the text blocks of the message, joined. */
  async finalText(): Promise<string> {
    const message = await this.finalMessage();
    return message.content.map((b) => (b.type === 'text' ? ((b as Block).text ?? '') : '')).join('');
  }
}
