/**
 * Builds the one-line message of an API error. Support staff ask for the trace id and the failing
 * call, so both go in the message itself (it is often all that reaches a log). The URL is reduced to
 * its path and credentials are scrubbed before anything gets here.
 */

/** The parts a message is made of. */
export interface MessageParts {
  status?: number | undefined;
  code?: number | string | undefined;
  serverMessage?: string | undefined;
  /** Fallback text when the server said nothing (e.g. the code's documented meaning). */
  meaning?: string | undefined;
  method?: string | undefined;
  path?: string | undefined;
  traceId?: string | undefined;
  hint?: string | undefined;
}

/**
 * Formats e.g. `2049 invalid api key (POST /v1/t2a_v2, trace id 0459…)` or
 * `500 api_error: insufficient balance (1008) (POST /anthropic/v1/messages, HTTP 500, trace id …)`.
 *
 * @example
 * ```ts
 * formatErrorMessage({ status: 200, code: 1002, serverMessage: 'rate limit', method: 'POST', path: '/v1/t2a_v2' });
 * // '1002 rate limit (POST /v1/t2a_v2, HTTP 200)'
 * ```
 */
export function formatErrorMessage(parts: MessageParts): string {
  const { status, code, serverMessage, meaning, method, path, traceId, hint } = parts;
  const text = serverMessage || meaning || (status ? 'status code (no body)' : '(no status code or body)');
  let head: string;
  if (typeof code === 'number') head = `${code} ${text}`;
  else if (typeof code === 'string') head = `${status ?? ''} ${code}: ${text}`.trimStart();
  else head = status ? `${status} ${text}` : text;
  const where: string[] = [];
  if (method || path) where.push([method?.toUpperCase(), path].filter(Boolean).join(' '));
  // A numeric code already says what failed; still show the status, since "HTTP 200" surprises people.
  if (status !== undefined && typeof code === 'number') where.push(`HTTP ${status}`);
  if (traceId) where.push(`trace id ${traceId}`);
  const suffix = where.length > 0 ? ` (${where.join(', ')})` : '';
  return hint ? `${head}${suffix}. Hint: ${hint}` : `${head}${suffix}`;
}

const GLOBAL = 'https://api.minimax.io (global)';
const CHINA = 'https://api.minimaxi.com (cn)';
const REGION_OF_HOST: Readonly<Record<string, 'global' | 'cn'>> = {
  'api.minimax.io': 'global',
  'api.minimaxi.chat': 'global',
  'api.minimaxi.com': 'cn',
  'api.minimax.chat': 'cn',
};

/**
 * The hint attached to authentication errors. A key works only on its own region's host and the wrong
 * host answers "invalid api key", the most common complaint from MiniMax users.
 *
 * @example
 * ```ts
 * regionHint('api.minimax.io');
 * // 'this key may belong to the other region: https://api.minimax.io (global) vs https://api.minimaxi.com (cn); this request went to the global host'
 * ```
 */
export function regionHint(host: string | undefined): string {
  const base = `this key may belong to the other region: ${GLOBAL} vs ${CHINA}`;
  const region = host === undefined ? undefined : REGION_OF_HOST[host.toLowerCase()];
  return region ? `${base}; this request went to the ${region} host` : base;
}
