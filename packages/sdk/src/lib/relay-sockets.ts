/**
 * The browser's socket as the relay session sees it ({@link RelayClient}), for the servers that are not Node's: a
 * standard server-side `WebSocket` (Deno's `Deno.upgradeWebSocket`, a Workers-style `WebSocketPair` server socket)
 * and Bun's `ServerWebSocket`, which is driven by one handler object for the whole server instead of listeners. Both
 * are described structurally, so the SDK's declarations need neither Deno's nor Bun's types.
 */

import type { RelayClient, RelayClientEvents } from './relay-pipe.ts';

/** What the relay uses of a standard server-side `WebSocket` (Deno's, or any with the WHATWG API). */
export interface StandardServerSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
}

/** What the relay uses of Bun's `ServerWebSocket`: the data given to `server.upgrade()`, `send`, `close`. */
export interface BunSocketLike {
  readonly data: unknown;
  send(data: string): unknown;
  close(code?: number, reason?: string): void;
}

/** Starts a session for a client; the relay's live sessions are tracked through it. */
export type StartSession = (client: RelayClient) => RelayClientEvents;

const OPEN = 1;

/** Closes with the code where the implementation allows it (a browser-like one refuses 1003, 1008…), else plainly. */
function closeStandard(socket: { close(code?: number, reason?: string): void }, code: number, reason: string): void {
  try {
    socket.close(code, reason);
  } catch {
    try {
      socket.close();
    } catch {
      // already closed
    }
  }
}

/**
 * Relays a standard server socket: the session starts once it is open (Deno opens it after the 101 response is
 * returned; a Workers-style socket is open once accepted).
 *
 * @example
 * ```ts
 * const { socket, response } = Deno.upgradeWebSocket(request);
 * relayStandardSocket(socket, (client) => pipeSession(client, request, options));
 * return response;
 * ```
 */
export function relayStandardSocket(socket: StandardServerSocket, start: StartSession): void {
  let events: RelayClientEvents | undefined;
  const begin = (): void => {
    events ??= start({
      send: (text) => {
        if (socket.readyState === OPEN) socket.send(text);
      },
      close: (code, reason) => closeStandard(socket, code, reason),
    });
  };
  if (socket.readyState === OPEN) begin();
  else socket.addEventListener('open', begin);
  socket.addEventListener('message', (event) =>
    events?.message(typeof event.data === 'string' ? event.data : new Uint8Array(0)),
  );
  socket.addEventListener('close', () => events?.closed());
  socket.addEventListener('error', () => events?.failed());
}

/** The data the relay gives `server.upgrade()`; Bun hands it back as `ws.data` in every handler. */
export interface BunRelayData {
  speechRelay: { start: StartSession; events?: RelayClientEvents | undefined };
}

const relayDataOf = (ws: BunSocketLike): BunRelayData['speechRelay'] | undefined =>
  (ws.data as Partial<BunRelayData> | null | undefined)?.speechRelay;

/** Bun's `websocket` handler object for relayed sockets (`Bun.serve({ websocket })`). */
export interface BunRelayWebSocketHandler {
  /** Bun closes a socket whose message is larger with 1009, before the relay sees it. */
  readonly maxPayloadLength: number;
  open(ws: BunSocketLike): void;
  message(ws: BunSocketLike, message: string | Uint8Array): void;
  close(ws: BunSocketLike, code: number, reason: string): void;
}

/**
 * The handler object that runs a session per socket upgraded by the relay. A socket upgraded by someone else is
 * closed (1011): a server with other WebSockets dispatches to this handler only the relay's (`ws.data.speechRelay`).
 *
 * @example
 * ```ts
 * Bun.serve({ fetch, websocket: bunRelayHandler(64 * 1024) });
 * ```
 */
export function bunRelayHandler(maxPayloadLength: number): BunRelayWebSocketHandler {
  return {
    maxPayloadLength,
    open(ws) {
      const relay = relayDataOf(ws);
      if (!relay) return closeStandard(ws, 1011, 'relay: not a relayed socket');
      let open = true;
      relay.events = relay.start({
        send: (text) => {
          if (open) ws.send(text);
        },
        close: (code, reason) => {
          if (!open) return;
          open = false;
          closeStandard(ws, code, reason);
        },
      });
    },
    message(ws, message) {
      relayDataOf(ws)?.events?.message(typeof message === 'string' ? message : new Uint8Array(0));
    },
    close(ws) {
      relayDataOf(ws)?.events?.closed();
    },
  };
}
