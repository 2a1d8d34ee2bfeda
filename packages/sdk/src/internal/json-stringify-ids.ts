/**
 * A JSON serializer that writes chosen id fields as bare numbers. MiniMax's decoder is strictly typed:
 * `"file_id": "307123456789012345"` (a string) or `3.07e17` (a float) fail with 2013 "Mismatch type
 * int64", and `Number(id)` would round an 18-digit id. So an id held as a string is written digit for
 * digit as a JSON number. Everything else is native `JSON.stringify` (toJSON, omitted undefined, cycles…).
 *
 * Why a replacer and a marker rather than a serializer of our own: `JSON.stringify` walks any depth without
 * recursion in JavaScript (a hand-written recursive writer overflowed the stack on a 10,000-deep body, issue #12
 * item 17), and it already implements every rule of the format. The replacer only wraps an id string in a marker
 * that no other string can contain (a random nonce), and one regex pass then strips the marker and its quotes.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { writeDeep } from './json-write-deep.ts';

const DIGITS = /^-?[0-9]+$/;

const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

/**
 * The marker of an id string: 96 random bits, drawn once. It never reaches an output (every marked string is turned
 * into bare digits), so no input can know it; a count check below still catches the impossible collision.
 */
const NONCE = (() => {
  const words = new Uint32Array(3);
  globalThis.crypto.getRandomValues(words);
  return `\u2063id${Array.from(words, (word) => word.toString(36)).join('')}:`;
})();
const MARKED = new RegExp(`"${NONCE}(-?[0-9]+)"`, 'g');

/**
 * An id string as a bare JSON number, or a refusal: digits with a leading zero (`"007"`) written bare would be invalid
 * JSON, so the writer refuses them even if no check ran before (range is the caller's business: `int64Id`). A string
 * that is not digits at all (a video task id) stays a JSON string.
 *
 * @example
 * ```ts
 * idLiteral('307123456789012345', 'file_id'); // '307123456789012345'
 * ```
 */
export function idLiteral(value: string, key: string): string {
  if (!DIGITS.test(value)) return JSON.stringify(value);
  if (CANONICAL_INTEGER.test(value)) return value;
  throw new InvalidArgumentError(
    key,
    `${JSON.stringify(value)} has a leading zero; written as a JSON number it would be invalid JSON`,
  );
}

/**
 * Serializes `value` like `JSON.stringify(value)`, except that a digits-only string directly under a
 * key in `idKeys` (or an element of an array directly under such a key, at any array depth) is written as a bare
 * number — or refused with `InvalidArgumentError` when it is not a canonical integer (see `idLiteral`). A body
 * nested deeper than the native serializer goes (~2,850 levels) is written again by `writeDeep` (its toJSON methods
 * then run twice).
 *
 * @example
 * ```ts
 * stringifyWithIds({ file_id: '307123456789012345' }, new Set(['file_id'])); // '{"file_id":307123456789012345}'
 * ```
 */
export function stringifyWithIds(value: unknown, idKeys: ReadonlySet<string>): string | undefined {
  try {
    return stringifyNative(value, idKeys);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return writeDeep(value, idKeys, idLiteral);
  }
}

/**
 * The usual path of {@link stringifyWithIds}: `JSON.stringify` with a replacer that marks id strings, then one regex
 * pass that unquotes the marked ones. Throws RangeError past the native serializer's depth.
 *
 * @example
 * ```ts
 * stringifyNative({ file_id: ['1', '2'] }, new Set(['file_id'])); // '{"file_id":[1,2]}'
 * ```
 */
export function stringifyNative(value: unknown, idKeys: ReadonlySet<string>): string | undefined {
  // The arrays in id position, with their key: their elements are ids. JSON.stringify writes an array's elements
  // right after the replacer returns the array, so an array seen again elsewhere (shared, not a cycle) is re-decided.
  const idArrays = new WeakMap<object, string>();
  let marked = 0;
  let root = true;
  const replacer = function (this: unknown, key: string, input: unknown): unknown {
    const idKey = Array.isArray(this) ? idArrays.get(this) : !root && idKeys.has(key) ? key : undefined;
    root = false;
    if (Array.isArray(input)) {
      if (idKey !== undefined) idArrays.set(input, idKey);
      else idArrays.delete(input);
      return input;
    }
    if (idKey === undefined) return input;
    // JSON.stringify unboxes a String object only after the replacer, so the replacer does it for an id.
    const text = input instanceof String ? input.valueOf() : input;
    if (typeof text !== 'string') return input;
    if (!DIGITS.test(text)) return input;
    idLiteral(text, idKey); // refuses a leading zero
    marked++;
    return `${NONCE}${text}`;
  };
  const json = JSON.stringify(value, replacer);
  if (json === undefined || marked === 0) return json;
  let stripped = 0;
  const out = json.replace(MARKED, (_match, digits: string) => {
    stripped++;
    return digits;
  });
  if (stripped !== marked) throw new Error('stringifyWithIds: an id marker collided with the data');
  return out;
}
