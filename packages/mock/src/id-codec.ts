/**
 * Int64 ids on the wire. MiniMax writes `file_id` and friends as bare 18-digit JSON numbers (above 2^53, so
 * `JSON.parse` corrupts them) and its decoder rejects them as JSON strings. The spec types them
 * `{type: string, x-minimax-int64: true}`; this codec converts between the two, losslessly, using the sdk's
 * lossless JSON reader/writer so the mock and the sdk agree byte for byte.
 *
 * The key set is per operation (see SpecIndex): the same key can be an int64 in one operation and a real string
 * in another (`task_id` is int64 for async speech but a string for video).
 */
import { parseJSON, stringifyJSON } from '@minimax-ts/sdk/internal/lossless-json';
import type { Violation } from './prism-engine.ts';

export interface IdCodec {
  readonly keys: ReadonlySet<string>;
  /** JSON text → value, with every int64 key's bare number turned into its exact digit string. */
  parse(text: string): unknown;
  /** Value → JSON text, with every int64 key's digit string written as a bare number, digit for digit. */
  stringify(value: unknown): string;
  /**
   * Ids sent as JSON strings (`"file_id": "123"`) where the real server wants bare numbers: the real API fails
   * them with 2013 "Mismatch type int64", so the mock reports them as contract violations.
   */
  quotedIds(text: string): Violation[];
}

export function createIdCodec(keys: Iterable<string>): IdCodec {
  const keySet: ReadonlySet<string> = new Set(keys);
  const quoted = [...keySet].map((k) => ({
    key: k,
    // `"file_id": "…"` or `"file_ids": ["…"` — a JSON string where the wire wants a number.
    pattern: new RegExp(`"${escapeRegExp(k)}"\\s*:\\s*(\\[\\s*)?"`, 'g'),
  }));
  return {
    keys: keySet,
    parse: (text) => parseJSON(text, { int64Keys: keySet }),
    stringify: (value) => {
      const canonical = canonicalizeIds(value, keySet);
      try {
        return stringifyJSON(canonical, { int64Keys: keySet });
      } catch {
        // A spec example with a non-numeric id must not take the mock down; the output validation reports it.
        return JSON.stringify(canonical);
      }
    },
    quotedIds: (text) =>
      quoted.flatMap(({ key, pattern }) =>
        [...text.matchAll(pattern)].map(() => ({
          location: ['body', key],
          code: 'x-minimax-int64',
          message: `${key} must be a bare JSON integer (an int64 id, written digit for digit), not a JSON string`,
        })),
      ),
  };
}

/**
 * Normalizes digit strings at int64 keys (`"007"` → `"7"`): a schema pattern allows leading zeros that would be
 * invalid as a JSON number literal. Returns a copy; the input is not modified.
 */
export function canonicalizeIds(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => canonicalizeIds(v, keys));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (keys.has(k)) out[k] = Array.isArray(v) ? v.map(canonicalDigits) : canonicalDigits(v);
    else out[k] = canonicalizeIds(v, keys);
  }
  return out;
}

function canonicalDigits(v: unknown): unknown {
  return typeof v === 'string' && /^[0-9]+$/.test(v) ? BigInt(v).toString() : v;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
