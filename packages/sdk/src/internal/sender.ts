/**
 * The `client` the generated functions are called with: it sends what a generated function assembled with one
 * `fetch(url, init)`. Its own file so that the transport keeps to the retry loop and the reading of answers.
 */

import type { Client } from '@minimax-ts/generated';
import { MiniMaxError } from '../core/minimax-error.ts';
import { stringifyPlain } from './lossless-json.ts';
import type { GeneratedResult } from './operation.ts';
import type { UrlBuilder } from './url-builder.ts';

/** What the sender needs of the transport's configuration. */
export interface SenderConfig {
  baseURL: string;
  apiKey: string;
  fetch: typeof fetch;
  defaultHeaders: Record<string, string>;
  /**
   * The generated URL builder, for requests with a query or path parameters (see `url-builder.ts`); a client whose
   * endpoints have neither (`MiniMaxChat`) leaves it out.
   */
  buildUrl?: UrlBuilder | undefined;
}

/**
 * Sends the request a generated function assembled (URL, query, security, headers, body serialiser) with a single
 * `fetch(url, init)`. The generated client's own `request()` builds a `Request` first and hands that to fetch, which
 * clones it — the body piped through a new TransformStream — and that clone was ~30% of the CPU of a small call.
 * The request on the wire is the same: URL and query from the generated `buildUrl`, the client's headers, then the
 * operation's, a `null` header removed, `Authorization: Bearer` set for a bearer-secured operation, `Content-Type`
 * dropped when there is no body, the body from the operation's serialiser (JSON, as the generated client's default,
 * when it names none). A non-2xx answer's body is read into `error` as the generated client does (JSON if it parses,
 * else text).
 */
export function createSender(config: SenderConfig): Client {
  const clientHeaders = headerRecord(undefined, config.defaultHeaders);
  // Plain functions and one `.then`, not `async` ones: a call goes through here once, and each async layer costs a
  // promise and a microtask hop (the request overhead is measured against a bare `fetch`).
  const dispatch = (method: string, options: GeneratedRequest): Promise<GeneratedResult> => {
    const url = options.query || options.path ? urlOf(config, options) : `${config.baseURL}${options.url}`;
    const headers = headerRecord(clientHeaders, options.headers);
    if (isBearer(options.security)) headers.authorization = `Bearer ${config.apiKey}`;
    let body: unknown;
    if (options.body === undefined) delete headers['content-type'];
    else {
      const serializer = options.bodySerializer === undefined ? stringifyPlain : options.bodySerializer;
      body = serializer ? serializer(options.body) : options.body;
      if (body === '') {
        delete headers['content-type'];
        body = undefined;
      }
    }
    const init: RequestInit & { duplex?: 'half' } = { method, headers, redirect: 'follow' };
    if (body !== undefined && body !== null) init.body = body as BodyInit;
    if (options.signal) init.signal = options.signal;
    if (options.duplex) init.duplex = options.duplex;
    return Promise.resolve(config.fetch(url, init)).then(settle); // a custom fetch may return a plain value
  };
  return {
    get: (options: GeneratedRequest) => dispatch('GET', options),
    post: (options: GeneratedRequest) => dispatch('POST', options),
    delete: (options: GeneratedRequest) => dispatch('DELETE', options),
  } as unknown as Client;
}

const settle = (response: Response): GeneratedResult | Promise<GeneratedResult> =>
  response.ok ? { response } : readError(response);

/** A non-2xx answer's body, read into `error` as the generated client does (JSON if it parses, else its text). */
async function readError(response: Response): Promise<GeneratedResult> {
  const text = await response.text();
  let error: unknown = text;
  try {
    error = JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return { response, error: error || {} };
}

function isBearer(security: GeneratedRequest['security']): boolean {
  if (!security) return false;
  for (const scheme of security) if (scheme.scheme === 'bearer') return true;
  return false;
}

function urlOf(config: SenderConfig, options: GeneratedRequest): string {
  if (!config.buildUrl) {
    // Only a client built without the URL builder, for endpoints that need none, gets here: a bug, not a bad input.
    throw new MiniMaxError(`${options.url} has path or query parameters, which this client cannot send.`);
  }
  return config.buildUrl(options);
}

/** The options a generated function passes to `client.get/post` (its defaults merged with the transport's input). */
interface GeneratedRequest {
  url: string;
  security?: ReadonlyArray<{ scheme?: string }>;
  headers?: HeadersInit | Record<string, string | null | undefined> | undefined;
  body?: unknown;
  bodySerializer?: ((body: unknown) => unknown) | null;
  query?: Record<string, unknown>;
  path?: Record<string, unknown>;
  signal?: AbortSignal;
  duplex?: 'half';
}

type HeaderSource = HeadersInit | Record<string, string | readonly string[] | null | undefined | object> | undefined;

/**
 * Headers as a plain record with lower-case names (what fetch receives), merged like the generated `mergeHeaders`:
 * later sources win, `null` removes, `undefined` is skipped, an array appends, an object is sent as JSON.
 */
function headerRecord(base: Record<string, string> | undefined, source: HeaderSource): Record<string, string> {
  const out: Record<string, string> = base ? { ...base } : {};
  if (!source) return out;
  const entries: Iterable<[string, unknown]> = source instanceof Headers ? source : Object.entries(source);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (value === null) delete out[key];
    else if (Array.isArray(value)) {
      for (const item of value) out[key] = out[key] === undefined ? String(item) : `${out[key]}, ${item}`;
    } else if (value !== undefined) out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}
