/**
 * A Responses API answer as the SSE events an OpenAI-compatible server sends for it (`response.created` …
 * `response.completed`, each with `sequence_number`, no `[DONE]`). MiniMax documents streaming but not its events
 * [unconfirmed]; OpenAI's format is the one its compatible clients (openai-node, the AI SDK) read, so the mock plays
 * it, built from the final response object so that text, reasoning and function calls stream alike.
 */
import type { SseFrame } from './sse.ts';

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits `text` into deltas: one per word (with its trailing space) by default, or exactly `count` pieces of about
 * equal length. Joined, the pieces are `text`.
 *
 * @example
 * ```ts
 * splitText('Hello there, friend', undefined); // ['Hello ', 'there, ', 'friend']
 * ```
 */
export function splitText(text: string, count: number | undefined): string[] {
  if (text === '') return [];
  if (count === undefined) return text.match(/\s*\S+\s*/g) ?? [text];
  const pieces = Math.max(1, Math.min(count, text.length));
  const out: string[] = [];
  for (let i = 0; i < pieces; i++) {
    out.push(text.slice(Math.floor((i * text.length) / pieces), Math.floor(((i + 1) * text.length) / pieces)));
  }
  return out;
}

/** The options of {@link responseEvents}. */
export interface EventOptions {
  /** Deltas per text (the `chunks` preference); default one per word. */
  chunks?: number;
}

/**
 * Every event of a streamed response, in wire order, ending with `response.completed` (or `response.incomplete`
 * when the response's status says so).
 *
 * @example
 * ```ts
 * const frames = responseEvents(finalResponse, { chunks: 8 });
 * ```
 */
export function responseEvents(response: Obj, options: EventOptions = {}): SseFrame[] {
  const frames: SseFrame[] = [];
  const push = (type: string, fields: Obj) => {
    frames.push({ event: type, data: { type, sequence_number: frames.length, ...fields } });
  };
  const { output_text: _text, usage: _usage, ...rest } = response;
  const skeleton = { ...rest, status: 'in_progress', output: [] };
  push('response.created', { response: skeleton });
  push('response.in_progress', { response: skeleton });
  const output = Array.isArray(response.output) ? response.output : [];
  output.forEach((item, index) => {
    if (isObj(item)) itemEvents(item, index, options, push);
  });
  const terminal = response.status === 'incomplete' ? 'response.incomplete' : 'response.completed';
  push(terminal, { response });
  return frames;
}

type Push = (type: string, fields: Obj) => void;

function itemEvents(item: Obj, outputIndex: number, options: EventOptions, push: Push): void {
  const at = { item_id: item.id, output_index: outputIndex };
  switch (item.type) {
    case 'message':
    case 'reasoning': {
      const started = item.type === 'reasoning' ? { ...item, content: [], summary: [] } : { ...item, content: [] };
      push('response.output_item.added', { output_index: outputIndex, item: { ...started, status: 'in_progress' } });
      const content = Array.isArray(item.content) ? item.content : [];
      content.forEach((part, contentIndex) => {
        if (isObj(part)) partEvents(part, { ...at, content_index: contentIndex }, options, push);
      });
      break;
    }
    case 'function_call': {
      push('response.output_item.added', {
        output_index: outputIndex,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      const args = typeof item.arguments === 'string' ? item.arguments : '';
      for (const delta of splitText(args, options.chunks)) {
        push('response.function_call_arguments.delta', { ...at, delta });
      }
      push('response.function_call_arguments.done', { ...at, name: item.name, arguments: args });
      break;
    }
    default:
      push('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress' } });
  }
  push('response.output_item.done', { output_index: outputIndex, item });
}

function partEvents(part: Obj, at: Obj, options: EventOptions, push: Push): void {
  const text = typeof part.text === 'string' ? part.text : '';
  const kind = part.type === 'reasoning_text' ? 'reasoning_text' : 'output_text';
  push('response.content_part.added', { ...at, part: { ...part, text: '' } });
  for (const delta of splitText(text, options.chunks)) {
    push(`response.${kind}.delta`, { ...at, delta, ...(kind === 'output_text' && { logprobs: [] }) });
  }
  push(`response.${kind}.done`, { ...at, text, ...(kind === 'output_text' && { logprobs: [] }) });
  push('response.content_part.done', { ...at, part });
}
