/**
 * `@minimax-ts/sdk/relay/fetch`: the speech relay of `@minimax-ts/sdk/relay` for servers built on `Request` and
 * `Response` — Deno (`Deno.serve` + `Deno.upgradeWebSocket`), Bun (`Bun.serve` + `server.upgrade` and its `websocket`
 * handler object), and any server that hands over a standard server-side `WebSocket`. Same guarantees, same session
 * core: `authenticate` is required, the key goes only upstream, only the five client events go up, a refused
 * upstream upgrade reaches the browser as MiniMax's error. No Node builtin and no static `ws` import, so it bundles
 * for edge runtimes; upstream it uses `ws` where it loads at run time (its refusal details), else the runtime's
 * `WebSocket` with the `{ headers }` extension (Node 22+, Bun, Deno).
 */

import { openSocket, type WebSocketImplementation } from './internal/websocket.ts';
import type { SocketRequest } from './internal/websocket-types.ts';
import { type RelayOptions, relaySetup } from './lib/relay-options.ts';
import { pipeSession, type RelayClient, type RelayClientEvents } from './lib/relay-pipe.ts';
import {
  type BunRelayData,
  type BunRelayWebSocketHandler,
  bunRelayHandler,
  relayStandardSocket,
  type StandardServerSocket,
} from './lib/relay-sockets.ts';

export type {
  BunRelayData,
  BunRelayWebSocketHandler,
  BunSocketLike,
  StandardServerSocket,
} from './lib/relay-sockets.ts';

/** Options of {@link createFetchSpeechRelay}: those of `createSpeechRelay`, with the `Request` as the request. */
export interface FetchSpeechRelayOptions extends RelayOptions<Request> {
  /**
   * The WebSocket that reaches MiniMax. Defaults to `ws` where it can be loaded at run time (Node, Bun, Deno with
   * `--allow-env=WS_NO_BUFFER_UTIL,WS_NO_UTF_8_VALIDATE`), else the global `WebSocket`, which must accept
   * `{ headers }` and cannot say why an upgrade was refused (the browser then sees a closed connection).
   */
  webSocket?: WebSocketImplementation | undefined;
}

/** What Deno's `upgradeWebSocket(request)` returns: the server socket, and the 101 response to hand back. */
export interface AcceptedWebSocket {
  socket: StandardServerSocket;
  response: Response;
}

/** What the relay uses of Bun's `Server`. */
export interface BunServerLike {
  upgrade(request: Request, options: { data: BunRelayData }): boolean;
}

/** A relay for fetch-style servers. */
export interface FetchSpeechRelay {
  /**
   * Handles a request with a standard server socket: `undefined` (at once) when the path is not the relay's, else
   * the response to return — 401 when `authenticate` refuses, 426 for a plain HTTP request, or `accept()`'s 101.
   */
  handleRequest(request: Request, accept: () => AcceptedWebSocket): Promise<Response> | undefined;
  /**
   * Handles a request on Bun: `undefined` (at once) when the path is not the relay's, else a promise of the response
   * to return — `undefined` once `server.upgrade()` took the request (Bun's convention), or a refusal.
   */
  handleBunRequest(request: Request, server: BunServerLike): Promise<Response | undefined> | undefined;
  /** The `websocket` handler object to give `Bun.serve` (it runs the sessions `handleBunRequest` upgraded). */
  readonly bunWebSocket: BunRelayWebSocketHandler;
  /** Closes every relayed session (1001). */
  close(): void;
}

/**
 * Creates the relay. The browser picks the endpoint with `?endpoint=t2a_v2_bidi` (default `t2a_v2`).
 *
 * @example
 * ```ts
 * const relay = createFetchSpeechRelay({ authenticate: (req) => isLoggedIn(req) });
 * // Deno
 * Deno.serve((req) => relay.handleRequest(req, () => Deno.upgradeWebSocket(req)) ?? app(req));
 * // Bun
 * Bun.serve({ fetch: (req, server) => relay.handleBunRequest(req, server) ?? app(req), websocket: relay.bunWebSocket });
 * ```
 */
export function createFetchSpeechRelay(options: FetchSpeechRelayOptions): FetchSpeechRelay {
  const setup = relaySetup('createFetchSpeechRelay', options);
  const sessions = new Set<RelayClientEvents>();
  const openUpstream = (request: SocketRequest) => openSocket(options.webSocket, { ...request, logger: console });

  /** Starts a session on `client` for `request`, tracked until it ends. */
  const starter =
    (request: Request, url: URL) =>
    (client: RelayClient): RelayClientEvents => {
      const tracked: RelayClient = {
        send: client.send,
        close: (code, reason) => {
          sessions.delete(events);
          client.close(code, reason);
        },
      };
      const events = pipeSession(tracked, request, setup.pipe(url, openUpstream));
      sessions.add(events);
      return events;
    };

  /** The relay's URL for `request`, or undefined when it is for another path. */
  const relayURL = (request: Request): URL | undefined => {
    const url = new URL(request.url);
    return url.pathname === setup.path ? url : undefined;
  };

  /** Authenticates, then upgrades with `upgrade` (its response, or undefined once Bun took the request). */
  const handle = async <R>(request: Request, upgrade: () => R): Promise<R | Response> => {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('This is a WebSocket endpoint.', { status: 426, headers: { upgrade: 'websocket' } });
    }
    const status = await setup.refusal(request);
    if (status !== 0) return new Response(null, { status });
    try {
      return upgrade();
    } catch {
      return new Response('Not a valid WebSocket upgrade.', { status: 400 });
    }
  };

  return {
    handleRequest(request, accept) {
      const url = relayURL(request);
      if (!url) return undefined;
      return handle(request, () => {
        const { socket, response } = accept();
        relayStandardSocket(socket, starter(request, url));
        return response;
      });
    },
    handleBunRequest(request, server) {
      const url = relayURL(request);
      if (!url) return undefined;
      return handle(request, () => {
        const upgraded = server.upgrade(request, { data: { speechRelay: { start: starter(request, url) } } });
        return upgraded ? undefined : new Response('Not a valid WebSocket upgrade.', { status: 400 });
      });
    },
    bunWebSocket: bunRelayHandler(setup.maxMessageBytes),
    close() {
      for (const events of [...sessions]) events.stop();
    },
  };
}
