/**
 * Errors for requests that got no (complete) answer: the connection failed, timed out, or the caller
 * aborted. They extend `APIError`, as in openai-node, so one `instanceof APIError` check covers every
 * failed call; their `status` is `undefined`.
 */

import { urlHost } from '../internal/redact.ts';
import { connectionFailureMessage } from '../internal/system-error.ts';
import { APIError } from './api-error.ts';

/** Options shared by the connection errors. */
export interface ConnectionErrorOptions {
  message?: string | undefined;
  cause?: unknown;
  method?: string | undefined;
  /** Only the path is kept. */
  url?: string | URL | undefined;
}

/**
 * The request never got a response: DNS failure, refused connection, reset socket, a stream cut off
 * mid-body. Without a message of its own, its message names the reason and the host, e.g.
 * `Connection error: ECONNREFUSED (connection refused) connecting to api.minimax.io (POST /v1/t2a_v2)`.
 *
 * @example
 * ```ts
 * if (err instanceof APIConnectionError) console.error('network problem:', err.cause);
 * ```
 */
export class APIConnectionError extends APIError {
  override readonly name: string = 'APIConnectionError';

  constructor({ message, cause, method, url }: ConnectionErrorOptions = {}) {
    super({ message: message ?? connectionFailureMessage(cause, urlHost(url)), cause, method, url });
  }
}

/**
 * The request, or a stream that stopped sending bytes, exceeded its timeout.
 *
 * @example
 * ```ts
 * if (err instanceof APITimeoutError) console.error('timed out; raise `timeout` or `idleTimeoutMs`');
 * ```
 */
export class APITimeoutError extends APIConnectionError {
  override readonly name = 'APITimeoutError' as const;

  constructor(options: ConnectionErrorOptions = {}) {
    super({ ...options, message: options.message ?? 'Request timed out.' });
  }
}

/**
 * The caller aborted the request through its `AbortSignal`.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1000);
 * try { await client.chat.create({ … }, { signal: controller.signal }); }
 * catch (err) { if (err instanceof APIUserAbortError) return; throw err; }
 * ```
 */
export class APIUserAbortError extends APIError {
  override readonly name = 'APIUserAbortError' as const;

  constructor({ message, cause, method, url }: ConnectionErrorOptions = {}) {
    super({ message: message ?? 'Request was aborted.', cause, method, url });
  }
}
