/**
 * One relayed session, whatever server carries it: a browser's WebSocket on one side (the {@link RelayClient} an
 * adapter wraps: `ws` on Node, the standard server socket of Deno, Bun's handler object), MiniMax's on the other,
 * opened with the server's key. The browser's events are checked (JSON text, a known client event, within the size
 * limit) before they go up; MiniMax's go down unchanged. A refused upstream upgrade reaches the browser as a
 * `task_failed` event with MiniMax's code, so the browser client raises the same typed error a server-side session
 * would. Any failure, idle period or the session limit closes both sides; nothing is retried.
 */

import type { RealtimeSocket, SocketRequest } from '../internal/websocket-types.ts';

/** Client events the relay forwards; anything else closes the browser's socket (1008). */
const CLIENT_EVENTS: ReadonlySet<string> = new Set([
  'task_start',
  'task_continue',
  'task_finish',
  'task_cancel',
  'task_flush',
]);
/** Client events held while the upstream connection opens; a browser that sends more before it is open is cut off. */
const MAX_PENDING = 256;
/** MiniMax's frames are JSON text well under this; a larger one closes the session (the SDK's own session limit). */
const UPSTREAM_MAX_PAYLOAD = 64 * 1024 * 1024;

/** The browser's side of a session, as an adapter exposes it. Both calls must be safe once the socket is gone. */
export interface RelayClient {
  send(text: string): void;
  /** Closes with this code and reason (or drops the connection where it is not open). */
  close(code: number, reason: string): void;
}

/** What the adapter reports from the browser's socket to the session. */
export interface RelayClientEvents {
  /** A message: text, or bytes for a binary frame (refused). */
  message(data: string | Uint8Array): void;
  /** The browser's socket closed. */
  closed(): void;
  /** The browser's socket failed. */
  failed(): void;
  /** The server is going away: closes both sides (1001). */
  stop(): void;
}

export interface PipeOptions<Req> {
  upstreamURL: string;
  apiKey: string;
  maxMessageBytes: number;
  idleTimeout: number;
  maxSessionMs: number;
  onTaskStart: ((event: Record<string, unknown>, req: Req) => unknown) | undefined;
  /** Opens the upstream socket (`ws` on Node; `ws` or the standard `WebSocket` elsewhere). */
  openUpstream: (request: SocketRequest) => RealtimeSocket | Promise<RealtimeSocket>;
}

/**
 * Pipes `client` to a new upstream session until either side ends; the adapter feeds the returned events.
 *
 * @example
 * ```ts
 * const events = pipeSession({ send: (t) => ws.send(t), close: (c, r) => ws.close(c, r) }, req, options);
 * ws.on('message', (data) => events.message(String(data)));
 * ```
 */
export function pipeSession<Req>(client: RelayClient, req: Req, o: PipeOptions<Req>): RelayClientEvents {
  const pending: string[] = [];
  let upstream: RealtimeSocket | undefined;
  let upstreamOpen = false;
  let ended = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const limit = setTimeout(() => end(4000, 'relay: session time limit'), o.maxSessionMs);

  const end = (code: number, reason: string): void => {
    if (ended) return;
    ended = true;
    clearTimeout(idle);
    clearTimeout(limit);
    upstream?.terminate();
    client.close(code, reason);
  };
  const touch = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => end(4001, 'relay: idle timeout'), o.idleTimeout);
  };
  touch();

  const forward = async (text: string): Promise<void> => {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(text);
    } catch {
      return end(1007, 'relay: a client event must be JSON');
    }
    if (typeof event !== 'object' || event === null || !CLIENT_EVENTS.has(event.event as string)) {
      return end(1008, 'relay: unknown client event');
    }
    if (event.event === 'task_start' && o.onTaskStart) {
      try {
        event = ((await o.onTaskStart(event, req)) ?? event) as Record<string, unknown>;
      } catch {
        return end(1008, 'relay: task_start refused');
      }
      text = JSON.stringify(event);
    }
    if (ended) return;
    if (upstream && upstreamOpen) upstream.send(text);
    else if (pending.length < MAX_PENDING) pending.push(text);
    else end(1008, 'relay: too many events before the upstream opened');
  };

  const flush = (): void => {
    if (upstream && upstreamOpen) for (const text of pending.splice(0)) upstream.send(text);
  };
  const opened = Promise.resolve().then(() =>
    o.openUpstream({
      url: o.upstreamURL,
      headers: { authorization: `Bearer ${o.apiKey}` },
      maxPayload: UPSTREAM_MAX_PAYLOAD,
      handlers: {
        onOpen: () => {
          upstreamOpen = true;
          flush();
        },
        onMessage: (data) => {
          touch();
          if (typeof data === 'string' && !ended) client.send(data);
        },
        onRefused: (status, headers, body) => {
          if (!ended) client.send(JSON.stringify(refusal(status, headers, body)));
          end(1011, 'relay: upstream refused');
        },
        onError: () => end(1011, 'relay: upstream connection failed'),
        onClose: (code) => end(code === 1000 ? 1000 : 1011, code === 1000 ? '' : `relay: upstream closed (${code})`),
      },
    }),
  );
  opened.then(
    (socket) => {
      upstream = socket;
      if (ended) socket.terminate();
      else flush();
    },
    () => end(1011, 'relay: no WebSocket to reach MiniMax'),
  );

  // One at a time, in order: an asynchronous `onTaskStart` must not let a task_continue overtake its task_start.
  let queue = Promise.resolve();
  return {
    message(data) {
      if (ended) return;
      touch();
      if (typeof data !== 'string') return end(1003, 'relay: binary frames are not accepted');
      if (tooBig(data, o.maxMessageBytes)) return end(1009, 'relay: message too big');
      queue = queue.then(() => forward(data));
    },
    closed: () => end(1000, ''),
    failed: () => end(1011, 'relay: client error'),
    stop: () => end(1001, 'relay: closed'),
  };
}

/** The `task_failed` a browser gets for a refused upgrade, in MiniMax's terms (a 401 is a bad server key: 1004). */
function refusal(status: number, headers: Record<string, string>, body: string): Record<string, unknown> {
  let baseResp: unknown;
  try {
    baseResp = (JSON.parse(body) as { base_resp?: unknown }).base_resp;
  } catch {
    // not JSON
  }
  const fallback = {
    status_code: status === 401 ? 1004 : status === 429 ? 1002 : 1000,
    status_msg: `upstream refused the upgrade with HTTP ${status}`,
  };
  return { event: 'task_failed', trace_id: headers['trace-id'], base_resp: baseResp ?? fallback, relay_status: status };
}

/** Whether `text` is over `max` bytes in UTF-8, encoding it only when its length leaves that in doubt. */
function tooBig(text: string, max: number): boolean {
  if (text.length > max) return true; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= max) return false; // and at most three
  return new TextEncoder().encode(text).byteLength > max;
}
