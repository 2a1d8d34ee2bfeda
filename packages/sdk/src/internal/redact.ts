/**
 * Keeps credentials out of errors and log lines. An error object travels far (logs, bug reports, error trackers), so
 * anything copied into one passes through here first, and every way of printing one (message, stack, `toJSON`,
 * `util.inspect`, its `cause` chain) applies the same rule: the literal value of every registered secret (see
 * `secrets.ts`), and anything shaped like a bearer token or an `sk-…` key, is replaced — whatever the key looks like,
 * wherever a server echoed it, however deep.
 */

import { liveSecrets } from './secrets.ts';

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
 * Whether a header name carries credentials (its value is registered as a secret, and never copied into an error).
 *
 * @example
 * ```ts
 * isCredentialHeader('X-Api-Key'); // true
 * ```
 */
export function isCredentialHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/**
 * Copies headers into a plain object with lowercase names, dropping credential headers and redacting every value (a
 * server may echo the key in `www-authenticate` or a debug header).
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
    if (!SECRET_HEADERS.has(key)) out[redactText(key)] = redactText(value);
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

// Bearer tokens, MiniMax's JWT-style keys (`eyJ….….…`) and `sk-…` keys, wherever a server echoes them: the keys of
// other processes, which no registration knows.
const SECRET_PATTERN = /\bBearer\s+[^\s"',;]+|\beyJ[\w-]{8,}\.[\w-]+\.[\w-]+|\bsk-[\w-]{12,}/g;
const PLACEHOLDER = '[redacted]';

/**
 * Whether a text holds a registered secret or something shaped like a credential.
 *
 * @example
 * ```ts
 * hasSecret('Bearer sk-abc123…'); // true
 * ```
 */
export function hasSecret(text: string): boolean {
  for (const secret of liveSecrets()) if (text.includes(secret)) return true;
  SECRET_PATTERN.lastIndex = 0;
  return SECRET_PATTERN.test(text);
}

/**
 * Replaces every registered secret, and anything that looks like an API key or bearer token, with `[redacted]`.
 * The result never contains a registered secret: should the placeholder itself recreate one (a key that is a
 * fragment of `[redacted]` joined to its neighbours), the text is redacted again with characters no secret contains.
 *
 * @example
 * ```ts
 * redactText('bad header Bearer sk-abc123…'); // 'bad header [redacted]'
 * ```
 */
export function redactText(text: string): string {
  if (typeof text !== 'string' || text === '' || !hasSecret(text)) return text;
  const secrets = liveSecrets();
  const once = replaceSecrets(text, secrets, PLACEHOLDER);
  if (!secrets.some((secret) => once.includes(secret))) return once;
  // Every character of this placeholder is absent from every secret, so no occurrence can span it; and the text
  // between two placeholders is original text that held no occurrence.
  return replaceSecrets(text, secrets, fallbackPlaceholder(secrets));
}

/** Replaces each maximal run of text covered by secret occurrences (overlapping ones included), then the patterns. */
function replaceSecrets(text: string, secrets: readonly string[], placeholder: string): string {
  const ranges: Array<[number, number]> = [];
  for (const secret of secrets) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
      ranges.push([at, at + secret.length]);
    }
  }
  let out = text;
  if (ranges.length > 0) {
    ranges.sort((a, b) => a[0] - b[0]);
    out = '';
    let last = 0;
    let end = -1;
    for (const [start, stop] of ranges) {
      if (start > end) {
        if (end >= 0) out += placeholder;
        out += text.slice(last, start);
        end = stop;
      } else end = Math.max(end, stop);
      last = end;
    }
    out += placeholder + text.slice(last);
  }
  SECRET_PATTERN.lastIndex = 0;
  return out.replace(SECRET_PATTERN, placeholder);
}

function fallbackPlaceholder(secrets: readonly string[]): string {
  const unused = (c: string): boolean => !secrets.some((secret) => secret.includes(c));
  for (const c of ['*', '#', '~', '•', '█']) if (unused(c)) return c.repeat(3);
  for (let code = 0x2500; ; code++) {
    const c = String.fromCharCode(code);
    if (unused(c)) return c.repeat(3);
  }
}

/** How far {@link scrubDeep} goes: past these, a subtree is replaced by a placeholder (never kept unscrubbed). */
export const SCRUB_LIMITS = { depth: 64, nodes: 100_000 } as const;

/**
 * Copies a value with {@link redactText} applied to every string (object keys included), and every error in it
 * rebuilt with redacted message, stack and cause. Bounded: a subtree deeper than {@link SCRUB_LIMITS}`.depth`, or past
 * `nodes` values, becomes a `[truncated: …]` string — so a hostile 100,000-level body can neither keep a secret below
 * the bound nor make `JSON.stringify(error)` overflow the stack.
 *
 * @example
 * ```ts
 * scrubDeep({ error: { message: 'Bearer sk-…' } }); // { error: { message: '[redacted]' } }
 * ```
 */
