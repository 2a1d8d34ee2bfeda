/**
 * Builds a Responses stream's response from its events, as openai-node's accumulator does, but leniently: MiniMax
 * documents no event format [unconfirmed], so an event that names an item or part not announced yet creates it, a
 * missing index falls back to the item id, and an event of an unknown type changes nothing. What one event adds to
 * the text, the reasoning or the finished items is returned, for the stream to emit.
 */

import type { ResponseFunctionCall, ResponseOutputItem } from '@minimax-ts/generated';
import type { ResponseObject } from './response-events.ts';

type Obj = Record<string, unknown>;
type Part = Obj & { type?: unknown; text?: unknown };
type Item = Obj & { type?: unknown; id?: unknown; content?: unknown; summary?: unknown; arguments?: unknown };

/** What one event contributed. */
export interface SnapshotEffect {
  /** New answer text. */
  text?: string;
  /** New reasoning text. */
  reasoning?: string;
  /** An output item that is now complete. */
  item?: ResponseOutputItem;
}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function lastOfType(items: readonly Item[], type: string): Item | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (items[i]?.type === type) return items[i];
  return undefined;
}

/** What a whole text adds to the part received so far (nothing when it does not extend it). */
const remainder = (sofar: string, whole: string): string | undefined =>
  whole.startsWith(sofar) && whole.length > sofar.length ? whole.slice(sofar.length) : undefined;

/**
 * The text of a response's `message` items: every `output_text` part, joined (openai-node's `output_text`).
 *
 * @example
 * ```ts
 * outputText({ output: [{ type: 'message', content: [{ type: 'output_text', text: 'Hi' }] }] }); // 'Hi'
 * ```
 */
export function outputText(response: { output?: unknown }): string {
  let text = '';
  for (const item of Array.isArray(response.output) ? response.output : []) {
    if (!isObj(item) || item.type !== 'message' || !Array.isArray(item.content)) continue;
    for (const part of item.content) {
      if (isObj(part) && part.type === 'output_text' && typeof part.text === 'string') text += part.text;
    }
  }
  return text;
}

/**
 * The response with `output_text` as a string: the server's when it sent one, else derived from `output`.
 *
 * @example
 * ```ts
 * withOutputText(body).output_text; // never null
 * ```
 */
export function withOutputText<T extends { output?: unknown; output_text?: unknown }>(
  response: T,
): T & { output_text: string } {
  if (typeof response.output_text !== 'string') (response as Obj).output_text = outputText(response);
  return response as T & { output_text: string };
}

/**
 * The function calls among a response's output items.
 *
 * @example
 * ```ts
 * for (const call of functionCalls(response)) console.log(call.name, JSON.parse(call.arguments));
 * ```
 */
export function functionCalls(response: { output?: unknown }): ResponseFunctionCall[] {
  const items = Array.isArray(response.output) ? response.output : [];
  return items.filter((item): item is ResponseFunctionCall => isObj(item) && item.type === 'function_call');
}

/**
 * The response a stream's events build, event by event.
 *
 * @example
 * ```ts
 * const snapshot = new ResponseSnapshot();
 * const { text } = snapshot.apply({ type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: 'Hi' });
 * snapshot.current.output_text; // 'Hi'
 * ```
 */
