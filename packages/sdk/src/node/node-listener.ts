/**
 * `toNodeListener`: a fetch handler `(Request) => Promise<Response>` (the video callback handler, or any other) as a
 * `node:http` request listener, for Node's own server, Express, Fastify's raw mode or Koa's `app.callback()` slot.
 * The body streams into the handler chunk by chunk, so its size cap is enforced before the body is buffered; a body
 * the handler refused is discarded as it arrives and the connection closes after the answer. A body a framework has
 * already parsed (`req.body`) is handed over as it is.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Hop-by-hop headers belong to the connection, not to the request the handler sees. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te']);

/** A `node:http` request listener (also an Express/Connect middleware: a `next` argument is ignored). */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves a fetch-style handler from a Node `http` server.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createVideoCallbackHandler } from '@minimax-ts/sdk/callbacks';
 * import { toNodeListener } from '@minimax-ts/sdk/node';
 *
 * const handler = createVideoCallbackHandler({ confirm: { client: mm }, onEvent: (e) => console.log(e.status) });
 * createServer(toNodeListener(handler)).listen(8080);
 * // Express: app.post('/minimax/callback/:token', toNodeListener(handler)) — mount it before any body parser.
 * ```
 */
export function toNodeListener(handler: (request: Request) => Response | Promise<Response>): NodeRequestListener {
  if (typeof handler !== 'function') throw new TypeError('toNodeListener: expected a (Request) => Response handler');
  return (req, res) => {
    void serve(handler, req, res);
  };
}

async function serve(
  handler: (request: Request) => Response | Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  let response: Response;
  try {
    response = await handler(toRequest(req, gone.signal));
  } catch {
    response = new Response('{"error":{"type":"handler_error","message":"the request could not be handled"}}', {
      status: 500,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  }
  await write(response, req, res);
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : bodyOf(req, headers);
  return new Request(urlOf(req), {
    method,
    headers,
    signal,
    ...(body !== undefined && { body, duplex: 'half' }),
  } as RequestInit);
}

/** The URL as the client asked for it; a Host header that is not a host name falls back to `localhost`. */
function urlOf(req: IncomingMessage): string {
  const scheme = (req.socket as TLSSocket | undefined)?.encrypted ? 'https' : 'http';
  const path = req.url?.startsWith('/') ? req.url : `/${req.url ?? ''}`;
  for (const host of [req.headers.host, 'localhost']) {
    try {
      if (host) return new URL(`${scheme}://${host}${path}`).href;
    } catch {
      // Not a usable host: try the next.
    }
  }
  return new URL(path, 'http://localhost').href;
}

/**
 * The body: what a framework already parsed (`req.body`: bytes and text as they are, an object re-serialised, which
 * cannot restore an int64 id `JSON.parse` rounded — mount the listener before JSON body parsers), else the stream.
 */
function bodyOf(req: IncomingMessage, headers: Headers): BodyInit | undefined {
  const parsed = (req as { body?: unknown }).body;
  if (parsed !== undefined) {
    headers.delete('content-length');
    if (typeof parsed === 'string' || parsed instanceof Uint8Array) return parsed as BodyInit;
    return JSON.stringify(parsed);
  }
  return streamOf(req);
}

/**
 * The request stream as a web stream, pulled chunk by chunk. Cancelling it (the handler refused the body) discards
 * the rest as it arrives, without buffering it, so the client still reads the refusal.
 */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      pull: (controller) =>
        new Promise<void>((resolve) => {
          const done = (finish: () => void) => {
            req.off('readable', tryRead);
            req.off('end', onEnd);
            req.off('error', onError);
            req.off('close', onEnd);
            finish();
            resolve();
          };
          const tryRead = () => {
            const chunk = req.read() as Buffer | null;
            if (chunk !== null) {
              done(() => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
            } else if (req.readableEnded || req.destroyed) onEnd();
          };
          const onEnd = () => done(() => controller.close());
          const onError = (err: Error) => done(() => controller.error(err));
          req.on('readable', tryRead);
          req.once('end', onEnd);
          req.once('error', onError);
          req.once('close', onEnd);
          tryRead();
        }),
      cancel: () => {
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

async function write(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (res.destroyed || res.headersSent) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const bytes = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // A body left unread (refused) must not be read as the next request on this connection.
  if (!req.complete) headers.connection = 'close';
  if (bytes !== undefined) headers['content-length'] = String(bytes.byteLength);
  res.writeHead(response.status, headers);
  res.end(bytes);
}
