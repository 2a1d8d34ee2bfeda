/**
 * CORS for frontends running on another local port. Every origin is allowed (it is a local mock); preflights are
 * answered here and never reach the contract engine; `Trace-Id` and the other diagnostic headers are exposed so
 * browser code can read them like a server-side client would.
 */

const EXPOSED = ['Trace-Id', 'Retry-After', 'sl-violations', 'X-Mock-Scenario', 'Content-Type', 'Content-Disposition'];
const DEFAULT_ALLOWED = ['Authorization', 'Content-Type', 'Prefer', 'X-Mock-Session', 'X-Api-Key', 'Anthropic-Version'];

/** Adds the CORS headers every answer carries. */
export function applyCors(request: Request, headers: Headers): void {
  const origin = request.headers.get('origin');
  headers.set('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) headers.append('Vary', 'Origin');
  headers.set('Access-Control-Expose-Headers', EXPOSED.join(', '));
}

export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/** Answers a preflight: whatever method and headers the browser asks for are allowed. */
export function answerPreflight(request: Request): Response {
  const asked = request.headers.get('access-control-request-headers');
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': asked && asked.length > 0 ? asked : DEFAULT_ALLOWED.join(', '),
      'Access-Control-Max-Age': '600',
      'Content-Length': '0',
    },
  });
}
