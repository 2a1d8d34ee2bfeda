/**
 * Rewrites JSON text so that a plain `JSON.parse` of the result loses no id: every integer literal too large
 * for a JS number, and every number under an id key, is wrapped in quotes (so it parses as a string of its exact
 * digits). MiniMax writes 18-digit ids (e.g. `file_id`) as bare JSON numbers, which `JSON.parse` silently rounds.
 *
 * Why one pass over the text rather than a reviver or a walk of the parsed tree (measured, see bench/FIXES.md):
 * a `JSON.parse` reviver (even with Node 22's `context.source`) costs 10–20× the parse itself, and walking the
 * parsed tree to convert id fields cost as much as a third of the parse on a large file list. Converting the ids
 * here, in text, leaves `JSON.parse` as the only other step. The pass is linear and iterative: it hops from quote
 * to quote with `indexOf` (so megabytes of hex audio cost one native search), walks a character at a time only
 * the stretches between strings that can hold something to quote, and tracks arrays of ids with an explicit
 * stack, so no nesting depth can exhaust the call stack.
 */

const COLON = 58;
const BACKSLASH = 92;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const DOT = 46;
const PLUS = 43;
const LOWER_E = 101;
const UPPER_E = 69;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const MAX_SAFE = String(Number.MAX_SAFE_INTEGER); // '9007199254740991', 16 digits
/** An integer literal beyond 2^53 has at least 16 digits, so a stretch of text shorter than this holds none. */
const MIN_UNSAFE_LENGTH = 16;
/** An escape writes one character as at most 6 (`\u005f`): a key written with escapes is at most 6× longer. */
const MAX_ESCAPE_GROWTH = 6;
/**
 * Input characters whose output pieces are joined at a time (see Rewriter), so that the many small slices die
 * young instead of being copied and promoted by the garbage collector (a third of the time on a 50 MB file list).
 */
const BATCH_CHARS = 1 << 16;
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** The id keys of one key set, indexed by length for a lookup without slicing the text. */
interface KeyTable {
  keys: ReadonlySet<string>;
  byLength: Array<string[] | undefined>;
  /** Raw (escaped) lengths of a property name that can be an id key. */
  minLength: number;
  maxRawLength: number;
}

// Key sets are long-lived (one per operation), so their tables are built once, not per response.
const tables = new WeakMap<ReadonlySet<string>, KeyTable>();
function keyTable(keys: ReadonlySet<string>): KeyTable {
  let table = tables.get(keys);
  if (!table) {
    const byLength: Array<string[] | undefined> = [];
    let minLength = Number.POSITIVE_INFINITY;
    let maxLength = -1;
    for (const key of keys) {
      const sameLength = byLength[key.length] ?? [];
      sameLength.push(key);
      byLength[key.length] = sameLength;
      minLength = Math.min(minLength, key.length);
      maxLength = Math.max(maxLength, key.length);
    }
    table = { keys, byLength, minLength, maxRawLength: maxLength * MAX_ESCAPE_GROWTH };
    tables.set(keys, table);
  }
  return table;
}

/** Index of the first non-whitespace character at or after `i`. */
function skipSpace(text: string, i: number): number {
  let code = text.charCodeAt(i);
  while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++i);
  return i;
}

/** Index of the first non-digit at or after `i`. */
function digitsEnd(text: string, i: number): number {
  let code = text.charCodeAt(i);
  while (code >= ZERO && code <= NINE) code = text.charCodeAt(++i);
  return i;
}

/** Index past the digits, fraction and exponent of the number literal starting at `start`. */
function numberEnd(text: string, start: number): number {
  let i = text.charCodeAt(start) === MINUS ? start + 1 : start;
  let code = text.charCodeAt(i);
  while (code >= ZERO && code <= NINE) code = text.charCodeAt(++i);
  if (code === DOT) {
    code = text.charCodeAt(++i);
    while (code >= ZERO && code <= NINE) code = text.charCodeAt(++i);
  }
  if (code === LOWER_E || code === UPPER_E) {
    code = text.charCodeAt(++i);
    if (code === MINUS || code === PLUS) code = text.charCodeAt(++i);
    while (code >= ZERO && code <= NINE) code = text.charCodeAt(++i);
  }
  return i;
}

/**
 * The string an id field's number becomes: the exact digits of an integer literal, `String(Number(literal))` for a
 * float or an exponent (`1.50` → `'1.5'`), `'0'` for `-0` (what `String()` of the parsed number gives). `undefined`
 * for a literal that is not valid JSON, so that `JSON.parse` still rejects the document.
 */
