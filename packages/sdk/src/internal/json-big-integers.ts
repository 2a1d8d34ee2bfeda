/**
 * Finds integer literals too large for a JS number and quotes them, so that `JSON.parse` keeps their
 * exact digits as strings. MiniMax writes 18-digit ids (e.g. `file_id`) as bare JSON numbers, which a
 * plain `JSON.parse` silently rounds.
 *
 * The scan is linear and cheap next to `JSON.parse` itself: string literals (most of a response,
 * e.g. megabytes of hex audio) are skipped with `indexOf('"')`, and only the text between strings
 * (punctuation, whitespace, numbers) is walked one character at a time. There is deliberately no
 * regex prefilter such as `/\d{16}/`: on digit-heavy text (hex audio) it costs more than this scan.
 */

const QUOTE = 34;
const COLON = 58;
const BACKSLASH = 92;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const DOT = 46;
const PLUS = 43;
const LOWER_E = 101;
const UPPER_E = 69;
const MAX_SAFE = String(Number.MAX_SAFE_INTEGER); // '9007199254740991', 16 digits

const isDigit = (code: number): boolean => code >= ZERO && code <= NINE;

/** Whether a run of digits (no sign, no leading zero) exceeds Number.MAX_SAFE_INTEGER. */
function isUnsafeDigits(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length !== MAX_SAFE.length) return length > MAX_SAFE.length;
  return text.slice(start, end) > MAX_SAFE; // same length: lexical order is numeric order
}

/** Index just past the string literal whose opening quote is at `open` (or the text's end). */
function skipString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}

function skipDigits(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Index past an optional `.digits` and `e±digits`, so a float's parts are never read as integers. */
function skipFractionAndExponent(text: string, i: number): number {
  if (text.charCodeAt(i) === DOT) i = skipDigits(text, i + 1);
  const code = text.charCodeAt(i);
  if (code === LOWER_E || code === UPPER_E) {
    const sign = text.charCodeAt(i + 1);
    i = skipDigits(text, sign === MINUS || sign === PLUS ? i + 2 : i + 1);
  }
  return i;
}

/** What {@link scanJSON} found. */
export interface JSONScan {
  /** The text with every unsafe integer literal (outside strings) wrapped in quotes. */
  text: string;
  /** Whether some property name is one of the keys asked about. */
  hasKey: boolean;
}

// Key sets are long-lived (one per operation), so their lengths are computed once, not per response.
const lengthCache = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();
function lengthsOf(keys: ReadonlySet<string>): ReadonlySet<number> {
  let lengths = lengthCache.get(keys);
  if (!lengths) {
    lengths = new Set([...keys].map((key) => key.length));
    lengthCache.set(keys, lengths);
  }
  return lengths;
}

/** Index of the first non-whitespace character at or after `i`. */
function skipSpace(text: string, i: number): number {
  let code = text.charCodeAt(i);
  while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++i);
  return i;
}

/**
 * One pass over JSON text that (1) quotes unsafe integer literals and (2) notes whether a property
 * name is in `keys`. Floats, exponents and malformed numbers (leading zeros) are left alone, so
 * invalid JSON stays invalid for `JSON.parse` to reject. A property name written with escapes
 * (`"file\u005fid"`) is not recognised as a key; servers do not write names that way.
 *
 * @example
 * ```ts
 * scanJSON('{"file_id":9223372036854775807,"x":1.5e300}', new Set(['file_id']));
 * // { text: '{"file_id":"9223372036854775807","x":1.5e300}', hasKey: true }
 * ```
 */
export function scanJSON(text: string, keys: ReadonlySet<string>): JSONScan {
  const parts: string[] = [];
  const keyLengths = lengthsOf(keys);
  let hasKey = false;
  let copied = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = skipString(text, i);
      // Only a string of a key's length followed by `:` is sliced and looked up.
      if (!hasKey && keyLengths.has(end - i - 2) && text.charCodeAt(skipSpace(text, end)) === COLON) {
        hasKey = keys.has(text.slice(i + 1, end - 1));
      }
      i = end;
      continue;
    }
    if (code !== MINUS && !isDigit(code)) {
      i++;
      continue;
    }
    const start = i;
    const digitsStart = code === MINUS ? i + 1 : i;
    const digitsEnd = skipDigits(text, digitsStart);
    const end = skipFractionAndExponent(text, digitsEnd);
    const isInteger = end === digitsEnd && digitsEnd > digitsStart;
    const leadingZero = text.charCodeAt(digitsStart) === ZERO && digitsEnd - digitsStart > 1;
    if (isInteger && !leadingZero && isUnsafeDigits(text, digitsStart, digitsEnd)) {
      parts.push(text.slice(copied, start), '"', text.slice(start, end), '"');
      copied = end;
    }
    i = end > start ? end : start + 1;
  }
  if (copied === 0) return { text, hasKey };
  parts.push(text.slice(copied));
  return { text: parts.join(''), hasKey };
}
