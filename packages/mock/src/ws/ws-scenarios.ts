/**
 * Failure scenarios of the speech WebSocket, asked for like the HTTP ones: `Prefer: scenario=<name>` on the upgrade
 * request, or `?__scenario=<name>` on the URL (a browser cannot set headers on a WebSocket). The names reuse the HTTP
 * mock's where the meaning carries over (`rate_limit`, `base_resp_<code>`, `stream_cut`, `stream_stall`,
 * `http_<status>`, `connection_reset`). Documented in the package README.
 */

import { BASE_RESP_ALIASES } from '../scenarios.ts';

export type WsScenario =
  /** The upgrade is answered with this HTTP status and a JSON body (a bad key: 401). */
  | { kind: 'refuse'; status: number }
  /** The TCP connection is dropped without an answer to the upgrade. */
  | { kind: 'reset' }
  /** `task_failed` with this code, in place of `task_started` (`start`) or halfway through the first audio. */
  | { kind: 'task_failed'; code: number; at: 'start' | 'audio' }
  /** The first `task_continue` is refused softly (2203/2204/2205): the session stays open. */
  | { kind: 'soft'; code: number }
  /** The connection drops (no close frame) halfway through the first audio. */
  | { kind: 'cut' }
  /** A close frame with this code halfway through the first audio. */
  | { kind: 'close'; code: number }
  /** Silence from halfway through the first audio on (the connection stays open). */
  | { kind: 'stall' }
  /** The `is_final` frame repeats the request's whole audio (as the HTTP stream's final event does). */
  | { kind: 'final_aggregate' }
  /** `task_finish` is answered by a plain close, without `task_finished`. */
  | { kind: 'no_task_finished' };

/** Codes that leave the session open (docs: speech-t2a-websocket, -bidi). */
export const SOFT_CODES: ReadonlySet<number> = new Set([2203, 2204, 2205]);
/** Codes that make more sense before any audio (the key, the parameters, the event order). */
const AT_START: ReadonlySet<number> = new Set([1004, 1008, 2013, 2049, 2202, 2206]);

/**
 * The scenario a name asks for; `undefined` for an unknown name.
 *
 * @example
 * ```ts
 * resolveWsScenario('rate_limit', undefined); // { kind: 'task_failed', code: 1002, at: 'audio' }
 * resolveWsScenario('handshake_401', undefined); // { kind: 'refuse', status: 401 }
 * ```
 */
export function resolveWsScenario(name: string, at: string | undefined): WsScenario | undefined {
  const fixed: Record<string, WsScenario> = {
    handshake_401: { kind: 'refuse', status: 401 },
    connection_reset: { kind: 'reset' },
    stream_cut: { kind: 'cut' },
    stream_stall: { kind: 'stall' },
    final_aggregate: { kind: 'final_aggregate' },
    no_task_finished: { kind: 'no_task_finished' },
  };
  if (fixed[name]) return fixed[name];
  const http = /^http_([45]\d\d)$/.exec(name);
  if (http) return { kind: 'refuse', status: Number(http[1]) };
  const close = /^close_(\d{4})$/.exec(name);
  if (close) return { kind: 'close', code: Number(close[1]) };
  const numbered = /^(?:base_resp|task_failed)_(\d+)$/.exec(name);
  const code = numbered ? Number(numbered[1]) : BASE_RESP_ALIASES[name];
  if (code === undefined) return undefined;
  if (SOFT_CODES.has(code)) return { kind: 'soft', code };
  const when = at === 'start' || at === 'audio' ? at : AT_START.has(code) ? 'start' : 'audio';
  return { kind: 'task_failed', code, at: when };
}

/** Every scenario name the WebSocket knows, for the error of an unknown one. */
export const WS_SCENARIO_NAMES = [
  'handshake_401',
  'http_<4xx|5xx>',
  'connection_reset',
  'stream_cut',
  'close_<code>',
  'stream_stall',
  'final_aggregate',
  'no_task_finished',
  'base_resp_<code> / task_failed_<code>',
  ...Object.keys(BASE_RESP_ALIASES),
];