function idText(literal: string): string | undefined {
  if (!JSON_NUMBER.test(literal)) return undefined;
  for (let i = literal.charCodeAt(0) === MINUS ? 1 : 0; i < literal.length; i++) {
    const code = literal.charCodeAt(i);
    if (code < ZERO || code > NINE) return String(Number(literal));
  }
  return literal === '-0' ? '0' : literal;
}

/** Whether the digits `text[start, end)` (no sign, no leading zero) exceed Number.MAX_SAFE_INTEGER. */
function exceedsMaxSafe(text: string, start: number, end: number): boolean {
  if (end - start !== MAX_SAFE.length) return end - start > MAX_SAFE.length;
  for (let i = 0; i < MAX_SAFE.length; i++) {
    const diff = text.charCodeAt(start + i) - MAX_SAFE.charCodeAt(i);
    if (diff !== 0) return diff > 0;
  }
  return false;
}

/**
 * The rewrite of one text. It hops from quote to quote with `indexOf` (native speed, whatever the length of the
 * strings), and walks a character at a time only the stretches between strings that can matter: one at least 16
 * characters long (it may hold an unsafe integer), the value after an id key, and the inside of an id array.
 */
class Rewriter {
  /** The output between the quotes to insert: joined with '"', `[a, b, c]` is `a"b"c` (batched, see BATCH_CHARS). */
  // Allocated on first use: most bodies have nothing to quote.
  #batches: string[] | undefined;
  #pieces: string[] | undefined;
  #batchStart = 0;
  #copied = 0;
  /** Depths of the open id arrays (an explicit stack: no recursion), counted only while one is open. */
  #idArrays: number[] | undefined;
  #idArrayDepth = -1;
  #depth = 0;
  /** The first backslash at or after the current string (cached: `text.length` when there is none). */
  #nextBackslash: number;

  readonly #text: string;
  readonly #table: KeyTable;

  constructor(text: string, table: KeyTable) {
    this.#text = text;
    this.#table = table;
    const backslash = text.indexOf('\\');
    this.#nextBackslash = backslash === -1 ? text.length : backslash;
  }