export function scrubDeep(value: unknown): unknown {
  let budget = SCRUB_LIMITS.nodes;
  const visit = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return redactText(node);
    if (typeof node !== 'object' || node === null) return node;
    if (depth >= SCRUB_LIMITS.depth) return `[truncated: nested deeper than ${SCRUB_LIMITS.depth} levels]`;
    if (budget-- <= 0) return `[truncated: more than ${SCRUB_LIMITS.nodes} values]`;
    if (isErrorLike(node)) return copyError(node, (inner) => visit(inner, depth + 1));
    const toJSON = (node as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function' && !Array.isArray(node)) {
      return visit((node as { toJSON(): unknown }).toJSON(), depth + 1);
    }
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      for (const item of node) {
        if (budget <= 0) {
          out.push(`[truncated: more than ${SCRUB_LIMITS.nodes} values]`);
          break;
        }
        out.push(visit(item, depth + 1));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
      if (budget <= 0) {
        out['[truncated]'] = `more than ${SCRUB_LIMITS.nodes} values`;
        break;
      }
      out[redactText(key)] = visit(item, depth + 1);
    }
    return out;
  };
  return visit(value, 0);
}

/**
 * The `cause` to keep on an SDK error: the original when nothing in its chain (messages, stacks, properties, nested
 * causes) holds a secret, else a redacted copy — plain `Error`s carrying the same name, message, stack, `code` and
 * other properties, minus the secret. Any error a custom `fetch` or the runtime threw can thus be printed safely.
 *
 * @example
 * ```ts
 * new MiniMaxError('failed', { cause: redactCause(fetchError) });
 * ```
 */
export function redactCause(cause: unknown): unknown {
  return mentionsSecret(cause) ? scrubDeep(cause) : cause;
}

/** Whether any string reachable from `value` (error messages and stacks included) holds a secret. */
function mentionsSecret(value: unknown): boolean {
  let budget = SCRUB_LIMITS.nodes;
  const seen = new Set<object>();
  const visit = (node: unknown, depth: number): boolean => {
    if (typeof node === 'string') return hasSecret(node);
    if (typeof node !== 'object' || node === null) return false;
    // Past the bounds, assume the worst: the copy is then bounded and scrubbed.
    if (depth >= SCRUB_LIMITS.depth || budget-- <= 0) return true;
    if (seen.has(node)) return false;
    seen.add(node);
    if (isErrorLike(node)) {
      const { message, stack, name, cause, errors } = node as ErrorFields;
      if ([message, stack, name].some((text) => typeof text === 'string' && hasSecret(text))) return true;
      if (visit(cause, depth + 1) || visit(errors, depth + 1)) return true;
    }
    for (const [key, item] of Object.entries(node)) if (hasSecret(key) || visit(item, depth + 1)) return true;
    return false;
  };
  return visit(value, 0);
}

type ErrorFields = { message?: unknown; stack?: unknown; name?: unknown; cause?: unknown; errors?: unknown };

function isErrorLike(value: object): boolean {
  return value instanceof Error || (typeof DOMException === 'function' && value instanceof DOMException);
}

/** A plain `Error` with the same name, message, stack and properties, each redacted; `cause`/`errors` via `visit`. */
function copyError(error: object, visit: (value: unknown) => unknown): Error {
  const { message, stack, name, cause, errors } = error as ErrorFields;
  const copy = new Error(redactText(String(message ?? '')));
  const hidden = (key: string, value: unknown) =>
    Object.defineProperty(copy, key, { value, writable: true, configurable: true, enumerable: false });
  hidden('name', redactText(String(name ?? 'Error')));
  hidden('stack', typeof stack === 'string' ? redactText(stack) : stack);
  for (const [key, item] of Object.entries(error)) {
    if (key !== 'cause' && key !== 'errors')
      (copy as unknown as Record<string, unknown>)[redactText(key)] = visit(item);
  }
  if (cause !== undefined) hidden('cause', visit(cause));
  if (Array.isArray(errors)) hidden('errors', visit(errors));
  return copy;
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
 * The host of a URL (with its port, never its user info), or `undefined` when it is not absolute.
 *
 * @example
 * ```ts
 * urlHost('https://api.minimaxi.com/v1/t2a_v2'); // 'api.minimaxi.com'
 * ```
 */
export function urlHost(url: string | URL | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(String(url)).host || undefined;
  } catch {
    return undefined;
  }
}
