/**
 * The one WebSocket the SDK speaks through, whatever implementation carries it. MiniMax authenticates the upgrade with
 * `Authorization: Bearer` only, which a standard (browser) `WebSocket` cannot send, and a refused upgrade (HTTP 401,
 * its `Trace-Id`, its body) is invisible through the standard API. The `ws` package sends the header and reports the
 * refusal on Node 20–24, Bun and Deno alike (checked by scripts/ws-runtime-check.mjs), so it is the default; it is
 * imported only when a session opens (and never by a bundler), so importing the SDK never loads it. A standard `WebSocket` (a browser talking
 * to the relay, or one injected through the `webSocket` option) is the fallback.
 */

import type { Logger } from '../core/client-options.ts';
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
  const chosen = implementation ?? (await loadWs(request.logger)) ?? globalWebSocket();
  if (!chosen) {
    throw new MiniMaxError(
      'No WebSocket implementation: install the `ws` package or pass one as the `webSocket` client option.',
    );
  }
  return isWsClass(chosen) ? connectWs(chosen, request) : connectStandard(chosen as StandardWebSocketClass, request);
}

let wsModule: Promise<{ ws: WsClass | undefined; denied?: string }> | undefined;
let deniedWarned = false;

/**
 * `ws` reads `WS_NO_BUFFER_UTIL` and `WS_NO_UTF_8_VALIDATE` when it is imported, and Deno refuses a variable the
 * program was not granted with `NotCapable` (`PermissionDenied` before Deno 2): the import fails although `ws` is there.
 */
const DENO_PERMISSION_ERRORS = new Set(['NotCapable', 'PermissionDenied']);

/**
 * `ws`, loaded once on first use; `undefined` where it is missing or stubbed out (browser bundles map it to nothing).
 * Only a refusal by Deno's permissions is reported (once): everywhere else a missing `ws` is the expected browser case.
 */
async function loadWs(logger: Pick<Logger, 'warn'> | undefined): Promise<WsClass | undefined> {
  // Not a literal `import('ws')`: a single-file bundle of the client would inline `ws` and its Node builtins.
  wsModule ??= importAtRunTime<{ WebSocket?: unknown; default?: unknown }>('ws').then(
    (module: { WebSocket?: unknown; default?: unknown }) => {
      const candidate = module.WebSocket ?? module.default;
      return { ws: isWsClass(candidate) ? candidate : undefined };
    },
    (error: unknown) => {
      const name = (error as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || !DENO_PERMISSION_ERRORS.has(name)) return { ws: undefined };
      return { ws: undefined, denied: `${name}: ${(error as Error).message}` };
    },
  );
  const { ws, denied } = await wsModule;
  if (denied && !deniedWarned && logger) {
    deniedWarned = true;
    logger.warn(
      `The ws package could not be loaded (${denied}), so speech sessions use the global WebSocket, which cannot ` +
        'report a refused upgrade (its status, Trace-Id and body). On Deno, add ' +
        '--allow-env=WS_NO_BUFFER_UTIL,WS_NO_UTF_8_VALIDATE to the variables you grant.',
    );
  }
  return ws;
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
