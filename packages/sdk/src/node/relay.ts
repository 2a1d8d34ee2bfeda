/**
 * `@minimax-ts/sdk/relay`: a WebSocket relay a Node backend mounts so that browsers stream speech without the API key.
 * MiniMax authenticates its speech WebSocket with `Authorization: Bearer` only, which a browser cannot send, and no
 * MiniMax source documents a browser credential: the browser connects here (authenticated however the backend wants),
 * the relay opens the MiniMax session with the server's key and pipes events both ways. Pair it with the browser
 * client, `connectSpeechSession` from `@minimax-ts/sdk/realtime`. This is the adapter for a Node `http.Server`'s
 * `upgrade` event (through `ws`); `@minimax-ts/sdk/relay/fetch` mounts the same relay on Deno, Bun and fetch-style
 * servers.
 */

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { connectWs, type WsClass } from '../internal/websocket-adapters.ts';
import type { SocketRequest } from '../internal/websocket-types.ts';
import { type RelayOptions, relaySetup } from '../lib/relay-options.ts';
import { pipeSession } from '../lib/relay-pipe.ts';

/** Options of {@link createSpeechRelay}. */
export interface SpeechRelayOptions extends RelayOptions<IncomingMessage> {}

/** A mounted relay. */
export interface SpeechRelay {
  /** Handles one `upgrade` event; false when the path is not the relay's (the caller handles or refuses it). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every relayed session. */
  close(): void;
}

/**
 * Creates the relay. The browser picks the endpoint with `?endpoint=t2a_v2_bidi` (default `t2a_v2`).
 *
 * @example
 * ```ts
 * const relay = createSpeechRelay({ authenticate: (req) => isLoggedIn(req) });
 * server.on('upgrade', (req, socket, head) => {
 *   if (!relay.handleUpgrade(req, socket, head)) socket.destroy();
 * });
 * ```
 */
export function createSpeechRelay(options: SpeechRelayOptions): SpeechRelay {
  const setup = relaySetup('createSpeechRelay', options);
  const wss = new WebSocketServer({ noServer: true, maxPayload: setup.maxMessageBytes });
  const openUpstream = (request: SocketRequest) => connectWs(WebSocket as unknown as WsClass, request);

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://relay.local');
      if (url.pathname !== setup.path) return false;
      socket.on('error', () => socket.destroy());
      void setup.refusal(req).then((status) => {
        if (status !== 0) return refuse(socket, status);
        wss.handleUpgrade(req, socket, head, (client) => {
          const events = pipeSession(
            {
              send: (text) => {
                if (client.readyState === client.OPEN) client.send(text);
              },
              close: (code, reason) => {
                if (client.readyState === client.OPEN) client.close(code, reason);
                else client.terminate();
              },
            },
            req,
            setup.pipe(url, openUpstream),
          );
          client.on('message', (data, isBinary) => events.message(isBinary ? new Uint8Array(0) : String(data)));
          client.on('close', events.closed);
          client.on('error', events.failed);
        });
      });
      return true;
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

function refuse(socket: Duplex, status: number): void {
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Error'}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
  );
}
