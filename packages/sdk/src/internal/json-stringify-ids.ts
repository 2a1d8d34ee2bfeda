/**
 * A JSON serializer that writes chosen id fields as bare numbers. MiniMax's decoder is strictly typed:
 * `"file_id": "307123456789012345"` (a string) or `3.07e17` (a float) fail with 2013 "Mismatch type
 * int64", and `Number(id)` would round an 18-digit id. So an id held as a string is written digit for
 * digit as a JSON number. Everything else follows `JSON.stringify` (toJSON, omitted undefined, etc.).
 */

const INTEGER = /^-?[0-9]+$/;

type Json = (value: unknown, key: string, inIdField: boolean) => string | undefined;

/**
 * Serializes `value` like `JSON.stringify(value)`, except that a digits-only string directly under a
 * key in `idKeys` (or an element of an array directly under such a key) is written as a bare number.
 *
 * @example
 * ```ts
 * stringifyWithIds({ file_id: '307123456789012345' }, new Set(['file_id'])); // '{"file_id":307123456789012345}'
 * ```
 */
export function stringifyWithIds(value: unknown, idKeys: ReadonlySet<string>): string | undefined {
  const ancestors: object[] = []; // for JSON.stringify's "circular structure" TypeError

  const write: Json = (input, key, inIdField) => {
    let value = input;
    if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      value = (value as { toJSON(key: string): unknown }).toJSON(key);
    }
    if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
    if (typeof value === 'string') return inIdField && INTEGER.test(value) ? value : JSON.stringify(value);
    if (typeof value !== 'object' || value === null) return JSON.stringify(value); // numbers, booleans, bigint throws
    if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
    ancestors.push(value);
    let out: string;
    if (Array.isArray(value)) {
      const items = value.map((item, index) => write(item, String(index), inIdField) ?? 'null');
      out = `[${items.join(',')}]`;
    } else {
      const members: string[] = [];
      for (const name of Object.keys(value)) {
        const member = write((value as Record<string, unknown>)[name], name, idKeys.has(name));
        if (member !== undefined) members.push(`${JSON.stringify(name)}:${member}`);
      }
      out = `{${members.join(',')}}`;
    }
    ancestors.pop();
    return out;
  };

  // An id field's array passes `inIdField` to its elements only; nested objects start afresh.
  return write(value, '', false);
}
