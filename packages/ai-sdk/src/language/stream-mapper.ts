/**
 * The Anthropic-compatible stream's events as AI SDK stream parts. Content blocks map one to one: a `text` block to
 * `text-start/delta/end`, a `thinking` block to `reasoning-start/delta/end` (its signature, which arrives as a
 * `signature_delta`, rides on `reasoning-end` so the AI SDK sends it back next turn), a `tool_use` block to
 * `tool-input-start/delta/end` then one `tool-call` with the accumulated JSON. Usage and the stop reason accumulate
 * from `message_start` and `message_delta` into the closing `finish` part.
 */

import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { JsonFenceFilter } from './json-output.ts';
import { mapFinishReason, mapUsage, messageMetadata, signatureMetadata, type UsageFigures } from './map-response.ts';
import type { ContentBlock, StreamEvent } from './messages-types.ts';

type OpenBlock =
  | { kind: 'text'; id: string; filter: JsonFenceFilter | undefined }
  | { kind: 'reasoning'; id: string; signature: string | undefined }
  | { kind: 'tool'; id: string; name: string; json: string; initial: string | undefined };

type Delta = { type: string; text?: string; thinking?: string; signature?: string; partial_json?: string };
type Parts = LanguageModelV3StreamPart[];

/**
 * Maps one stream; feed it every event, then call `finish()` (or `fail()` on an error).
 *
 * @example
 * ```ts
 * const mapper = new StreamMapper({ json: false, includeRaw: false });
 * for await (const event of stream) parts.push(...mapper.map(event));
 * parts.push(...mapper.finish());
 * ```
 */
export class StreamMapper {
  readonly #json: boolean;
  readonly #includeRaw: boolean;
  readonly #blocks = new Map<number, OpenBlock>();
  #usage: UsageFigures | undefined;
  #stopReason: string | null | undefined;
  #serviceTier: string | undefined;
  readonly #traceId: string | undefined;

  /** `traceId`: the stream response's `Trace-Id`, reported in the `finish` part's provider metadata. */
  constructor(options: { json: boolean; includeRaw: boolean; traceId?: string | undefined }) {
    this.#json = options.json;
    this.#includeRaw = options.includeRaw;
    this.#traceId = options.traceId;
  }

  /** The parts one event produces (often none: `ping`, `message_stop`). */
  map(event: StreamEvent): Parts {
    const parts: Parts = this.#includeRaw ? [{ type: 'raw', rawValue: event }] : [];
    switch (event.type) {
      case 'message_start':
        parts.push({ type: 'response-metadata', id: event.message.id, modelId: event.message.model });
        this.#addUsage(event.message.usage);
        this.#serviceTier = event.message.service_tier;
        break;
      case 'content_block_start':
        this.#open(event.index, event.content_block, parts);
        break;
      case 'content_block_delta':
        this.#delta(event.index, event.delta as Delta, parts);
        break;
      case 'content_block_stop':
        this.#close(event.index, parts);
        break;
      case 'message_delta':
        if (event.delta?.stop_reason !== undefined) this.#stopReason = event.delta.stop_reason;
        this.#addUsage(event.usage);
        break;
    }
    return parts;
  }

  /** The parts that end a complete stream: blocks left open are closed, then `finish`. */
  finish(): Parts {
    const parts: Parts = [];
    for (const index of [...this.#blocks.keys()]) this.#close(index, parts);
    parts.push({
      type: 'finish',
      finishReason: mapFinishReason(this.#stopReason),
      usage: mapUsage(this.#usage),
      providerMetadata: messageMetadata({ service_tier: this.#serviceTier }, this.#traceId),
    });
    return parts;
  }

  /** The parts that end a failed stream: the error, then `finish` with reason `error` and the usage so far. */
  fail(error: unknown): Parts {
    return [
      { type: 'error', error },
      {
        type: 'finish',
        finishReason: { unified: 'error', raw: this.#stopReason ?? undefined },
        usage: mapUsage(this.#usage),
        providerMetadata: messageMetadata({ service_tier: this.#serviceTier }, this.#traceId),
      },
    ];
  }

  #addUsage(usage: UsageFigures | null | undefined): void {
    if (!usage) return;
    const merged: UsageFigures = { ...this.#usage };
    for (const [key, value] of Object.entries(usage) as Array<[keyof UsageFigures, number | null | undefined]>) {
      if (typeof value === 'number') merged[key] = value;
    }
    this.#usage = merged;
  }

  #open(index: number, block: ContentBlock, parts: Parts): void {
    const b = block as ContentBlock & { text?: string; thinking?: string; signature?: string; input?: unknown };
    const id = String(index);
    if (block.type === 'text') {
      this.#blocks.set(index, { kind: 'text', id, filter: this.#json ? new JsonFenceFilter() : undefined });
      parts.push({ type: 'text-start', id });
      if (b.text) this.#delta(index, { type: 'text_delta', text: b.text }, parts);
    } else if (block.type === 'thinking') {
      this.#blocks.set(index, { kind: 'reasoning', id, signature: b.signature });
      parts.push({ type: 'reasoning-start', id });
      if (b.thinking) this.#delta(index, { type: 'thinking_delta', thinking: b.thinking }, parts);
    } else if (block.type === 'tool_use') {
      const input = b.input as Record<string, unknown> | undefined;
      const initial = input && Object.keys(input).length > 0 ? JSON.stringify(input) : undefined;
      this.#blocks.set(index, { kind: 'tool', id: block.id, name: block.name, json: '', initial });
      parts.push({ type: 'tool-input-start', id: block.id, toolName: block.name });
    }
  }

  #delta(index: number, delta: Delta, parts: Parts): void {
    const block = this.#blocks.get(index);
    if (!block) return;
    if (block.kind === 'text' && delta.type === 'text_delta' && delta.text) {
      const text = block.filter ? block.filter.push(delta.text) : delta.text;
      if (text) parts.push({ type: 'text-delta', id: block.id, delta: text });
    } else if (block.kind === 'reasoning' && delta.type === 'thinking_delta' && delta.thinking) {
      parts.push({ type: 'reasoning-delta', id: block.id, delta: delta.thinking });
    } else if (block.kind === 'reasoning' && delta.type === 'signature_delta') {
      block.signature = delta.signature;
    } else if (block.kind === 'tool' && delta.type === 'input_json_delta' && delta.partial_json) {
      block.json += delta.partial_json;
      parts.push({ type: 'tool-input-delta', id: block.id, delta: delta.partial_json });
    }
  }

  #close(index: number, parts: Parts): void {
    const block = this.#blocks.get(index);
    if (!block) return;
    this.#blocks.delete(index);
    if (block.kind === 'text') {
      const rest = block.filter?.end();
      if (rest) parts.push({ type: 'text-delta', id: block.id, delta: rest });
      parts.push({ type: 'text-end', id: block.id });
    } else if (block.kind === 'reasoning') {
      const providerMetadata = signatureMetadata(block.signature);
      parts.push({ type: 'reasoning-end', id: block.id, ...(providerMetadata ? { providerMetadata } : {}) });
    } else {
      if (block.json === '' && block.initial) {
        block.json = block.initial;
        parts.push({ type: 'tool-input-delta', id: block.id, delta: block.initial });
      }
      parts.push({ type: 'tool-input-end', id: block.id });
      parts.push({ type: 'tool-call', toolCallId: block.id, toolName: block.name, input: block.json || '{}' });
    }
  }
}
