/** Small node:http helpers: read a body, write JSON / HTML / bytes with a correct Content-Length. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Upload-sized: the real files API takes audio and video samples of several megabytes. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError' as const;
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string | number>,
): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'Content-Length': bytes.length });
  res.end(bytes);
}

export function sendJsonText(res: ServerResponse, status: number, json: string, headers: Record<string, string> = {}) {
  send(res, status, json, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  sendJsonText(res, status, JSON.stringify(value), headers);
}
