/**
 * Reads a server's "wait this long" hint. `retry-after-ms` (a de-facto extension, in milliseconds) wins
 * over the standard `Retry-After`, which is either delay-seconds or an HTTP date.
 */

/** The two header values, as read from a response (`null`/`undefined` when absent). */
export interface RetryAfterHeaders {
  retryAfterMsHeader?: string | null | undefined;
  retryAfterHeader?: string | null | undefined;
  /** The current time in ms since the epoch, for HTTP dates; defaults to `Date.now()`. */
  now?: number;
}

const DECIMAL = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * Parses the retry hint into a delay in ms, or `undefined` when there is no usable hint (absent,
 * malformed, negative, or a date in the past is treated as "now", i.e. 0).
 *
 * @example
 * ```ts
 * parseRetryAfterMs({ retryAfterHeader: '2' }); // 2000
 * parseRetryAfterMs({ retryAfterMsHeader: '250', retryAfterHeader: '2' }); // 250
 * ```
 */
export function parseRetryAfterMs({
  retryAfterMsHeader,
  retryAfterHeader,
  now,
}: RetryAfterHeaders): number | undefined {
  if (retryAfterMsHeader && DECIMAL.test(retryAfterMsHeader)) return Number(retryAfterMsHeader);
  if (!retryAfterHeader) return undefined;
  if (DECIMAL.test(retryAfterHeader)) return Number(retryAfterHeader) * 1000;
  // An HTTP date names a weekday and month; without letters, Date.parse would accept things like "-5".
  if (!/[A-Za-z]/.test(retryAfterHeader)) return undefined;
  const date = Date.parse(retryAfterHeader);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - (now ?? Date.now()));
}

/**
 * Reads the hint straight from response headers (any object with a case-insensitive `get`, or a
 * plain record with lowercase names).
 *
 * @example
 * ```ts
 * retryAfterMsFromHeaders(response.headers); // e.g. 1500, or undefined
 * ```
 */
export function retryAfterMsFromHeaders(
  headers: { get(name: string): string | null } | Readonly<Record<string, string>> | undefined,
): number | undefined {
  if (!headers) return undefined;
  const read =
    typeof headers.get === 'function'
      ? (name: string) => (headers as { get(name: string): string | null }).get(name)
      : (name: string) => (headers as Record<string, string>)[name];
  return parseRetryAfterMs({ retryAfterMsHeader: read('retry-after-ms'), retryAfterHeader: read('retry-after') });
}
