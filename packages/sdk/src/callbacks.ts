/**
 * `@minimax-ts/sdk/callbacks`: receiving a video task's `callback_url` instead of polling it. A fetch handler that
 * answers MiniMax's verification challenge and hands each status change to you typed (`createVideoCallbackHandler`),
 * and the parser behind it for those who route requests themselves (`parseVideoCallback`). Browser- and edge-safe;
 * Node's `http` server takes the handler through `toNodeListener` from `@minimax-ts/sdk/node`.
 *
 * MiniMax does not sign callbacks: confirm an event by querying its task (`confirm: { client: mm }`) before acting
 * on it, and keep the callback URL unguessable.
 *
 * @example
 * ```ts
 * import { createVideoCallbackHandler } from '@minimax-ts/sdk/callbacks';
 *
 * const handler = createVideoCallbackHandler({
 *   confirm: { client: mm },
 *   onEvent: (event) => console.log(event.taskId, event.status, event.state),
 * });
 * export default { fetch: handler }; // a Worker; or Deno.serve(handler), Bun.serve({ fetch: handler })
 * ```
 */

export { InvalidArgumentError } from './core/invalid-argument-error.ts';
export { MiniMaxError } from './core/minimax-error.ts';
export { type TaskState, taskState } from './lib/poll-task.ts';
export {
  confirmVideoEvent,
  type VideoCallbackClient,
  VideoCallbackConfirmError,
  type VideoCallbackConfirmFailure,
  type VideoCallbackQueryOptions,
} from './lib/video-callback-confirm.ts';
export { VideoCallbackParseError } from './lib/video-callback-error.ts';
export {
  createVideoCallbackHandler,
  DEFAULT_CALLBACK_MAX_BODY_BYTES,
  type VideoCallbackHandler,
  type VideoCallbackHandlerOptions,
} from './lib/video-callback-handler.ts';
export { parseVideoCallback, parseVideoStatusEvent } from './lib/video-callback-parse.ts';
export type {
  VideoCallback,
  VideoCallbackChallenge,
  VideoCallbackV1Body,
  VideoCallbackV1Event,
  VideoCallbackV1Status,
  VideoCallbackV2Event,
  VideoCallbackV2Status,
  VideoStatusEvent,
} from './lib/video-callback-types.ts';
