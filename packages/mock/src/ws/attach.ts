/**
 * Serves MiniMax's speech WebSocket (`/ws/v1/t2a_v2`, `/ws/v1/t2a_v2_bidi`) on the HTTP mock's own port, through the
 * server's `upgrade` event. Authentication is checked at the upgrade, as MiniMax's AsyncAPI declares it (Bearer): a
 * missing or malformed `Authorization` is answered HTTP 401 with a native `base_resp` 1004 body and a `Trace-Id`
 * (MiniMax does not document whether a bad key is refused at the upgrade or by a `task_failed` after it, so both can
 * be played: `scenario=handshake_401`, or `scenario=auth` for `task_failed` 1004). Any token is accepted otherwise.
 */

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { readPrefs } from '../scenarios.ts';
import { newTraceId } from '../trace-id.ts';
import { MockSpeechSession } from './speech-ws-session.ts';
import { resolveWsScenario, WS_SCENARIO_NAMES, type WsScenario } from './ws-scenarios.ts';

export const SPEECH_WS_PATHS: Readonly<Record<string, boolean>> = {
  '/ws/v1/t2a_v2': false,
  '/ws/v1/t2a_v2_bidi': true,
};

export interface SpeechWsSettings {
  /** Delay before the first audio frame of each request, in ms. */
  firstAudioDelayMs: number;
  /** Delay between two audio frames, in ms. */
  chunkDelayMs: number;
  /** Idle time before the server closes with 2201, in ms. */
  idleTimeoutMs: number;
}

/** Largest client message the mock accepts (a `task_continue` of 10,000 characters is far below). */
const MAX_CLIENT_MESSAGE = 1024 * 1024;

/**
 * Handles WebSocket upgrades on `server` for the speech paths; other paths are refused with 404.
 *
 * @example
 * ```ts
 * attachSpeechWebSocket(server, { firstAudioDelayMs: 150, chunkDelayMs: 25, idleTimeoutMs: 120_000 }, shutdown.signal, log);
 * ```
 */
export function attachSpeechWebSocket(
  server: Server,
  settings: SpeechWsSettings,
  signal: AbortSignal,
  log: (line: string) => void,
): void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE });
  let sessions = 0;
  const traceIds = new WeakMap<IncomingMessage, string>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://mock.local');
    const bidirectional = SPEECH_WS_PATHS[url.pathname];
    const traceId = newTraceId();
    traceIds.set(req, traceId);
    if (bidirectional === undefined)
      return refuse(socket, 404, traceId, { type: 'mock_error', message: `no WebSocket at ${url.pathname}` });
    const headers = req.headers as Record<string, string | string[] | undefined>;
    const prefs = readPrefs(headers, url.searchParams);
    const raw = rawPrefs(headers.prefer, url.searchParams);
    let scenario: WsScenario | undefined;
    if (prefs.scenario) {
      scenario = resolveWsScenario(prefs.scenario, raw.get('at'));
      if (!scenario) {
        return refuse(socket, 400, traceId, {
          type: 'mock_error',
          message: `Unknown scenario "${prefs.scenario}". Known on the WebSocket: ${WS_SCENARIO_NAMES.join(', ')}`,
        });
      }
    }
    log(`WS ${url.pathname}${scenario ? ` [${prefs.scenario}]` : ''}`);
    if (scenario?.kind === 'reset') return void socket.destroy();
    if (!/^Bearer\s+\S+/i.test(String(headers.authorization ?? '')) || scenario?.kind === 'refuse') {
      const status = scenario?.kind === 'refuse' ? scenario.status : 401;
      return refuse(socket, status, traceId, refusalBody(status));
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new MockSpeechSession(ws, {
        bidirectional,
        traceId,
        sessionId: String(Date.now() * 1000 + (sessions++ % 1000)),
        scenario,
        firstAudioDelayMs: intPref(raw, 'first_audio') ?? settings.firstAudioDelayMs,
        chunkDelayMs: prefs.delayMs ?? settings.chunkDelayMs,
        idleTimeoutMs: intPref(raw, 'idle') ?? settings.idleTimeoutMs,
        signal,
      });
      session.start();
    });
  });
  // The 101 answer carries the same `Trace-Id` as the connection-level events.
  wss.on('headers', (headers: string[], req: IncomingMessage) =>
    headers.push(`Trace-Id: ${traceIds.get(req) ?? newTraceId()}`),
  );
}

/** A native `base_resp` where MiniMax has a code for the refusal (1004 key, 1002 rate limit), else a gateway's message. */
function refusalBody(status: number): unknown {
  if (status === 401) {
    return {
      base_resp: {
        status_code: 1004,
        status_msg: "login fail: Please carry the API secret key in the 'Authorization' field of the request header",
      },
    };
  }
  if (status === 429) return { base_resp: { status_code: 1002, status_msg: 'rate limit exceeded(RPM)' } };
  return { message: `upgrade refused with HTTP ${status}` };
}

/** Answers an upgrade with an HTTP error (what a refused WebSocket handshake looks like on the wire). */
function refuse(socket: Duplex, status: number, traceId: string, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Error'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
      `Trace-Id: ${traceId}\r\nAccess-Control-Expose-Headers: Trace-Id\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** The raw preference values (the WebSocket's own: `at`, `first_audio`, `idle`), query winning over `Prefer`. */
function rawPrefs(prefer: string | string[] | undefined, query: URLSearchParams): Map<string, string> {
  const raw = new Map<string, string>();
  for (const line of Array.isArray(prefer) ? prefer : prefer ? [prefer] : []) {
    for (const token of line.split(/[,;]/)) {
      const [key, ...rest] = token.split('=');
      if (key?.trim()) raw.set(key.trim().toLowerCase(), rest.join('=').trim());
    }
  }
  for (const [key, value] of query) if (key.startsWith('__')) raw.set(key.slice(2).toLowerCase(), value);
  return raw;
}

function intPref(raw: Map<string, string>, name: string): number | undefined {
  const value = raw.get(name);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
