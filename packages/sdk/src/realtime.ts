/**
 * `@minimax-ts/sdk/realtime`: real-time speech in a browser, through a relay (`@minimax-ts/sdk/relay`) that holds the
 * API key. The same session as `mm.speech.connect()` — `send()`, `for await` audio, `finish()`, the same typed errors —
 * over the browser's own `WebSocket`; no key, no Node builtins, no `ws`.
 *
 * @example
 * ```ts
 * import { connectSpeechSession } from '@minimax-ts/sdk/realtime';
 * const session = await connectSpeechSession('wss://my.app/speech', { model: 'speech-2.8-turbo', voice_setting: { voice_id } });
 * session.send('Hello from the browser.');
 * const done = session.finish();
 * const audio = await session.collect();
 * ```
 */

import type { ValidationMode } from './core/client-options.ts';
import { InvalidArgumentError } from './core/invalid-argument-error.ts';
import type { WebSocketImplementation } from './internal/websocket.ts';
import type { SpeechSession } from './lib/speech-session.ts';
import { openSpeechSession } from './lib/speech-session-open.ts';
import type { SpeechSessionOptions, SpeechSessionParams } from './lib/speech-session-types.ts';

/** Options of {@link connectSpeechSession}: a session's options, plus the WebSocket to use. */
export interface RealtimeSessionOptions extends SpeechSessionOptions {
  /** Defaults to the global `WebSocket`. */
  webSocket?: WebSocketImplementation | undefined;
}

/**
 * Opens a speech session through a relay at `relayURL` (`ws://` or `wss://`, or `http(s)://`, converted).
 * `bidirectional: true` asks the relay for `/ws/v1/t2a_v2_bidi`.
 */
export function connectSpeechSession(
  relayURL: string | URL,
  params: SpeechSessionParams,
  options: RealtimeSessionOptions = {},
): Promise<SpeechSession> {
  let url: URL;
  try {
    url = new URL(String(relayURL), (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    return Promise.reject(new InvalidArgumentError('relayURL', `not a URL: ${JSON.stringify(String(relayURL))}`));
  }
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  if (params.bidirectional) url.searchParams.set('endpoint', 't2a_v2_bidi');
  const webSocket = options.webSocket ?? (globalThis as { WebSocket?: WebSocketImplementation }).WebSocket;
  return openSpeechSession(
    {
      baseURL: url.origin,
      url: url.toString(),
      apiKey: undefined,
      webSocket,
      timeout: 30_000,
      idleTimeout: 60_000,
      validate: 'off' as ValidationMode,
      logger: console,
      defaultHeaders: {},
    },
    params,
    options,
  );
}

export * from './core/errors.ts';
export type { SpeechSession } from './lib/speech-session.ts';
/**
 * The session code of `mm.speech.connect()`, for the client option of the same name: a bundled application (a
 * Worker, an edge function) passes it, since the client cannot load it at run time there. Not called directly.
 *
 * @example
 * ```ts
 * import { MiniMax } from '@minimax-ts/sdk';
 * import { openSpeechSession } from '@minimax-ts/sdk/realtime';
 * const mm = new MiniMax({ openSpeechSession });
 * ```
 */
export { openSpeechSession } from './lib/speech-session-open.ts';
export type {
  RealtimeConfig,
  SpeechSessionEvents,
  SpeechSessionFailure,
  SpeechSessionOpener,
  SpeechSessionOptions,
  SpeechSessionParams,
  SpeechSessionState,
  SpeechSessionSummary,
} from './lib/speech-session-types.ts';
