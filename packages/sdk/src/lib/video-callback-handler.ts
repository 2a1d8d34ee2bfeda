/**
 * `createVideoCallbackHandler`: the receiving end of a video task's `callback_url` as a fetch handler
 * `(Request) => Promise<Response>`, so it runs unchanged in edge runtimes (Workers, Deno, Bun, Next.js route
 * handlers) and in Node through `toNodeListener` (`@minimax-ts/sdk/node`). It answers MiniMax's verification challenge
 * at once — never after user code, which MiniMax's 3-second limit could not survive — and hands every status change,
 * parsed and typed, to `onEvent`. Every other answer is a status MiniMax (or a stranger) can act on: 400 for a body
 * that is not a callback, 405 for another method, 413 past the size cap, 500 when `onEvent` throws.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { BodyTooLargeError, readCappedBody } from './read-capped-body.ts';
import {
  confirmVideoEvent,
  type VideoCallbackClient,
  VideoCallbackConfirmError,
  type VideoCallbackQueryOptions,
} from './video-callback-confirm.ts';
import { VideoCallbackParseError } from './video-callback-error.ts';
import { parseVideoCallback } from './video-callback-parse.ts';
import type { VideoCallbackChallenge, VideoStatusEvent } from './video-callback-types.ts';

/** The default cap on a callback body: 1 MiB (MiniMax's bodies are a few hundred bytes). */
export const DEFAULT_CALLBACK_MAX_BODY_BYTES = 1_048_576;

/** A fetch-style request handler, what {@link createVideoCallbackHandler} returns. */
export type VideoCallbackHandler = (request: Request) => Promise<Response>;

/** Options of {@link createVideoCallbackHandler}. */
export interface VideoCallbackHandlerOptions {
  /**
   * Called once per status change POSTed (challenges never reach it). The request is answered 200 when it resolves
   * and 500 when it throws or rejects, so MiniMax may deliver the event again — whether it retries is not
   * documented. Keep it short: put slow work on a queue. Events of one task can arrive concurrently; order them by
   * `state` (or query the task) rather than by arrival.
   */
  onEvent: (event: VideoStatusEvent, request: Request) => void | Promise<void>;
  /** Told about each verification challenge, after it has been answered (it is not awaited). */
  onChallenge?: ((challenge: VideoCallbackChallenge, request: Request) => void | Promise<void>) | undefined;
  /**
   * Every request not answered 200 or 405: a `VideoCallbackParseError` (400: not a callback; 413: too large), a
   * `VideoCallbackConfirmError` (403/503), or what `onEvent`/`onChallenge` threw. Default: the errors of your own code
   * and failed confirmations go to `console.error`; refused bodies are only answered.
   */
  onError?: ((error: unknown, request: Request) => void) | undefined;
  /** Bodies above this many bytes are refused with 413 without being read whole. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /**
   * Query each task before calling `onEvent`, and build the event from MiniMax's answer (`verified: true`): the
   * defence against forged callbacks, since MiniMax signs nothing. A task your account does not have is answered 403
   * and never reaches `onEvent`; a query that fails otherwise is answered 503 (so the sender may retry).
   */
  confirm?:
    | {
        client: VideoCallbackClient;
        /** Per-query timeout in ms (default: the client's). */
        timeout?: number | undefined;
        /** How to confirm: by querying the task, the only way there is (MiniMax signs nothing). */
        verify?: 'query' | undefined;
      }
    | undefined;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

const reply = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });

const refusal = (status: number, type: string, message: string, headers?: Record<string, string>): Response =>
  reply(status, { error: { type, message } }, headers);

/**
 * A handler for a video task's `callback_url`, for any fetch-style host; in Node, wrap it with `toNodeListener`
 * from `@minimax-ts/sdk/node`.
 *
 * Nothing MiniMax sends proves it came from MiniMax: pass `confirm: { client: mm }` (or query the task yourself)
 * before acting on an event, and put an unguessable token in the callback URL's path.
 *
 * @example
 * ```ts
 * // app/api/minimax/[token]/route.ts (Next.js), or a Worker's fetch, or Deno.serve / Bun.serve:
 * import { createVideoCallbackHandler } from '@minimax-ts/sdk/callbacks';
 *
 * export const POST = createVideoCallbackHandler({
 *   confirm: { client: mm },
 *   async onEvent(event) {
 *     if (event.state === 'succeeded') await saveVideo(event.taskId, event.api === 'v1' ? event.fileId : event.url);
 *     if (event.state === 'failed') console.error(event.taskId, event.status, event.error?.message);
 *   },
 * });
 * ```
 */
