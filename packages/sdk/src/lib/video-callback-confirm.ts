/**
 * Confirming a callback by asking MiniMax. Nothing in a callback proves MiniMax sent it (no signature, no secret), so
 * the only trustworthy source is the task itself: query it with your own key and build the event from the answer.
 * A task your account does not have (a forged or stale id) is refused; a query that fails for another reason (the
 * network, a 5xx, a rate limit) is reported as unavailable, so the sender may try again later.
 */

import { MiniMaxError } from '../core/minimax-error.ts';
import { parseVideoCallback } from './video-callback-parse.ts';
import type { VideoStatusEvent } from './video-callback-types.ts';

/** Per-call options the confirming query passes on (a subset of the client's `RequestOptions`). */
export interface VideoCallbackQueryOptions {
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
}

type Retrieve = (taskId: string, options?: VideoCallbackQueryOptions) => PromiseLike<unknown>;

/**
 * What confirming needs of a client: the task queries. A `MiniMax` instance is one.
 *
 * @example
 * ```ts
 * const client: VideoCallbackClient = new MiniMax();
 * ```
 */
export interface VideoCallbackClient {
  video: { retrieve: Retrieve; templates?: { retrieve: Retrieve } | undefined; v2: { retrieve: Retrieve } };
}

/** Why a callback could not be confirmed: `unknown_task` (refused: 403) or `unavailable` (try later: 503). */
export type VideoCallbackConfirmFailure = 'unknown_task' | 'unavailable';

/**
 * A callback the handler could not confirm by querying its task. `reason` says whether the task is not one of your
 * account's (`unknown_task`: a forgery or a stale id) or the query failed (`unavailable`); the query's error is the
 * `cause`.
 *
 * @example
 * ```ts
 * createVideoCallbackHandler({ confirm: { client: mm }, onEvent, onError: (err) => {
 *   if (err instanceof VideoCallbackConfirmError && err.reason === 'unknown_task') log.warn('forged callback', err.taskId);
 * } });
 * ```
 */
export class VideoCallbackConfirmError extends MiniMaxError {
  override readonly name = 'VideoCallbackConfirmError' as const;

  constructor(
    readonly reason: VideoCallbackConfirmFailure,
    taskId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.taskId = taskId;
  }
}

/**
 * The event rebuilt from MiniMax's own answer for its task (`verified: true`; `raw` stays the body received).
 *
 * @example
 * ```ts
 * const trusted = await confirmVideoEvent(parseVideoStatusEvent(text), mm);
 * ```
 */
export async function confirmVideoEvent(
  event: VideoStatusEvent,
  client: VideoCallbackClient,
  options: VideoCallbackQueryOptions = {},
): Promise<VideoStatusEvent> {
  const { taskId } = event;
  let answer: unknown;
  try {
    answer =
      event.api === 'v2' ? { task: await client.video.v2.retrieve(taskId, options) } : await v1(event, client, options);
  } catch (error) {
    if (error instanceof VideoCallbackConfirmError) throw error;
    // A malformed id (refused before sending) is no task of yours either.
    const unknown = notATask(error) || nameOf(error) === 'InvalidArgumentError';
    throw new VideoCallbackConfirmError(
      unknown ? 'unknown_task' : 'unavailable',
      taskId,
      unknown
        ? `MiniMax does not know task ${taskId} for this account: the callback is not to be trusted`
        : `could not query task ${taskId} to confirm the callback: ${(error as Error)?.message ?? String(error)}`,
      { cause: error },
    );
  }
  let confirmed: VideoStatusEvent;
  try {
    const parsed = parseVideoCallback(answer as object);
    if (parsed.kind !== 'status') throw new MiniMaxError('the query answered a challenge');
    confirmed = parsed;
  } catch (error) {
    throw new VideoCallbackConfirmError('unavailable', taskId, `the query of task ${taskId} gave no usable status`, {
      cause: error,
    });
  }
  if (confirmed.taskId !== taskId || confirmed.api !== event.api) {
    throw new VideoCallbackConfirmError(
      'unknown_task',
      taskId,
      `the query of task ${taskId} answered for another task (${confirmed.api} ${confirmed.taskId}): the callback is not to be trusted`,
    );
  }
  return { ...confirmed, verified: true, raw: event.raw };
}

/** A V1 task is a video generation or a video template: the body cannot tell a pending one apart, so ask both. */
async function v1(event: VideoStatusEvent, client: VideoCallbackClient, options: VideoCallbackQueryOptions) {
  const withId = (answer: unknown) => ({ task_id: event.taskId, ...(answer as object) });
  const templates = client.video.templates;
  const template = event.api === 'v1' && event.url !== undefined && event.fileId === undefined;
  if (template && templates) return withId(await templates.retrieve(event.taskId, options));
  try {
    return withId(await client.video.retrieve(event.taskId, options));
  } catch (error) {
    if (!notATask(error) || !templates) throw error;
    return withId(await templates.retrieve(event.taskId, options));
  }
}

/**
 * The error's class name. By name, not `instanceof`: the client may come from another entry point of this package
 * (in CommonJS each entry carries its own copy of the error classes).
 */
const nameOf = (error: unknown): unknown => (error as { name?: unknown } | null)?.name;

/** MiniMax's answer for an id it does not have: a 404, or (native endpoints, V2) an invalid-params error. */
const notATask = (error: unknown): boolean =>
  nameOf(error) === 'NotFoundError' || nameOf(error) === 'InvalidParamsError';
