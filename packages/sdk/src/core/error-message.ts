/**
 * Builds the one-line message of an API error. Support staff ask for the trace id and the failing
 * call, so both go in the message itself (it is often all that reaches a log). The URL is reduced to
 * its path and credentials are scrubbed before anything gets here.
 */

import { hostsOfRegion, type Region, regionOfHost } from './hosts.ts';

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

const REGION_NAME: Readonly<Record<Region, string>> = { global: 'global', cn: 'cn' };
const other = (region: Region): Region => (region === 'cn' ? 'global' : 'cn');
const listed = (region: Region): string => `${hostsOfRegion(region).join(', ')} (region '${REGION_NAME[region]}')`;

/**
 * The hint attached to authentication errors. A key works only on its own region's hosts and the other region's
 * hosts answer "invalid api key", the most common complaint from MiniMax users: the hint says which region the
 * request went to (every known host of both regions is recognised) and names the other region's hosts.
 *
 * @example
 * ```ts
 * regionHint('api.minimax.io');
 * // "this key may belong to the other region: this request went to a global host (api.minimax.io); a China key
 * //  works only on https://api.minimax.cn, https://api.minimaxi.com, https://api-bj.minimaxi.com (region 'cn')"
 * ```
 */
export function regionHint(host: string | undefined): string {
  const region = regionOfHost(host);
  const head = 'this key may belong to the other region';
  if (region === undefined) return `${head}: global keys work on ${listed('global')}, China keys on ${listed('cn')}`;
  const key = region === 'cn' ? 'an international (global) key' : 'a China key';
  return `${head}: this request went to a ${REGION_NAME[region]} host (${host!.toLowerCase()}); ${key} works only on ${listed(other(region))}`;
}
