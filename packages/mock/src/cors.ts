/**
 * CORS for frontends running on another local port. Every origin is allowed (it is a local mock); preflights are
 * answered here and never reach the contract engine; `Trace-Id` and the other diagnostic headers are exposed so
 * browser code can read them like a server-side client would.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED = ['Trace-Id', 'Retry-After', 'sl-violations', 'X-Mock-Scenario', 'Content-Type', 'Content-Disposition'];
const DEFAULT_ALLOWED = ['Authorization', 'Content-Type', 'Prefer', 'X-Mock-Session', 'X-Api-Key', 'Anthropic-Version'];

/** Adds the CORS headers every answer carries. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED.join(', '));
}

export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/** Answers a preflight: whatever method and headers the browser asks for are allowed. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const asked = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': asked && asked.length > 0 ? asked : DEFAULT_ALLOWED.join(', '),
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  });
  res.end();
}