export class ResponseSnapshot {
  #response: Obj & { output: Item[] } = {
    id: '',
    object: 'response',
    created_at: 0,
    model: '',
    status: 'in_progress',
    output: [],
  };

  /** The response as the events built it so far. */
  get current(): ResponseObject {
    return withOutputText({ ...this.#response }) as unknown as ResponseObject;
  }

  /** Applies one event (already known to be a JSON object with a string `type`). */
  apply(event: Obj & { type: string }): SnapshotEffect {
    switch (event.type) {
      case 'response.created':
      case 'response.queued':
      case 'response.in_progress':
        if (isObj(event.response)) this.#start(event.response);
        return {};
      case 'response.output_item.added':
      case 'response.output_item.done':
        return this.#setItem(event);
      case 'response.content_part.added':
      case 'response.content_part.done':
        this.#setPart(event);
        return {};
      case 'response.output_text.delta':
        return { text: this.#appendText(event, 'message', 'output_text') };
      case 'response.output_text.done':
        return { text: this.#finishText(event, 'message', 'output_text') };
      case 'response.reasoning_text.delta':
        return { reasoning: this.#appendText(event, 'reasoning', 'reasoning_text') };
      case 'response.reasoning_text.done':
        return { reasoning: this.#finishText(event, 'reasoning', 'reasoning_text') };
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_summary_text.done':
        return { reasoning: this.#summaryText(event) };
      case 'response.function_call_arguments.delta':
      case 'response.function_call_arguments.done':
        this.#arguments(event);
        return {};
      default:
        return {};
    }
  }

  /**
   * The final response of a terminal event: its `response`, completed from the snapshot where it left parts out
   * (no `output`, no id), with `output_text` filled in.
   */
  finish(event: Obj): ResponseObject {
    const sent = isObj(event.response) ? event.response : {};
    const final: Obj = { ...this.#response, ...sent };
    if (typeof sent.status !== 'string')
      final.status = event.type === 'response.incomplete' ? 'incomplete' : 'completed';
    const output = sent.output;
    if (!Array.isArray(output) || (output.length === 0 && this.#response.output.length > 0)) {
      final.output = this.#response.output;
    }
    return withOutputText(final) as unknown as ResponseObject;
  }

  #start(response: Obj): void {
    const output = Array.isArray(response.output) ? structuredClone(response.output as Item[]) : [];
    this.#response = {
      ...this.#response,
      ...response,
      output: this.#response.output.length > 0 ? this.#response.output : output,
    };
  }

  #setItem(event: Obj): SnapshotEffect {
    if (!isObj(event.item)) return {};
    const item = structuredClone(event.item) as Item;
    const output = this.#response.output;
    let index = isIndex(event.output_index) ? event.output_index : -1;
    if (index < 0) index = output.findIndex((existing) => existing.id !== undefined && existing.id === item.id);
    if (index < 0) index = output.length;
    output[index] = item;
    return event.type === 'response.output_item.done' ? { item: item as unknown as ResponseOutputItem } : {};
  }

  /**
   * The item an event is about: by `output_index` (unless it holds another item id), else by `item_id`, else — an
   * event naming neither — the latest item of the type. One not announced yet is created.
   */
  #item(event: Obj, type: string): Item {
    const output = this.#response.output;
    const id = typeof event.item_id === 'string' ? event.item_id : undefined;
    const index = isIndex(event.output_index) ? event.output_index : undefined;
    const atIndex = index === undefined ? undefined : output[index];
    if (atIndex && (id === undefined || atIndex.id === undefined || atIndex.id === id)) return atIndex;
    const found =
      id !== undefined
        ? output.find((item) => item.id === id)
        : index === undefined
          ? lastOfType(output, type)
          : undefined;
    if (found) return found;
    const created: Item = { ...(id !== undefined && { id }), type, status: 'in_progress' };
    if (type === 'message') Object.assign(created, { role: 'assistant', content: [] });
    if (type === 'reasoning') Object.assign(created, { summary: [], content: [] });
    if (type === 'function_call') Object.assign(created, { call_id: '', name: '', arguments: '' });
    output[index !== undefined && !atIndex ? index : output.length] = created;
    return created;
  }

  #part(event: Obj, itemType: string, partType: string): Part {
    const item = this.#item(event, itemType);
    if (!Array.isArray(item.content)) item.content = [];
    const content = item.content as Part[];
    const index = isIndex(event.content_index) ? event.content_index : Math.max(0, content.length - 1);
    let part = content[index];
    if (!isObj(part)) {
      part = partType === 'output_text' ? { type: partType, text: '', annotations: [] } : { type: partType, text: '' };
      content[index] = part;
    }
    return part;
  }

  #setPart(event: Obj): void {
    if (!isObj(event.part)) return;
    const itemType = event.part.type === 'reasoning_text' ? 'reasoning' : 'message';
    const part = this.#part(event, itemType, String(event.part.type ?? 'output_text'));
    // `added` announces an empty part the deltas fill; `done` carries the whole part.
    if (event.type === 'response.content_part.done' || typeof part.text !== 'string' || part.text === '') {
      Object.assign(part, structuredClone(event.part));
    }
  }

  #appendText(event: Obj, itemType: string, partType: string): string | undefined {
    if (typeof event.delta !== 'string' || event.delta === '') return undefined;
    const part = this.#part(event, itemType, partType);
    part.text = (typeof part.text === 'string' ? part.text : '') + event.delta;
    return event.delta;
  }

  /** Sets a part's whole text; returns what the deltas had not sent yet (a server that sends only `done`). */
  #finishText(event: Obj, itemType: string, partType: string): string | undefined {
    if (typeof event.text !== 'string') return undefined;
    const part = this.#part(event, itemType, partType);
    const sofar = typeof part.text === 'string' ? part.text : '';
    part.text = event.text;
    return remainder(sofar, event.text);
  }

  /** A reasoning summary part's text; returns what it added (a server may stream the summary, not the reasoning). */
  #summaryText(event: Obj): string | undefined {
    const item = this.#item(event, 'reasoning');
    if (!Array.isArray(item.summary)) item.summary = [];
    const summary = item.summary as Part[];
    const index = isIndex(event.summary_index) ? event.summary_index : Math.max(0, summary.length - 1);
    const part: Part = isObj(summary[index]) ? (summary[index] as Part) : { type: 'summary_text', text: '' };
    summary[index] = part;
    const sofar = typeof part.text === 'string' ? part.text : '';
    if (typeof event.text === 'string') {
      part.text = event.text;
      return remainder(sofar, event.text);
    }
    if (typeof event.delta !== 'string' || event.delta === '') return undefined;
    part.text = sofar + event.delta;
    return event.delta;
  }

  #arguments(event: Obj): void {
    const item = this.#item(event, 'function_call');
    if (typeof event.arguments === 'string') item.arguments = event.arguments;
    else if (typeof event.delta === 'string') {
      item.arguments = (typeof item.arguments === 'string' ? item.arguments : '') + event.delta;
    }
    if (typeof event.name === 'string' && !item.name) item.name = event.name;
  }
}
