/**
 * `@minimax-ts/sdk/relay`: a WebSocket relay a Node backend mounts so that browsers stream speech without the API key.
 * MiniMax authenticates its speech WebSocket with `Authorization: Bearer` only, which a browser cannot send, and no
 * MiniMax source documents a browser credential: the browser connects here (authenticated however the backend wants),
 * the relay opens the MiniMax session with the server's key and pipes events both ways. Pair it with the browser
 * client, `connectSpeechSession` from `@minimax-ts/sdk/realtime`.
 */

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { REGION_BASE_URLS, type Region } from '../core/client-options.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { readEnv } from '../internal/env.ts';
import { webSocketURL } from '../internal/websocket.ts';
import { SPEECH_WS_PATHS } from '../lib/speech-session-open.ts';
import { type PipeOptions, pipeSession } from './relay-pipe.ts';

/** Options of {@link createSpeechRelay}. */
export interface SpeechRelayOptions {
  /**
   * Decides whether a browser may open a session (check a cookie, a session token in the URL, the origin…). Required:
   * a relay open to anyone spends your key for anyone.
   */
  authenticate: (req: IncomingMessage) => boolean | Promise<boolean>;
  /** Defaults to `MINIMAX_API_KEY`. Never sent to the browser. */
  apiKey?: string | undefined;
  region?: Region | undefined;
  /** MiniMax's host (or a mock's). Defaults to the region's, or `MINIMAX_BASE_URL`. */
  baseURL?: string | undefined;
  /** Only upgrades for this path are handled (`handleUpgrade` returns false for others). Default `/speech`. */
  path?: string | undefined;
  /** Largest browser message, in bytes. Default 64 KiB (a `task_continue` of 10,000 characters fits). */
  maxMessageBytes?: number | undefined;
  /** Closes both sides after this long without a message either way, in ms. Default 60 000. */
  idleTimeout?: number | undefined;
  /** Closes both sides after this long in all, in ms. Default 30 minutes. */
  maxSessionMs?: number | undefined;
  /** Inspects or rewrites `task_start` (pin the model, allow some voices); throw to refuse the session. */
  onTaskStart?: ((event: Record<string, unknown>, req: IncomingMessage) => unknown) | undefined;
}

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
  if (typeof options?.authenticate !== 'function') {
    throw new MiniMaxError('createSpeechRelay needs `authenticate(req)`: a relay open to anyone spends your key.');
  }
  const apiKey = options.apiKey ?? readEnv('MINIMAX_API_KEY');
  if (!apiKey) throw new MiniMaxError('createSpeechRelay: no API key (pass `apiKey` or set MINIMAX_API_KEY).');
  const baseURL = options.baseURL ?? readEnv('MINIMAX_BASE_URL') ?? REGION_BASE_URLS[options.region ?? 'global'];
  const path = options.path ?? '/speech';
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 64 * 1024 });
  const pipe = (endpoint: string): PipeOptions => ({
    upstreamURL: webSocketURL(baseURL, endpoint),
    apiKey,
    idleTimeout: options.idleTimeout ?? 60_000,
    maxSessionMs: options.maxSessionMs ?? 30 * 60_000,
    upstreamMaxPayload: 64 * 1024 * 1024,
    onTaskStart: options.onTaskStart,
    WebSocket,
  });

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://relay.local');
      if (url.pathname !== path) return false;
      socket.on('error', () => socket.destroy());
      const endpoint =
        url.searchParams.get('endpoint') === 't2a_v2_bidi' ? SPEECH_WS_PATHS.bidirectional : SPEECH_WS_PATHS.single;
      Promise.resolve()
        .then(() => options.authenticate(req))
        .then(
          (allowed) => {
            if (!allowed) return refuse(socket, 401);
            wss.handleUpgrade(req, socket, head, (client) => pipeSession(client, req, pipe(endpoint)));
          },
          () => refuse(socket, 500),
        );
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
