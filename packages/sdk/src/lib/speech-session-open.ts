/**
 * Opens a speech session: upgrade with `Authorization: Bearer` (when there is a key), wait for `connected_success`,
 * send `task_start`, resolve once `task_started` arrives. Loaded by a dynamic import when the first session opens, so
 * neither this code nor `ws` is part of importing the SDK. Used by `mm.speech.connect()` and by the browser client
 * (`@minimax-ts/sdk/realtime`, which talks to a relay and has no key).
 */

import { APITimeoutError } from '../core/connection-errors.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { errorForAbort } from '../internal/abort-error.ts';
import { validationFor } from '../internal/validation.ts';
import { openSocket, webSocketURL } from '../internal/websocket.ts';
import type { RealtimeSocket } from '../internal/websocket-types.ts';
import { SpeechSession } from './speech-session.ts';
import { closedError, refusedError, type SessionRequest, transportError } from './speech-session-errors.ts';
import type { RealtimeConfig, SpeechSessionOptions, SpeechSessionParams } from './speech-session-types.ts';
import { SPEECH_WS_PATHS } from './speech-ws-paths.ts';

const DEFAULT_KEEP_ALIVE_MS = 30_000;
const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * Opens a session and resolves once the server started the task.
 *
 * @example
 * ```ts
 * const session = await openSpeechSession(config, { model: 'speech-2.8-turbo', voice_setting: { voice_id } });
 * ```
 */
export async function openSpeechSession(
  config: RealtimeConfig,
  params: SpeechSessionParams,
  options: SpeechSessionOptions = {},
): Promise<SpeechSession> {
  checkParams(params);
  const { bidirectional = false, ...start } = params;
  const path = bidirectional ? SPEECH_WS_PATHS.bidirectional : SPEECH_WS_PATHS.single;
  const url = config.url ?? webSocketURL(config.baseURL, path);
  const request: SessionRequest = { method: 'GET', url };
  if (options.signal?.aborted) throw errorForAbort(options.signal);
  const mode = options.validate ?? config.validate;
  const check = await validationFor(mode, config.validator, { operation: `GET ${path}`, logger: config.logger });
  const validate = check ? (data: unknown) => check('zT2aWsServerEvent', data) : undefined;
  const session = new SpeechSession({
    request,
    bidirectional,
    idleTimeout: options.idleTimeout ?? config.idleTimeout,
    retainAudio: options.retainAudio ?? true,
    validate,
    signal: options.signal,
  });
  const timeout = options.timeout ?? config.timeout;
  const openTimer = setTimeout(
    () =>
      session.fail(
        new APITimeoutError({ message: `The speech session did not start within ${timeout} ms.`, ...request }),
      ),
    timeout,
  );
  const phase = (): string => (session.state === 'open' ? 'before the session started' : 'during the session');
  let socket: RealtimeSocket;
  try {
    socket = await openSocket(config.webSocket, {
      url,
      headers: upgradeHeaders(config, options),
      maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      logger: config.logger,
      handlers: {
        onOpen: (headers) => session.upgraded(headers),
        onMessage: (data) => session.receive(data),
        onRefused: (status, headers, body) => session.fail(refusedError(status, headers, body, request)),
        onError: (error) => session.fail(transportError(error, phase(), request)),
        onClose: (code, reason) => session.closed(closedError(code, reason, phase(), request)),
      },
    });
  } catch (error) {
    clearTimeout(openTimer);
    session.fail(transportError(error, 'before the session started', request));
    throw session.error;
  }
  session.attach(socket, () => socket.send(JSON.stringify({ event: 'task_start', ...start })));
  try {
    await session.opened;
  } finally {
    clearTimeout(openTimer);
  }
  const keepAlive = options.keepAliveInterval ?? DEFAULT_KEEP_ALIVE_MS;
  const ping = socket.ping;
  if (ping && keepAlive > 0) {
    session.timer(
      keepAlive,
      () => {
        try {
          ping();
        } catch {
          // the socket is closing: its close event ends the session
        }
      },
      true,
    );
  }
  return session;
}

function upgradeHeaders(config: RealtimeConfig, options: SpeechSessionOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.defaultHeaders)) headers[name.toLowerCase()] = value;
  const apiKey = config.apiKey?.();
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name.toLowerCase()];
    else if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** Refuses, before connecting, what `task_start` needs and does not have. */
function checkParams(params: SpeechSessionParams): void {
  if (typeof params !== 'object' || params === null) {
    throw new InvalidArgumentError('params', 'expected an object with `model` and `voice_setting`');
  }
  if (typeof params.model !== 'string' || params.model === '') {
    throw new InvalidArgumentError('model', 'a speech model id is required, e.g. `speech-2.8-turbo`');
  }
  const voice = params.voice_setting as { voice_id?: unknown } | undefined;
  if (typeof voice !== 'object' || voice === null) {
    throw new InvalidArgumentError('voice_setting', 'required, with a `voice_id` (or `timbre_weights` to mix voices)');
  }
  if (
    typeof voice.voice_id !== 'string' &&
    !(Array.isArray(params.timbre_weights) && params.timbre_weights.length > 0)
  ) {
    throw new InvalidArgumentError('voice_setting.voice_id', 'required unless `timbre_weights` mixes voices');
  }
}
