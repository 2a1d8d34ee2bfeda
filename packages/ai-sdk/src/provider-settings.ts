/**
 * What `createMiniMax` takes, and the one `MiniMax` client every model of a provider shares. The client is built on
 * first use, not at import: the default `minimax` instance must be importable in code that never calls it (tests,
 * builds without `MINIMAX_API_KEY`), and a missing key should fail the call that needs it.
 */

import { type ClientOptions, MiniMax, type RequestOptions } from '@minimax-ts/sdk';

/**
 * Options of {@link createMiniMax}: every option of the sdk's `new MiniMax(…)` (`apiKey`, `region`, `baseURL`,
 * `timeout`, `maxRetries`, `fetch`, `logger`, …), plus `headers` (the AI SDK providers' name for default headers) or an
 * existing `client` to reuse.
 *
 * @example
 * ```ts
 * const minimax = createMiniMax({ region: 'cn', maxRetries: 0 });
 * ```
 */
export interface MiniMaxProviderSettings extends ClientOptions {
  /** Headers sent with every request (merged over `defaultHeaders`). */
  headers?: Record<string, string> | undefined;
  /** An sdk client to use as is; the other options are then ignored. */
  client?: MiniMax | undefined;
}

/**
 * Returns a getter that builds the client once, on first call.
 *
 * @example
 * ```ts
 * const client = lazyClient({ apiKey: 'k' });
 * client().anthropic.messages.create(…);
 * ```
 */
export function lazyClient(settings: MiniMaxProviderSettings): () => MiniMax {
  const { client, headers, ...options } = settings;
  let built: MiniMax | undefined = client;
  return () => {
    built ??= new MiniMax({ ...options, defaultHeaders: { ...options.defaultHeaders, ...headers } });
    return built;
  };
}

/**
 * The sdk's per-request options from an AI SDK call: its abort signal and extra headers (`undefined` values dropped).
 *
 * @example
 * ```ts
 * requestOptions({ abortSignal: controller.signal, headers: { 'x-tag': 'a', 'x-none': undefined } });
 * // { signal: controller.signal, headers: { 'x-tag': 'a' } }
 * ```
 */
export function requestOptions(call: {
  abortSignal?: AbortSignal | undefined;
  headers?: Record<string, string | undefined> | undefined;
}): RequestOptions {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers ?? {})) if (value !== undefined) headers[name] = value;
  return {
    ...(call.abortSignal ? { signal: call.abortSignal } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

/**
 * The absolute URL of an endpoint on the client's host, for error reports.
 *
 * @example
 * ```ts
 * endpointURL(client, '/v1/t2a_v2'); // 'https://api.minimax.io/v1/t2a_v2'
 * ```
 */
export function endpointURL(client: MiniMax, path: string): string {
  return `${client.baseURL}${path}`;
}
