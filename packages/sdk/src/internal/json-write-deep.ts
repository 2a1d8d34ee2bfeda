/**
 * The id writer for bodies nested deeper than native `JSON.stringify` goes. V8's serializer recurses in C++ and gives
 * up with a RangeError at about 4,100 levels (Node 20, 22 and 24), and at about 2,850 with a replacer function, which
 * `stringifyWithIds` uses. This writer keeps its own stack of open arrays and objects, so its depth is bounded by
 * memory only; it follows `JSON.stringify`'s rules itself (toJSON, boxed primitives, omitted members, cycles) and is
 * only reached when the native path overflows.
 */

/** One array or object being written. */
interface Frame {
  readonly value: object;
  /** The names of an object's members (`Object.keys`, as `JSON.stringify` takes them); `undefined` for an array. */
  readonly names: string[] | undefined;
  readonly length: number;
  /** For an array under an id key: the key (its elements, and those of arrays in it, are ids). */
  readonly idKey: string | undefined;
  next: number;
  written: number;
}

/** A value after `toJSON` and unboxing, as `JSON.stringify` sees it before writing. */
function prepare(input: unknown, key: string): unknown {
  let value = input;
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  return value;
}

/**
 * Writes `value` as `JSON.stringify` would, with `leaf(value, idKey)` writing each string under an id key; any depth.
 * Returns `undefined` for a value JSON cannot hold at the top (as `JSON.stringify` does).
 *
 * @example
 * ```ts
 * writeDeep({ file_id: '42' }, new Set(['file_id']), (s) => s); // '{"file_id":42}'
 * ```
 */
export function writeDeep(
  root: unknown,
  idKeys: ReadonlySet<string>,
  idLiteral: (value: string, key: string) => string,
): string | undefined {
  const out: string[] = [];
  const frames: Frame[] = [];
  const open = new Set<object>(); // the objects being written, for JSON.stringify's "circular structure" TypeError

  /** Writes one value (a leaf, or the opening of an array or object); `false` when JSON omits it. */
  const write = (input: unknown, key: string, idKey: string | undefined): boolean => {
    const value = prepare(input, key);
    if (typeof value === 'string' && idKey !== undefined) {
      out.push(idLiteral(value, idKey));
      return true;
    }
    if (typeof value !== 'object' || value === null) {
      const text = JSON.stringify(value); // numbers, booleans, null, strings; a bigint throws; undefined is omitted
      if (text === undefined) return false;
      out.push(text);
      return true;
    }
    if (open.has(value)) throw new TypeError('Converting circular structure to JSON');
    open.add(value);
    const isArray = Array.isArray(value);
    const names = isArray ? undefined : Object.keys(value);
    const length = isArray ? (value as unknown[]).length : (names as string[]).length;
    frames.push({ value, names, length, idKey: isArray ? idKey : undefined, next: 0, written: 0 });
    out.push(isArray ? '[' : '{');
    return true;
  };

  if (!write(root, '', undefined)) return undefined;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const { value, names } = frame;
    if (frame.next < frame.length) {
      const index = frame.next++;
      if (names === undefined) {
        if (index > 0) out.push(',');
        if (!write((value as unknown[])[index], String(index), frame.idKey)) out.push('null');
      } else {
        const name = names[index]!;
        const mark = out.length;
        out.push(frame.written > 0 ? `,${JSON.stringify(name)}:` : `${JSON.stringify(name)}:`);
        const member = (value as Record<string, unknown>)[name];
        if (write(member, name, idKeys.has(name) ? name : undefined)) frame.written++;
        else out.length = mark;
      }
      continue;
    }
    out.push(names === undefined ? ']' : '}');
    frames.pop();
    open.delete(value);
  }
  return out.join('');
}
