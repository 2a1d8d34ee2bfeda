/**
 * node:http ⇄ fetch: turns an `IncomingMessage` into a `Request` for the mock core and writes the core's `Response`
 * back to the `ServerResponse`. Live bodies get their headers at once and each chunk is flushed before the next is
 * read (so a cut scenario's half event really leaves the process before the socket is destroyed); a network-error
 * response (`connection_reset`) or an errored body drops the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockApp, MockEnv } from './app.ts';
import { isLive } from './responses.ts';

/** Hop-by-hop headers belong to this connection, not to the request the core sees. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te']);

export async function serveNode(app: MockApp, env: MockEnv, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const response = await app.fetch(toRequest(req, env.baseUrl, gone.signal), env);
  await writeResponse(response, req, res);
}

function toRequest(req: IncomingMessage, baseUrl: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Only the path and query come from the client; the origin is the server's own (never the Host header).
  const target = new URL(req.url ?? '/', 'http://mock.invalid');
  return new Request(new URL(`${target.pathname}${target.search}`, baseUrl), {
    method,
    headers,
    signal,
    ...(hasBody && { body: bodyOf(req), duplex: 'half' }),
  } as RequestInit);
}

/**
 * The request body as a web stream, pulled chunk by chunk. Cancelling it (the core refused the body) discards the
 * rest as it arrives, without buffering it, and leaves the socket open so the client reads the refusal.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
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
            if (chunk !== null)
              done(() => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
            else if (req.readableEnded || req.destroyed) onEnd();
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

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  if (res.destroyed) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const live = isLive(response);
  if (live) res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.once('close', stop);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      await (live ? flushed(res, value) : res.write(value));
    }
    res.end();
  } catch {
    // The body broke (a cut scenario, or the host shut down): the client sees the connection drop mid-body.
    res.socket?.destroy();
  } finally {
    res.off('close', stop);
  }
}

/** Writes and waits until the bytes left the process, so a following `destroy()` cannot swallow them. */
function flushed(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      res.off('close', done);
      resolve();
    };
    res.once('close', done);
    res.write(chunk, done);
  });
}
