/**
 * JSON that never loses an id. Every response body goes through {@link parseJSON} and every request
 * body through {@link stringifyJSON}, so both stay close to the native functions: parsing adds one
 * linear pass that quotes ids and big integers in the text (hopping over strings with `indexOf`), then
 * a plain `JSON.parse`; writing is plain `JSON.stringify` unless the request names id keys. Nothing
 * here recurses per nesting level, so any depth `JSON.parse` accepts parses.
 */

import { MiniMaxError } from '../core/minimax-error.ts';
import { quoteIdsAndBigIntegers } from './json-big-integers.ts';
import { stringifyWithIds } from './json-stringify-ids.ts';

/**
 * The fields that hold int64 ids on MiniMax's native endpoints. In a parsed response they are always
 * strings, whatever their size. `task_id` is an int64 for async speech but a real string for video;
 * parsing does not care (a string stays a string), but writing does: see {@link stringifyJSON}.
 *
 * @example
 * ```ts
 * parseJSON('{"file_id":42}', { int64Keys: INT64_ID_KEYS }); // { file_id: '42' }
 * ```
 */
export const INT64_ID_KEYS: ReadonlySet<string> = new Set(['file_id', 'task_id', 'text_file_id', 'prompt_audio']);

/** Options of {@link parseJSON} and {@link stringifyJSON}. */
export interface LosslessJSONOptions {
  /** Keys whose values are int64 ids. */
  int64Keys?: ReadonlySet<string> | undefined;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Parses JSON without losing precision: an integer literal beyond ±(2^53 − 1) becomes a string with its
 * exact digits, and any number under a key in `int64Keys` (default {@link INT64_ID_KEYS}) becomes a
 * string, so an id is a string whatever its size (directly under the key, or as an element of an array
 * there; a float there becomes `String(number)`). Throws `SyntaxError` on invalid JSON, as
 * `JSON.parse` does, and a `MiniMaxError` if the runtime's `JSON.parse` gives up on the nesting depth
 * (V8 does not: it parses any depth that fits in memory).
 *
 * @example
 * ```ts
 * parseJSON('{"file_id":307123456789012345,"n":9223372036854775807,"x":1.5}');
 * // { file_id: '307123456789012345', n: '9223372036854775807', x: 1.5 }
 * ```
 */
export function parseJSON(text: string, options?: LosslessJSONOptions): unknown {
  const quoted = quoteIdsAndBigIntegers(text, options?.int64Keys ?? INT64_ID_KEYS);
  try {
    return JSON.parse(quoted) as unknown;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new MiniMaxError(`A JSON document of ${text.length} characters is nested too deeply to parse here.`, {
      cause: error,
    });
  }
}

/**
 * Serializes like `JSON.stringify`, except that a digits-only string under a key in `int64Keys` is
 * written as a bare JSON number, digit for digit (MiniMax rejects quoted ids and floats).
 *
 * The default is **no** keys: pass the id keys of each request explicitly. A blanket set would be
 * wrong, because `task_id` is an int64 for async speech but a string for video, and a video task id
 * that happens to be all digits must stay a JSON string.
 *
 * @example
 * ```ts
 * stringifyJSON({ file_id: '307123456789012345', purpose: 'voice_clone' }, { int64Keys: new Set(['file_id']) });
 * // '{"file_id":307123456789012345,"purpose":"voice_clone"}'
 * ```
 */
export function stringifyJSON(value: unknown, options?: LosslessJSONOptions): string {
  const keys = options?.int64Keys ?? EMPTY;
  return keys.size === 0 ? stringifyPlain(value) : defined(stringifyWithIds(value, keys), value);
}

/**
 * `JSON.stringify`, refusing a value JSON cannot hold (`undefined`, a function) instead of returning `undefined`: the
 * writer of request bodies that carry no id. Apart from {@link stringifyJSON} so that a bundle whose requests carry
 * no id (the chat entry) leaves the id writer out.
 *
 * @example
 * ```ts
 * stringifyPlain({ model: 'MiniMax-M2' }); // '{"model":"MiniMax-M2"}'
 * ```
 */
export function stringifyPlain(value: unknown): string {
  return defined(JSON.stringify(value), value);
}

function defined(text: string | undefined, value: unknown): string {
  if (text === undefined) throw new TypeError(`Cannot serialize ${typeof value} as JSON`);
  return text;
}

/** The int64 id keys of an operation's request body, with the writer that sends them as bare numbers. */
export interface IdKeys {
  readonly keys: ReadonlySet<string>;
  /** {@link stringifyJSON} with these keys. */
  readonly write: (body: unknown) => string;
}

/**
 * Declares the id keys of an operation (see `Operation.idKeys`).
 *
 * @example
 * ```ts
 * const ids = idKeys('file_id');
 * ids.write({ file_id: '307123456789012345' }); // '{"file_id":307123456789012345}'
 * ```
 */
export function idKeys(...names: string[]): IdKeys {
  const keys: ReadonlySet<string> = new Set(names);
  return { keys, write: (body) => stringifyJSON(body, { int64Keys: keys }) };
}
