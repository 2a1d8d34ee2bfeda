/**
 * What every speech relay shares, whichever server mounts it (Node's `upgrade` event, `Deno.serve`, `Bun.serve`): its
 * options, their defaults, the checks made when it is created, which MiniMax endpoint a browser asked for, and the
 * authentication of each upgrade. The adapters differ only in how they accept the browser's socket.
 */

import { REGION_BASE_URLS, type Region } from '../core/client-options.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { readEnv } from '../internal/env.ts';
import { webSocketURL } from '../internal/websocket.ts';
import type { PipeOptions } from './relay-pipe.ts';
import { SPEECH_WS_PATHS } from './speech-ws-paths.ts';

/** The options every relay takes; `Req` is the server's request (`IncomingMessage` on Node, `Request` elsewhere). */
export interface RelayOptions<Req> {
  /**
   * Decides whether a browser may open a session (check a cookie, a session token in the URL, the origin…). Required:
   * a relay open to anyone spends your key for anyone.
   */
  authenticate: (req: Req) => boolean | Promise<boolean>;
  /** Defaults to `MINIMAX_API_KEY`. Never sent to the browser. */
  apiKey?: string | undefined;
  region?: Region | undefined;
  /** MiniMax's host (or a mock's). Defaults to the region's, or `MINIMAX_BASE_URL`. */
  baseURL?: string | undefined;
  /** Only upgrades for this path are handled (the others are left to the caller). Default `/speech`. */
  path?: string | undefined;
  /** Largest browser message, in bytes. Default 64 KiB (a `task_continue` of 10,000 characters fits). */
  maxMessageBytes?: number | undefined;
  /** Closes both sides after this long without a message either way, in ms. Default 60 000. */
  idleTimeout?: number | undefined;
  /** Closes both sides after this long in all, in ms. Default 30 minutes. */
  maxSessionMs?: number | undefined;
  /** Inspects or rewrites `task_start` (pin the model, allow some voices); throw to refuse the session. */
  onTaskStart?: ((event: Record<string, unknown>, req: Req) => unknown) | undefined;
}

/** A relay's resolved settings. */
export interface RelaySetup<Req> {
  path: string;
  maxMessageBytes: number;
  /** The session settings for an upgrade to `url` (`?endpoint=t2a_v2_bidi` picks the bidirectional endpoint). */
  pipe(url: URL, openUpstream: PipeOptions<Req>['openUpstream']): PipeOptions<Req>;
  /** 0 to accept the upgrade, else the HTTP status to refuse it with (401, or 500 when `authenticate` threw). */
  refusal(req: Req): Promise<0 | 401 | 500>;
}

/**
 * Checks the options (a relay without `authenticate` or a key is refused at once) and applies the defaults.
 *
 * @example
 * ```ts
 * const setup = relaySetup('createSpeechRelay', { authenticate: (req) => isLoggedIn(req) });
 * ```
 */
export function relaySetup<Req>(name: string, options: RelayOptions<Req>): RelaySetup<Req> {
  if (typeof options?.authenticate !== 'function') {
    throw new MiniMaxError(`${name} needs \`authenticate(req)\`: a relay open to anyone spends your key.`);
  }
  const apiKey = options.apiKey ?? readEnv('MINIMAX_API_KEY');
  if (!apiKey) throw new MiniMaxError(`${name}: no API key (pass \`apiKey\` or set MINIMAX_API_KEY).`);
  const baseURL = options.baseURL ?? readEnv('MINIMAX_BASE_URL') ?? REGION_BASE_URLS[options.region ?? 'global'];
  const maxMessageBytes = options.maxMessageBytes ?? 64 * 1024;
  return {
    path: options.path ?? '/speech',
    maxMessageBytes,
    pipe: (url, openUpstream) => ({
      upstreamURL: webSocketURL(
        baseURL,
        url.searchParams.get('endpoint') === 't2a_v2_bidi' ? SPEECH_WS_PATHS.bidirectional : SPEECH_WS_PATHS.single,
      ),
      apiKey,
      maxMessageBytes,
      idleTimeout: options.idleTimeout ?? 60_000,
      maxSessionMs: options.maxSessionMs ?? 30 * 60_000,
      onTaskStart: options.onTaskStart,
      openUpstream,
    }),
    refusal: (req) =>
      Promise.resolve()
        .then(() => options.authenticate(req))
        .then(
          (allowed) => (allowed ? 0 : 401),
          () => 500,
        ),
  };
}