export function createVideoCallbackHandler(options: VideoCallbackHandlerOptions): VideoCallbackHandler {
  const { onEvent, onChallenge, onError, confirm } = checkOptions(options);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_CALLBACK_MAX_BODY_BYTES;

  const report = (error: unknown, request: Request, ours: boolean): void => {
    try {
      if (onError) onError(error, request);
      else if (ours) console.error('[minimax-ts] video callback:', error);
    } catch {
      // A failing error reporter must not turn an answered request into a crash.
    }
  };

  const answerChallenge = (challenge: VideoCallbackChallenge, request: Request): Response => {
    if (onChallenge) {
      // After the answer is on its way: MiniMax gives the echo 3 s, user code gets no say in that.
      setTimeout(() => {
        try {
          Promise.resolve(onChallenge(challenge, request)).catch((error: unknown) => report(error, request, true));
        } catch (error) {
          report(error, request, true);
        }
      }, 0);
    }
    return reply(200, { challenge: challenge.raw.challenge ?? challenge.challenge });
  };

  const handle = async (request: Request): Promise<Response> => {
    // V2's verification request is undocumented in method and shape: a `?challenge=` on a GET, or on a POST without
    // a body, is answered like the documented JSON one.
    const inQuery = new URL(request.url).searchParams.get('challenge');
    const queryChallenge = (challenge: string): Response =>
      answerChallenge({ kind: 'challenge', challenge, raw: { challenge } }, request);
    if (request.method === 'GET' && inQuery !== null) return queryChallenge(inQuery);
    if (request.method !== 'POST') {
      await request.body?.cancel().catch(() => {});
      return refusal(405, 'method_not_allowed', `${request.method} is not allowed: MiniMax POSTs callbacks`, {
        allow: 'POST',
      });
    }
    let message: ReturnType<typeof parseVideoCallback>;
    try {
      const body = await readCappedBody(request, maxBodyBytes);
      if (inQuery !== null && isBlank(body)) return queryChallenge(inQuery);
      message = parseVideoCallback(body);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        report(new VideoCallbackParseError(error.message), request, false);
        return refusal(413, 'body_too_large', `${error.message}; a video callback is a few hundred bytes`);
      }
      if (error instanceof VideoCallbackParseError) {
        report(error, request, false);
        return refusal(400, 'invalid_callback', error.message);
      }
      report(new VideoCallbackParseError('the body could not be read', undefined, { cause: error }), request, false);
      return refusal(400, 'invalid_callback', 'the body could not be read');
    }
    if (message.kind === 'challenge') return answerChallenge(message, request);

    let event = message;
    if (confirm) {
      try {
        const query: VideoCallbackQueryOptions = { signal: request.signal, timeout: confirm.timeout };
        event = await confirmVideoEvent(message, confirm.client, query);
      } catch (error) {
        // A sender that hung up (its request aborted) ended the query: nobody is left to answer, nothing to warn of.
        report(error, request, !request.signal.aborted);
        const unknown = error instanceof VideoCallbackConfirmError && error.reason === 'unknown_task';
        return unknown
          ? refusal(403, 'unconfirmed_task', `task ${message.taskId} is not one of this account's tasks`)
          : refusal(503, 'confirm_unavailable', `could not confirm task ${message.taskId} now; try again later`, {
              'retry-after': '5',
            });
      }
    }
    try {
      await onEvent(event, request);
    } catch (error) {
      report(error, request, true);
      // The user's error stays private: the sender learns only that the event was not handled.
      return refusal(500, 'handler_error', 'the event was not handled; it may be delivered again');
    }
    return reply(200, { status: 'success' });
  };

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      report(error, request, true);
      return refusal(500, 'handler_error', 'the callback could not be handled');
    }
  };
}

/** Only ASCII whitespace (or nothing). */
const isBlank = (bytes: Uint8Array): boolean =>
  bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);

function checkOptions(options: VideoCallbackHandlerOptions): VideoCallbackHandlerOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', 'expected an object with an onEvent function');
  }
  if (typeof options.onEvent !== 'function') throw new InvalidArgumentError('onEvent', 'expected a function');
  for (const name of ['onChallenge', 'onError'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new InvalidArgumentError(name, 'expected a function');
    }
  }
  const max = options.maxBodyBytes;
  if (max !== undefined && !(Number.isSafeInteger(max) && max > 0)) {
    throw new InvalidArgumentError('maxBodyBytes', `expected a whole number of bytes above 0, got ${String(max)}`);
  }
  const verify = options.confirm?.verify;
  if (verify !== undefined && verify !== 'query') {
    throw new InvalidArgumentError(
      'confirm.verify',
      `only 'query' is possible (MiniMax signs nothing), got ${String(verify)}`,
    );
  }
  const client = options.confirm?.client as Partial<VideoCallbackClient> | undefined;
  if (options.confirm !== undefined && typeof client?.video?.v2?.retrieve !== 'function') {
    throw new InvalidArgumentError(
      'confirm.client',
      'expected a MiniMax client (with video.retrieve and video.v2.retrieve)',
    );
  }
  return options;
}
