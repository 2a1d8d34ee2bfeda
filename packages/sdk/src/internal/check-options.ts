/**
 * Refuses bad options before anything is sent, each with an `InvalidArgumentError` that names the option and says
 * what was wrong. Without these checks a bad value fails late and far from its cause: `pollInterval: NaN` polls in a
 * tight loop, `timeout: NaN` never times out, a timer above 2^31 − 1 ms fires at once, a key with a newline makes
 * fetch throw an error that quotes the key, and a `baseURL` without a scheme fails as a vague "connection error".
 */

import type { RequestOptions } from '../core/client-options.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';

/** The longest delay a timer can take (larger values fire at once in Node and browsers). */
export const MAX_TIMER_MS = 2_147_483_647;

const describe = (value: unknown): string =>
  typeof value === 'string' ? `a string (${JSON.stringify(value.slice(0, 40))})` : String(value);

/**
 * A duration in ms: a finite number above 0 that a timer can hold. `undefined` passes (the default applies).
 *
 * @example
 * ```ts
 * checkDuration('timeout', 30_000); // ok
 * checkDuration('pollInterval', Number.NaN); // throws InvalidArgumentError('pollInterval', …)
 * ```
 */
export function checkDuration(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value === 'number' && value > 0 && value <= MAX_TIMER_MS) return; // NaN fails `> 0`
  throw new InvalidArgumentError(name, `expected milliseconds > 0 and ≤ ${MAX_TIMER_MS}, got ${describe(value)}`);
}

/**
 * A count: a whole number ≥ 0 (`maxRetries: 0` turns retries off). `undefined` passes.
 *
 * @example
 * ```ts
 * checkCount('maxRetries', 3); // ok
 * checkCount('maxRetries', -1); // throws InvalidArgumentError('maxRetries', …)
 * ```
 */
export function checkCount(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return;
  throw new InvalidArgumentError(name, `expected a whole number ≥ 0, got ${describe(value)}`);
}

/**
 * `maxEventBytes`: a positive number of bytes (`Infinity` lifts the limit). `undefined` passes.
 *
 * @example
 * ```ts
 * checkMaxEventBytes(256 * 1024 * 1024); // ok
 * checkMaxEventBytes(0); // throws InvalidArgumentError('maxEventBytes', …)
 * ```
 */
export function checkMaxEventBytes(value: unknown): void {
  if (value === undefined || (typeof value === 'number' && value > 0)) return; // NaN fails `> 0`
  throw new InvalidArgumentError('maxEventBytes', `must be a positive number of bytes, got ${describe(value)}`);
}

const VALIDATE_MODES: ReadonlySet<unknown> = new Set(['off', 'warn', 'strict']);

/**
 * The options every method takes, checked on each call (a cheap test of a handful of fields).
 *
 * @example
 * ```ts
 * checkRequestOptions({ timeout: 5_000, maxRetries: 0 }); // ok
 * ```
 */
export function checkRequestOptions(options: RequestOptions | undefined): void {
  if (options === undefined) return;
  checkDuration('timeout', options.timeout);
  checkDuration('idleTimeout', options.idleTimeout);
  checkDuration('streamTimeout', options.streamTimeout);
  checkMaxEventBytes(options.maxEventBytes);
  checkCount('maxRetries', options.maxRetries);
  if (options.validate !== undefined && !VALIDATE_MODES.has(options.validate)) {
    throw new InvalidArgumentError('validate', `expected 'off', 'warn' or 'strict', got ${describe(options.validate)}`);
  }
  if (options.signal != null && typeof (options.signal as AbortSignal).addEventListener !== 'function') {
    throw new InvalidArgumentError('signal', 'expected an AbortSignal');
  }
  // fetch would throw quoting the value, which may be a credential.
  if (options.headers)
    for (const [name, value] of Object.entries(options.headers)) checkHeaderValue('headers', name, value);
}

/**
 * An API key that can travel in an `Authorization` header unchanged. A newline (a key read from a file), a control
 * character or a non-ASCII one (pasted with a typographic quote) would make fetch throw, quoting the key; leading or
 * trailing whitespace would be stripped on the wire, so the server would see another key. The message says where the
 * bad character is, never what the key is.
 *
 * @example
 * ```ts
 * checkApiKey('sk-api-…'); // ok
 * checkApiKey('sk-api-…\n'); // throws InvalidArgumentError('apiKey', 'contains a line break at position 42 …')
 * ```
 */
export function checkApiKey(key: unknown): void {
  if (typeof key !== 'string') throw new InvalidArgumentError('apiKey', `expected a string, got ${typeof key}`);
  const at = (i: number) => `at position ${i + 1} of ${key.length}`;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      throw new InvalidArgumentError('apiKey', `contains a line break ${at(i)} (a trailing newline from a file?)`);
    }
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      throw new InvalidArgumentError('apiKey', `contains the control character U+${hex} ${at(i)}`);
    }
    if (code > 0x7e) {
      throw new InvalidArgumentError('apiKey', `contains a non-ASCII character ${at(i)}`);
    }
  }
  if (/^[ \t]|[ \t]$/.test(key)) {
    throw new InvalidArgumentError('apiKey', 'starts or ends with whitespace, which HTTP would strip');
  }
}

/**
 * A header value fetch accepts as is (no line break, control or non-Latin-1 character), checked without quoting it.
 *
 * @example
 * ```ts
 * checkHeaderValue('defaultHeaders', 'X-Team', 'research'); // ok
 * ```
 */
export function checkHeaderValue(argument: string, name: string, value: unknown): void {
  if (typeof value !== 'string') return; // null removes a header, others are stringified by the merge
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || code > 0xff) {
      throw new InvalidArgumentError(
        argument,
        `the value of header ${JSON.stringify(name)} contains a character HTTP cannot carry, at position ${i + 1}`,
      );
    }
  }
}

/**
 * The base URL: an absolute `http(s)` URL without query or fragment (paths are appended to it), or, in a browser page
 * only, a path from the page's origin such as `/api/minimax`. Returned without trailing slashes.
 *
 * @example
 * ```ts
 * checkBaseURL('https://api.minimax.io/', 'baseURL'); // 'https://api.minimax.io'
 * checkBaseURL('api.minimax.io', 'baseURL'); // throws: no scheme
 * ```
 */
export function checkBaseURL(value: unknown, source: string): string {
  const name = source === 'baseURL' ? 'baseURL' : `baseURL (from ${source})`;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(name, `expected a URL such as "https://api.minimax.io", got ${describe(value)}`);
  }
  const url = value.trim().replace(/\/+$/, '');
  const shown = JSON.stringify(url.length > 100 ? `${url.slice(0, 100)}…` : url);
  if (url.startsWith('/') && !url.startsWith('//')) {
    if (hasPageOrigin()) return url;
    throw new InvalidArgumentError(name, `${shown} is a path; outside a browser page it needs a scheme and a host`);
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.host === '') {
    const scheme = /^(localhost|127\.|\[::1\])/.test(url) ? 'http' : 'https';
    throw new InvalidArgumentError(
      name,
      `expected an absolute http(s) URL, got ${shown} (no http:// or https:// scheme); did you mean "${scheme}://${url}"?`,
    );
  }
  if (parsed.search !== '' || parsed.hash !== '' || /[?#]/.test(url)) {
    throw new InvalidArgumentError(name, `${shown} has a query string or fragment (paths are appended to it)`);
  }
  return url;
}

function hasPageOrigin(): boolean {
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  return typeof location?.origin === 'string' && location.origin !== 'null';
}
