/**
 * A tiny raw `node:http` server for faults the mock cannot play byte for byte: a reset before the headers, a reset
 * in the middle of a body, malformed or truncated JSON, a proxy's HTML page, a counted "fail N times, then answer".
 * It counts every request when its headers arrive, so a test asserts how many requests the *server* saw.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The raw request body (ids are checked digit for digit in it). */
  body: string;
}

/** Answers one request. `n` is the 1-based count of requests this route has seen, this one included. */
export type Handler = (req: IncomingMessage, res: ServerResponse, n: number, seen: SeenRequest) => void | Promise<void>;

export interface FaultServer {
  /** Base URL for the SDK's `baseURL`. */
  url: string;
  /** Requests seen for `'METHOD /path'` (all requests when omitted). */
  count(key?: string): number;
  readonly requests: readonly SeenRequest[];
  /** Stops listening and destroys every socket (hung requests included). */
  close(): Promise<void>;
}

let traceCounter = 0;

/** Starts a fault server on a free local port (or on `port`); routes are keyed `'METHOD /path'`, others get a 404. */
export async function startFaultServer(routes: Record<string, Handler> = {}, port = 0): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  const perRoute = new Map<string, number>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fault.local');
    const key = `${req.method} ${url.pathname}`;
    const n = (perRoute.get(key) ?? 0) + 1;
    perRoute.set(key, n);
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: '',
    };
    requests.push(seen);
    res.setHeader('Trace-Id', `fault-trace-${++traceCounter}`);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => {}); // the client may vanish mid-body: not the server's failure
    req.on('end', () => {
      seen.body = Buffer.concat(chunks).toString('utf8');
      const handler =
        routes[key] ?? ((_q, r) => json(r, { type: 'fault_server', message: `no route ${key}` }, { status: 404 }));
      Promise.resolve(handler(req, res, n, seen)).catch(() => res.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fault server has no TCP address');

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    count: (key) => (key === undefined ? requests.length : (perRoute.get(key) ?? 0)),
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

// ── Answers ────────────────────────────────────────────────────────────────────────────────────────────────────────

interface AnswerOptions {
  status?: number;
  headers?: Record<string, string>;
}

/** A JSON answer. `body` may be text, written as is (bare 18-digit ids, malformed JSON). */
export function json(res: ServerResponse, body: unknown, { status = 200, headers = {} }: AnswerOptions = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A native success body. */
export const OK = { base_resp: { status_code: 0, status_msg: 'success' } };

/** A native failure: HTTP 200 with a non-zero `base_resp`. */
export const baseResp = (code: number, message = `failure ${code}`) => ({
  base_resp: { status_code: code, status_msg: message },
});

/** Handler: answer this JSON. */
export const answer =
  (body: unknown, options?: AnswerOptions): Handler =>
  (_req, res) =>
    json(res, body, options);

/** Handler: the HTML page a proxy sends for a 5xx. */
export const htmlPage =
  (status: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    const text = `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;
    res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

/** Handler: drop the connection without a byte of answer. */
export const resetBeforeHeaders: Handler = (req) => {
  req.socket.destroy();
};

/** Handler: headers (with the full `Content-Length`) and half the body, then the connection drops. */
export const resetMidBody =
  (body: unknown): Handler =>
  (_req, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
  };

/** Resolves when the socket closes (the client gave up, or the server was closed). */
const untilClosed = (socket: Socket): Promise<void> =>
  new Promise<void>((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });

/** Handler: never answer (the headers never come). */
export const hang: Handler = (req) => untilClosed(req.socket);

/** Handler: headers, then silence. */
export const stallAfterHeaders: Handler = (req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.flushHeaders();
  return untilClosed(req.socket);
};

/** Handler: runs `effect` as the request arrives (e.g. the caller aborts now), then answers with `handler`. */
export const onArrival =
  (effect: () => void, handler: Handler): Handler =>
  (req, res, n, seen) => {
    effect();
    return handler(req, res, n, seen);
  };

/** Handler: request n gets `handlers[n - 1]`; the last one answers every request after that. */
export const sequence =
  (...handlers: Handler[]): Handler =>
  (req, res, n, seen) =>
    handlers[Math.min(n, handlers.length) - 1]!(req, res, n, seen);

/** Handler: `first` for the first `times` requests, then `then`. */
export const failTimes = (times: number, first: Handler, then: Handler): Handler =>
  sequence(...Array.from({ length: times }, () => first), then);

// ── Server-sent events ─────────────────────────────────────────────────────────────────────────────────────────────

export interface SSEPlan {
  /** Raw SSE text per event, e.g. `data: {...}\n\n`. */
  events: string[];
  /** Milliseconds between events. */
  delayMs?: number;
  /** After the events: end the body cleanly, drop the connection, or go silent. Default `'clean'`. */
  end?: 'clean' | 'reset' | 'stall';
  /** Raw bytes written just before the end (e.g. half an event). */
  tail?: string;
}

/** A `data:` event with this JSON. */
export const dataEvent = (data: unknown, event?: string): string =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/** Handler: a chunked `text/event-stream` answer played event by event. */
export const sse =
  ({ events, delayMs = 0, end = 'clean', tail }: SSEPlan): Handler =>
  async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    for (const event of events) {
      if (res.destroyed) return;
      await write(res, event);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    if (tail) await write(res, tail);
    if (end === 'clean') res.end();
    else if (end === 'reset') res.socket?.destroy();
    else await untilClosed(req.socket);
  };

function write(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) resolve();
    else res.write(text, () => resolve());
  });
}
