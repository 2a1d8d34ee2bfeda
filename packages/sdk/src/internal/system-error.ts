/**
 * Reads the system error behind a failed fetch. fetch reports every network failure as a `TypeError("fetch failed")`
 * whose `cause` (sometimes an `AggregateError`, when several addresses were tried) carries the code: the retry policy
 * decides on that code, and a connection error names it, so "Connection error." becomes "Connection error:
 * ECONNREFUSED (connection refused) connecting to api.minimax.io".
 */

type WithCode = { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown };

/**
 * The first system error code (a string like `ECONNREFUSED`) found along the cause chain.
 *
 * @example
 * ```ts
 * systemErrorCode(new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ECONNREFUSED' }) }));
 * // 'ECONNREFUSED'
 * ```
 */
export function systemErrorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { code, cause, errors } = error as WithCode;
  if (typeof code === 'string' && code !== '') return code;
  if (Array.isArray(errors)) {
    // AggregateError: only trust a code every attempt agrees on.
    const codes = new Set(errors.map((inner) => systemErrorCode(inner, depth + 1)));
    if (codes.size === 1) return [...codes][0];
  }
  return systemErrorCode(cause, depth + 1);
}

/** What the common codes mean, in the words a user searches for. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed while sending',
  UND_ERR_SOCKET: 'the server closed the connection',
};
/** Failures of a connection already made: "talking to" the host rather than "connecting to" it. */
const AFTER_CONNECT = /^(ECONNRESET|EPIPE|UND_ERR_)/;
/** Certificate and TLS failures (`CERT_HAS_EXPIRED`, `ERR_TLS_CERT_ALTNAME_INVALID`, …): their message says which. */
const TLS = /CERT|TLS|SSL/;

/** The message of the innermost error along the cause chain (the most specific one). */
function innermostMessage(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { message, cause } = error as WithCode;
  const inner = innermostMessage(cause, depth + 1);
  return inner ?? (typeof message === 'string' && message !== '' ? message : undefined);
}

/**
 * The message of a connection error: the code and what it means (else the innermost message), and the host — never
 * the query string, which may hold signed parameters.
 *
 * @example
 * ```ts
 * connectionFailureMessage(fetchError, 'api.minimax.io');
 * // 'Connection error: ECONNREFUSED (connection refused) connecting to api.minimax.io'
 * ```
 */
export function connectionFailureMessage(cause: unknown, host: string | undefined): string {
  const code = systemErrorCode(cause);
  const detail = innermostMessage(cause)
    ?.replace(/(https?:\/\/[^\s?#]*)[?#]\S*/g, '$1')
    .slice(0, 160);
  let reason: string | undefined;
  if (code && REASONS[code]) reason = `${code} (${REASONS[code]})`;
  else if (code && TLS.test(code)) reason = `${code} (TLS: ${detail ?? 'certificate rejected'})`;
  else reason = [code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': ') || undefined;
  const where = host ? ` ${code && AFTER_CONNECT.test(code) ? 'talking to' : 'connecting to'} ${host}` : '';
  return reason ? `Connection error: ${reason}${where}` : `Connection error${where ? `:${where}` : '.'}`;
}