  run(): string {
    const text = this.#text;
    const table = this.#table;
    const { byLength, minLength, maxRawLength } = table;
    const length = text.length;
    let i = 0;
    for (;;) {
      const open = text.indexOf('"', i);
      const regionEnd = open === -1 ? length : open;
      if (regionEnd - i >= MIN_UNSAFE_LENGTH || this.#idArrayDepth !== -1) this.#region(i, regionEnd);
      if (open === -1) break;
      // Inlined for the usual string, which holds no backslash; #closingQuote handles escapes.
      let close = text.indexOf('"', open + 1);
      if (this.#nextBackslash < close) close = this.#closingQuote(open);
      if (close === -1) break; // unterminated string: JSON.parse reports it
      i = close + 1;
      const rawLength = close - open - 1;
      if (rawLength < minLength || rawLength > maxRawLength) continue;
      if (byLength[rawLength] === undefined && !this.#hasBackslash(open, close)) continue;
      const colon = skipSpace(text, i);
      if (text.charCodeAt(colon) === COLON && this.#isIdKey(open, close)) i = this.#idValue(colon + 1);
    }
    if (this.#copied === 0) return text;
    const pieces = this.#pieces ?? [];
    pieces.push(text.slice(this.#copied));
    const last = pieces.join('"');
    if (!this.#batches) return last;
    this.#batches.push(last);
    return this.#batches.join('"');
  }

  /** Index of the quote that closes the string opened at `open`, or -1. */
  #closingQuote(open: number): number {
    const text = this.#text;
    let close = text.indexOf('"', open + 1);
    while (close !== -1 && this.#hasBackslash(open, close)) {
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    return close;
  }

  /** Whether `text(open, close)` holds a backslash; amortised linear, as strings are visited in order. */
  #hasBackslash(open: number, close: number): boolean {
    if (this.#nextBackslash < open) {
      const next = this.#text.indexOf('\\', open);
      this.#nextBackslash = next === -1 ? this.#text.length : next;
    }
    return this.#nextBackslash < close;
  }

  /** Whether the string between the quotes at `open` and `close` is an id key. */
  #isIdKey(open: number, close: number): boolean {
    const text = this.#text;
    const table = this.#table;
    const candidates = table.byLength[close - open - 1];
    if (candidates) {
      for (const key of candidates) if (text.startsWith(key, open + 1)) return true;
    }
    if (!this.#hasBackslash(open, close)) return false;
    // A name written with escapes (`"file\u005fid"`): servers do not, but it is the same key once decoded.
    try {
      return table.keys.has(JSON.parse(text.slice(open, close + 1)) as string);
    } catch {
      return false; // an invalid escape: JSON.parse of the whole text reports it
    }
  }

  /** Handles the value after an id key's colon; returns where the scan goes on. */
  #idValue(start: number): number {
    const text = this.#text;
    const value = skipSpace(text, start);
    const first = text.charCodeAt(value);
    if (first === MINUS || (first >= ZERO && first <= NINE)) {
      // The usual case, a plain integer, is sliced as is; anything else goes through idText.
      const digits = first === MINUS ? value + 1 : value;
      let stop = digitsEnd(text, digits);
      const code = text.charCodeAt(stop);
      if (code === DOT || code === LOWER_E || code === UPPER_E || stop === digits || text.charCodeAt(digits) === ZERO) {
        stop = numberEnd(text, value);
        this.#quote(value, stop, idText(text.slice(value, stop)));
      } else this.#quote(value, stop, text.slice(value, stop));
      return stop;
    }
    if (first === OPEN_ARRAY) {
      if (this.#idArrayDepth === -1) this.#depth = 0;
      this.#idArrays ??= [];
      this.#idArrays.push(++this.#depth);
      this.#idArrayDepth = this.#depth;
      return value + 1;
    }
    return value;
  }

  /** Wraps `text[start, stop)` as the string `replacement` (nothing when `undefined`). */
  #quote(start: number, stop: number, replacement: string | undefined): void {
    if (replacement === undefined) return;
    this.#pieces ??= [];
    const pieces = this.#pieces;
    pieces.push(this.#text.slice(this.#copied, start), replacement);
    if (stop - this.#batchStart >= BATCH_CHARS) {
      this.#batches ??= [];
      this.#batches.push(pieces.join('"'));
      this.#pieces = [];
      this.#batchStart = stop;
    }
    this.#copied = stop;
  }

  /** Walks `text[i, end)`, a stretch between two strings: numbers, and brackets while an id array is open. */
  #region(from: number, end: number): void {
    const text = this.#text;
    let i = from;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code === MINUS || (code >= ZERO && code <= NINE)) {
        // One pass over the digits; a fraction or an exponent (rare) is skipped by numberEnd.
        const digits = code === MINUS ? i + 1 : i;
        let stop = digitsEnd(text, digits);
        const next = text.charCodeAt(stop);
        const isInteger = next !== DOT && next !== LOWER_E && next !== UPPER_E;
        if (!isInteger) stop = numberEnd(text, i);
        if (this.#depth === this.#idArrayDepth) {
          // A number as a property name is invalid JSON; quoting it would make it valid, so it is left alone.
          if (text.charCodeAt(skipSpace(text, stop)) !== COLON) this.#quote(i, stop, idText(text.slice(i, stop)));
        } else if (
          isInteger &&
          stop - digits >= MAX_SAFE.length &&
          text.charCodeAt(digits) !== ZERO && // a leading zero is invalid JSON: left for JSON.parse to reject
          exceedsMaxSafe(text, digits, stop) &&
          text.charCodeAt(skipSpace(text, stop)) !== COLON
        ) {
          this.#quote(i, stop, text.slice(i, stop));
        }
        i = stop > i ? stop : i + 1;
        continue;
      }
      if (this.#idArrayDepth !== -1) {
        if (code === OPEN_ARRAY || code === OPEN_OBJECT) this.#depth++;
        else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) this.#closeBracket();
      }
      i++;
    }
  }

  #closeBracket(): void {
    if (this.#depth === this.#idArrayDepth) {
      const idArrays = this.#idArrays!;
      idArrays.pop();
      this.#idArrayDepth = idArrays.length > 0 ? idArrays[idArrays.length - 1]! : -1;
    }
    this.#depth--;
  }
}

/**
 * Rewrites JSON text so that `JSON.parse` of the result keeps every id: it quotes (1) every integer literal beyond
 * ±(2^53 − 1), and (2) every number directly under a property named in `keys`, or directly inside an array there.
 * Strings, floats and exponents elsewhere are left alone, and a literal that is not valid JSON (a leading zero, a
 * number used as a property name) is never quoted, so invalid JSON stays invalid for `JSON.parse` to reject.
 * Returns the same string when there is nothing to quote.
 *
 * @example
 * ```ts
 * quoteIdsAndBigIntegers('{"file_id":42,"n":9223372036854775807,"x":1.5e300}', new Set(['file_id']));
 * // '{"file_id":"42","n":"9223372036854775807","x":1.5e300}'
 * ```
 */
export function quoteIdsAndBigIntegers(text: string, keys: ReadonlySet<string>): string {
  return new Rewriter(text, keyTable(keys)).run();
}
