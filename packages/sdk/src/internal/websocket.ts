/**
 * The one WebSocket the SDK speaks through, whatever implementation carries it. MiniMax authenticates the upgrade with
 * `Authorization: Bearer` only, which a standard (browser) `WebSocket` cannot send, and a refused upgrade (HTTP 401,
 * its `Trace-Id`, its body) is invisible through the standard API. The `ws` package sends the header and reports the
 * refusal on Node 20–24, Bun and Deno alike (checked by scripts/ws-runtime-check.mjs), so it is the default; it is
 * imported only when a session opens (and never by a bundler), so importing the SDK never loads it. A standard `WebSocket` (a browser talking
 * to the relay, or one injected through the `webSocket` option) is the fallback.
 */

import { MiniMaxError } from '../core/minimax-error.ts';
import { importAtRunTime } from './import-at-run-time.ts';
import {
  connectStandard,
  connectWs,
  isWsClass,
  type StandardWebSocketClass,
  type WsClass,
} from './websocket-adapters.ts';
import type { RealtimeSocket, SocketRequest } from './websocket-types.ts';

export type { RealtimeSocket, SocketHandlers, SocketRequest } from './websocket-types.ts';

/**
 * A WebSocket implementation for the `webSocket` option: the `ws` package's `WebSocket` class (or a compatible one),
 * or a standard `WebSocket` constructor that accepts `new WebSocket(url, { headers })` (Node 22+, Bun, Deno).
 */
export type WebSocketImplementation = WsClass | StandardWebSocketClass;

/**
 * Opens a socket with the given implementation, else `ws`, else the global `WebSocket`.
 *
 * @example
 * ```ts
 * const socket = await openSocket(undefined, { url: 'wss://api.minimax.io/ws/v1/t2a_v2', headers, maxPayload, handlers });
 * ```
 */
export async function openSocket(
  implementation: WebSocketImplementation | undefined,
  request: SocketRequest,
): Promise<RealtimeSocket> {
  const chosen = implementation ?? (await loadWs()) ?? globalWebSocket();
  if (!chosen) {
    throw new MiniMaxError(
      'No WebSocket implementation: install the `ws` package or pass one as the `webSocket` client option.',
    );
  }
  return isWsClass(chosen) ? connectWs(chosen, request) : connectStandard(chosen as StandardWebSocketClass, request);
}

let wsModule: Promise<WsClass | undefined> | undefined;

/** `ws`, loaded once on first use; `undefined` where it is missing or stubbed out (browser bundles map it to nothing). */
function loadWs(): Promise<WsClass | undefined> {
  // Not a literal `import('ws')`: a single-file bundle of the client would inline `ws` and its Node builtins.
  wsModule ??= importAtRunTime<{ WebSocket?: unknown; default?: unknown }>('ws').then(
    (module: { WebSocket?: unknown; default?: unknown }) => {
      const candidate = module.WebSocket ?? module.default;
      return isWsClass(candidate) ? candidate : undefined;
    },
    () => undefined,
  );
  return wsModule;
}

function globalWebSocket(): StandardWebSocketClass | undefined {
  const candidate = (globalThis as { WebSocket?: StandardWebSocketClass }).WebSocket;
  return typeof candidate === 'function' ? candidate : undefined;
}

/** `https://host` → `wss://host`, `http://` → `ws://`; a `ws(s)://` URL is kept. */
export function webSocketURL(baseURL: string, path: string): string {
  // Appended like the HTTP transport does, so a base URL with a path (a proxy at https://host/minimax) keeps it.
  const url = new URL(`${baseURL.replace(/\/+$/, '')}${path}`);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  return url.toString();
}
