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

/** What the common codes mean, in the words a user searches for; the connect-phase ones say "connecting to". */
const REASONS: Readonly<Record<string, readonly [meaning: string, connecting: boolean]>> = {
  ECONNREFUSED: ['connection refused', true],
  ENOTFOUND: ['host not found', true],
  EAI_AGAIN: ['DNS lookup failed, temporarily', true],
  ETIMEDOUT: ['timed out', true],
  UND_ERR_CONNECT_TIMEOUT: ['connect timed out', true],
  EHOSTUNREACH: ['host unreachable', true],
  ENETUNREACH: ['network unreachable', true],
  ECONNRESET: ['connection reset by the server', false],
  EPIPE: ['connection closed while sending', false],
  UND_ERR_SOCKET: ['the server closed the connection', false],
  UND_ERR_CLOSED: ['the connection was closed', false],
  UND_ERR_HEADERS_OVERFLOW: ['response headers too large', false],
  CERT_HAS_EXPIRED: ['TLS: the certificate has expired', true],
  DEPTH_ZERO_SELF_SIGNED_CERT: ['TLS: self-signed certificate', true],
  SELF_SIGNED_CERT_IN_CHAIN: ['TLS: self-signed certificate in the chain', true],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: ['TLS: unable to verify the certificate', true],
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: ['TLS: unknown certificate issuer', true],
  ERR_TLS_CERT_ALTNAME_INVALID: ["TLS: the certificate does not match the host's name", true],
  EPROTO: ['TLS or protocol error', true],
};

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
  const known = code === undefined ? undefined : REASONS[code];
  let reason: string | undefined;
  if (code && known) reason = `${code} (${known[0]})`;
  else {
    const detail = innermostMessage(cause)
      ?.replace(/(https?:\/\/[^\s?#]*)[?#]\S*/g, '$1')
      .slice(0, 160);
    reason = [code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': ') || undefined;
  }
  const where = host ? ` ${known?.[1] === false ? 'talking to' : 'connecting to'} ${host}` : '';
  return reason ? `Connection error: ${reason}${where}` : `Connection error${where ? `:${where}` : '.'}`;
}
