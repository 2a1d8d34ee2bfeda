/**
 * A JSON serializer that writes chosen id fields as bare numbers. MiniMax's decoder is strictly typed:
 * `"file_id": "307123456789012345"` (a string) or `3.07e17` (a float) fail with 2013 "Mismatch type
 * int64", and `Number(id)` would round an 18-digit id. So an id held as a string is written digit for
 * digit as a JSON number. Everything else follows `JSON.stringify` (toJSON, omitted undefined, etc.).
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';

const DIGITS = /^-?[0-9]+$/;

const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

/**
 * An id string as a bare JSON number, or a refusal: digits with a leading zero (`"007"`) written bare would be invalid
 * JSON, so the writer refuses them even if no check ran before (range is the caller's business: `int64Id`). A string
 * that is not digits at all (a video task id) stays a JSON string.
 */
function idLiteral(value: string, key: string): string {
  if (!DIGITS.test(value)) return JSON.stringify(value);
  if (CANONICAL_INTEGER.test(value)) return value;
  throw new InvalidArgumentError(
    key,
    `${JSON.stringify(value)} has a leading zero; written as a JSON number it would be invalid JSON`,
  );
}

type Json = (value: unknown, key: string, idKey: string | undefined) => string | undefined;

/**
 * Serializes `value` like `JSON.stringify(value)`, except that a digits-only string directly under a
 * key in `idKeys` (or an element of an array directly under such a key) is written as a bare number —
 * or refused with `InvalidArgumentError` when it is not a canonical int64 (see `idLiteral`).
 *
 * @example
 * ```ts
 * stringifyWithIds({ file_id: '307123456789012345' }, new Set(['file_id'])); // '{"file_id":307123456789012345}'
 * ```
 */
export function stringifyWithIds(value: unknown, idKeys: ReadonlySet<string>): string | undefined {
  const ancestors: object[] = []; // for JSON.stringify's "circular structure" TypeError

  const write: Json = (input, key, idKey) => {
    let value = input;
    if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      value = (value as { toJSON(key: string): unknown }).toJSON(key);
    }
    if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
    if (typeof value === 'string') return idKey !== undefined ? idLiteral(value, idKey) : JSON.stringify(value);
    if (typeof value !== 'object' || value === null) return JSON.stringify(value); // numbers, booleans, bigint throws
    if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
    ancestors.push(value);
    let out: string;
    if (Array.isArray(value)) {
      const items = value.map((item, index) => write(item, String(index), idKey) ?? 'null');
      out = `[${items.join(',')}]`;
    } else {
      const members: string[] = [];
      for (const name of Object.keys(value)) {
        const member = write((value as Record<string, unknown>)[name], name, idKeys.has(name) ? name : undefined);
        if (member !== undefined) members.push(`${JSON.stringify(name)}:${member}`);
      }
      out = `{${members.join(',')}}`;
    }
    ancestors.pop();
    return out;
  };

  // An id field's array passes its key to its elements only; nested objects start afresh.
  return write(value, '', undefined);
}
