/**
 * The two shapes of WebSocket the SDK can drive, adapted to {@link RealtimeSocket}: the `ws` package's event-emitter
 * API (headers, the refused upgrade's status and body, pings, a payload limit) and the standard `WebSocket` of
 * browsers, Node 22+, Bun and Deno (no status on a refused upgrade, no pings). The `ws` types are described here
 * structurally, so the SDK's declarations never require `@types/ws`.
 */

import type { RealtimeSocket, SocketRequest } from './websocket-types.ts';

type Listener = (...args: never[]) => void;

/** What the SDK uses of a `ws` WebSocket. */
export interface WsSocketLike {
  on(event: string, listener: Listener): unknown;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
}

/** The `ws` package's `WebSocket` class, or any class with its API. */
export type WsClass = new (
  url: string,
  options: { headers: Record<string, string>; maxPayload: number },
) => WsSocketLike;

/**
 * A standard `WebSocket` constructor. Its second parameter differs by runtime (the DOM's `protocols`, the
 * `{ headers }` extension of Node 22+, Bun and Deno), so it is left open here: typed as the DOM's, the global
 * `WebSocket` of a project with the DOM lib could not be passed as `webSocket`.
 */
export type StandardWebSocketClass = new (url: string, ...rest: never[]) => WebSocket;

/** The constructor as called here: with the `{ headers }` extension when there are headers. */
type HeaderedWebSocketClass = new (url: string, options?: { headers: Record<string, string> }) => WebSocket;

/** Tells `ws`'s class from a standard one by the methods only `ws` has. */
export function isWsClass(candidate: unknown): candidate is WsClass {
  const proto = (candidate as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  return typeof candidate === 'function' && typeof proto?.on === 'function' && typeof proto?.terminate === 'function';
}

interface NodeResponseLike {
  statusCode?: number;
  headers: Record<string, string | string[] | undefined>;
  on(event: string, listener: Listener): unknown;
  destroy(): void;
}

const MAX_REFUSAL_BODY = 16_384;

function flatHeaders(headers: NodeResponseLike['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const bytesOf = (data: unknown): Uint8Array => {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) {
    const parts = data as Uint8Array[];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
  return new Uint8Array(0);
};

/** Drives a `ws` socket. */
export function connectWs(WS: WsClass, { url, headers, maxPayload, handlers }: SocketRequest): RealtimeSocket {
  const socket = new WS(url, { headers, maxPayload });
  let upgradeHeaders: Record<string, string> = {};
  socket.on('upgrade', ((response: NodeResponseLike) => {
    upgradeHeaders = flatHeaders(response.headers);
  }) as Listener);
  socket.on('open', (() => handlers.onOpen(upgradeHeaders)) as Listener);
  socket.on('message', ((data: { toString(): string }, isBinary: boolean) => {
    handlers.onMessage(isBinary ? bytesOf(data) : data.toString());
  }) as Listener);
  socket.on('unexpected-response', ((_request: unknown, response: NodeResponseLike) => {
    // With this listener set, `ws` leaves the refused upgrade to us: read (a bounded part of) the body, then drop it.
    let body = '';
    let reported = false;
    const report = (): void => {
      if (reported) return;
      reported = true;
      handlers.onRefused(response.statusCode ?? 0, flatHeaders(response.headers), body);
      response.destroy();
      socket.terminate();
    };
    response.on('data', ((chunk: { toString(): string }) => {
      if (body.length < MAX_REFUSAL_BODY) body += chunk.toString().slice(0, MAX_REFUSAL_BODY - body.length);
    }) as Listener);
    response.on('end', report as Listener);
    response.on('close', report as Listener);
    response.on('error', report as Listener);
  }) as Listener);
  socket.on('error', ((error: unknown) => handlers.onError(error)) as Listener);
  socket.on('close', ((code: number, reason: { toString(): string }) =>
    handlers.onClose(code, reason?.toString() ?? '')) as Listener);
  return {
    send: (text) => socket.send(text),
    close: (code, reason) => socket.close(code, reason),
    terminate: () => socket.terminate(),
    ping: () => socket.ping(),
  };
}

/** Drives a standard `WebSocket`. Headers go in the non-standard options argument only when there are any. */
export function connectStandard(
  standard: StandardWebSocketClass,
  { url, headers, handlers }: SocketRequest,
): RealtimeSocket {
  const WS = standard as unknown as HeaderedWebSocketClass;
  // A browser reads a second argument as subprotocols, so an options object is passed only when there are headers.
  const socket = Object.keys(headers).length > 0 ? new WS(url, { headers }) : new WS(url);
  socket.binaryType = 'arraybuffer';
  socket.addEventListener('open', () => handlers.onOpen({}));
  socket.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    handlers.onMessage(typeof data === 'string' ? data : bytesOf(data));
  });
  socket.addEventListener('error', (event: Event) => {
    const message = (event as Event & { message?: string }).message;
    handlers.onError(new Error(message || 'WebSocket error (the standard WebSocket API gives no detail)'));
  });
  socket.addEventListener('close', (event: CloseEvent) => handlers.onClose(event.code, event.reason));
  const close = (code?: number, reason?: string): void => {
    try {
      socket.close(code, reason);
    } catch {
      socket.close(); // the standard API refuses codes outside 1000 and 3000–4999
    }
  };
  return { send: (text) => socket.send(text), close, terminate: () => close(1000), ping: undefined };
}
