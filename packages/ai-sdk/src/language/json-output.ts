/**
 * Structured output without a server-side JSON mode. MiniMax's Anthropic-compatible endpoint has no
 * `response_format`, and MiniMax's answer for the M2 models is "guide it in the prompt and parse"
 * (MiniMax-AI/MiniMax-M2#114). So a JSON call gets an instruction (with the schema) appended to the system prompt,
 * and a Markdown code fence the model may still wrap its answer in is removed — in one piece for `generateText`,
 * incrementally for `streamText`, so the AI SDK's partial-JSON parser sees `{…` from the first delta. The AI SDK
 * validates the result against the schema.
 */

import type { JSONSchema7 } from '@ai-sdk/provider';

/** What the AI SDK asks for in `responseFormat` when it wants JSON. */
export interface JsonFormat {
  schema?: JSONSchema7 | undefined;
  name?: string | undefined;
  description?: string | undefined;
}

/**
 * The system-prompt instruction for a JSON answer.
 *
 * @example
 * ```ts
 * jsonInstruction({ schema: { type: 'object', properties: { city: { type: 'string' } } } });
 * ```
 */
export function jsonInstruction(format: JsonFormat): string {
  const lines = [
    'Your final answer must be one JSON value and nothing else: no prose before or after it, no Markdown code fence.',
  ];
  if (format.name) lines.push(`The value is a ${format.name}${format.description ? `: ${format.description}` : '.'}`);
  else if (format.description) lines.push(`The value is ${format.description}`);
  if (format.schema) lines.push(`It must conform to this JSON Schema:\n${JSON.stringify(format.schema)}`);
  return lines.join('\n');
}

const OPENING = /^\s*```[^\n]*\n/;
/** A closing fence: three backticks at the start of a line. A JSON string cannot hold a raw newline, so this never cuts a value. */
const CLOSING = /(?:^|\n)[ \t]*```/;

/**
 * Removes a code fence around a complete answer, and anything after the closing fence ("Hope this helps!").
 *
 * @example
 * ```ts
 * stripJsonFence('```json\n{"a":1}\n```'); // '{"a":1}'
 * ```
 */
export function stripJsonFence(text: string): string {
  const opening = OPENING.exec(text);
  if (!opening) return text;
  const body = text.slice(opening[0].length);
  const closing = CLOSING.exec(body);
  return closing ? body.slice(0, closing.index) : body;
}

const TRAILING_FENCE_CANDIDATE = /\s*`{0,3}\s*$/;

/**
 * Streams an answer with its code fence removed. Until the first non-blank characters show whether a fence opens,
 * the text is held; inside a fence, a tail that may be the closing fence (blanks and up to three backticks) is held
 * until more text proves otherwise, and everything from the closing fence on is dropped. Unfenced text passes
 * through as it arrives.
 *
 * @example
 * ```ts
 * const filter = new JsonFenceFilter();
 * filter.push('```json\n{"a"') + filter.push(':1}\n```') + filter.end(); // '{"a":1}'
 * ```
 */
export class JsonFenceFilter {
  #state: 'lead' | 'fenced' | 'plain' | 'closed' = 'lead';
  #held = '';
  /** Whether the held text starts a line (a closing fence may then start at index 0). */
  #lineStart = true;

  /** Takes a delta; returns the text that may be emitted now. */
  push(delta: string): string {
    if (this.#state === 'closed') return '';
    this.#held += delta;
    if (this.#state === 'lead') {
      const start = this.#held.trimStart();
      if (start === '' || (start.length < 3 && '```'.startsWith(start))) return '';
      if (!start.startsWith('```')) {
        this.#state = 'plain';
      } else {
        const newline = start.indexOf('\n');
        if (newline < 0) return '';
        this.#state = 'fenced';
        this.#held = start.slice(newline + 1);
      }
    }
    if (this.#state === 'plain') return this.#release(this.#held.length);
    const closing = CLOSING.exec(this.#held);
    if (closing && (closing.index > 0 || this.#held.startsWith('\n') || this.#lineStart)) {
      const out = this.#release(closing.index);
      this.#state = 'closed';
      this.#held = '';
      return out;
    }
    const tail = TRAILING_FENCE_CANDIDATE.exec(this.#held);
    return this.#release(tail ? tail.index : this.#held.length);
  }

  /** Ends the text; returns what was held, minus a closing fence. */
  end(): string {
    if (this.#state === 'closed') return '';
    if (this.#state === 'fenced') this.#held = this.#held.replace(/(?:^|\n)[ \t]*`{0,3}\s*$/, '');
    return this.#release(this.#held.length);
  }

  #release(length: number): string {
    const out = this.#held.slice(0, length);
    this.#held = this.#held.slice(length);
    if (out !== '') this.#lineStart = out.endsWith('\n');
    return out;
  }
}
