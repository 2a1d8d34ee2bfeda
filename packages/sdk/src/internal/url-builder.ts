/**
 * The generated URL builder (`buildUrl`: path parameters and query string, serialised the way the spec declares
 * them), handed to the transport by the client that needs it. `MiniMax` passes it in; `MiniMaxChat`, whose one
 * endpoint has neither a path parameter nor a query, does not — so a single-file bundle of the chat entry leaves out
 * the generated client configuration and its path and query serialisers (~3 kB minified).
 */

import { buildUrl, createConfig } from '@minimax-ts/generated';

/** The parts of a generated request that make its URL. */
export interface UrlParts {
  url: string;
  query?: Record<string, unknown> | undefined;
  path?: Record<string, unknown> | undefined;
}

/** Builds the full URL of a request that has a query or path parameters. */
export type UrlBuilder = (parts: UrlParts) => string;

/**
 * A {@link UrlBuilder} for `baseURL`, through the generated client's own configuration and `buildUrl`.
 *
 * @example
 * ```ts
 * generatedUrlBuilder('https://api.minimax.io')({ url: '/v1/files/retrieve', query: { file_id: '42' } });
 * // 'https://api.minimax.io/v1/files/retrieve?file_id=42'
 * ```
 */
export function generatedUrlBuilder(baseURL: string): UrlBuilder {
  const config = createConfig({ baseUrl: baseURL });
  return (parts) => buildUrl({ ...config, ...parts } as never);
}
