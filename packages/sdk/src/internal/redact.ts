/**
 * Keeps credentials out of errors. An error object travels far (logs, bug reports, error trackers), so
 * anything copied into one is filtered here first.
 */

/** Headers as fetch gives them, or as a plain record. */
export type HeadersLike = Headers | Readonly<Record<string, string | readonly string[] | null | undefined>>;

/** Header names (lowercase) that carry credentials and never leave the request. */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
]);

/**
 * Copies headers into a plain object with lowercase names, dropping credential headers.
 *
 * @example
 * ```ts
 * copySafeHeaders(new Headers({ Authorization: 'Bearer sk-…', 'Trace-Id': 'abc' })); // { 'trace-id': 'abc' }
 * ```
 */
export function copySafeHeaders(headers: HeadersLike | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    if (!SECRET_HEADERS.has(key)) out[key] = value;
  };
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    (headers as Headers).forEach((value, name) => {
      add(name, value);
    });
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value == null) continue;
    add(name, typeof value === 'string' ? value : value.join(', '));
  }
  return out;
}

// Bearer tokens, MiniMax's JWT-style keys (`eyJ….….…`) and `sk-…` keys, wherever a server echoes them.
const SECRET_PATTERN = /\bBearer\s+[^\s"',;]+|\beyJ[\w-]{8,}\.[\w-]+\.[\w-]+|\bsk-[\w-]{12,}/g;

/**
 * Replaces anything that looks like an API key or bearer token with `[redacted]`.
 *
 * @example
 * ```ts
 * scrubSecrets('bad header Bearer sk-abc123…'); // 'bad header [redacted]'
 * ```
 */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, '[redacted]');
}

/**
 * Copies a JSON-like value with {@link scrubSecrets} applied to every string, for printing a response
 * body that might echo a credential. Depth-limited, since it only serves logging.
 *
 * @example
 * ```ts
 * scrubDeep({ error: { message: 'Bearer sk-…' } }); // { error: { message: '[redacted]' } }
 * ```
 */
export function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (typeof value !== 'object' || value === null || depth > 20) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubDeep(item, depth + 1);
  return out;
}

/**
 * Reduces a URL to its path: the query string may carry a legacy `GroupId` or signed download
 * parameters, and nothing but the path is needed to tell which call failed.
 *
 * @example
 * ```ts
 * urlPath('https://api.minimax.io/v1/files/retrieve?file_id=1'); // '/v1/files/retrieve'
 * ```
 */
export function urlPath(url: string | URL | undefined): string | undefined {
  if (url === undefined) return undefined;
  const text = String(url);
  try {
    return new URL(text).pathname;
  } catch {
    const cut = text.search(/[?#]/);
    return cut === -1 ? text : text.slice(0, cut);
  }
}

/**
 * The host of a URL, or `undefined` when it is not absolute.
 *
 * @example
 * ```ts
 * urlHost('https://api.minimaxi.com/v1/t2a_v2'); // 'api.minimaxi.com'
 * ```
 */
export function urlHost(url: string | URL | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(String(url)).host;
  } catch {
    return undefined;
  }
}
