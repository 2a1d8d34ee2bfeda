/**
 * Waits for an asynchronous task (video, async speech, video template) by polling its status. Every poll is a read,
 * so the transport retries it; whatever still fails carries the task id, because the task may be running (and
 * billed) regardless, and its id is the only way back to it. The wait's `timeout` is a deadline, not a check between
 * polls: it aborts the poll in flight (and its retries and backoff), so a hanging query endpoint cannot stretch it.
 */

import { APITimeoutError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { TaskFailedError } from '../core/task-failed-error.ts';
import { checkDuration } from '../internal/check-options.ts';
import { Deadline } from '../internal/deadline.ts';
import { sleep } from '../internal/sleep.ts';

/** Options of every `wait()`. */
export interface WaitOptions<T> {
  /** Stops waiting (the task itself keeps running on the server). */
  signal?: AbortSignal | undefined;
  /** Time between polls in ms (above 0). Default: the client's `pollInterval` (5 000). */
  pollInterval?: number | undefined;
  /**
   * Give up after this many ms with `APITimeoutError` (the task keeps running), aborting a poll in flight. Default
   * 1 800 000 (30 min).
   */
  timeout?: number | undefined;
  /** Called after every poll. */
  onProgress?: ((progress: TaskProgress<T>) => void) | undefined;
}

/** What `onProgress` receives. */
export interface TaskProgress<T> {
  taskId: string;
  /** The status as the server spelled it. */
  status: string;
  /** Milliseconds since waiting started. */
  elapsedMs: number;
  /** Polls made so far, this one included. */
  polls: number;
  /** The poll's full response. */
  response: T;
}

export type TaskState = 'pending' | 'succeeded' | 'failed';

/** MiniMax spells statuses differently per endpoint and client (`Fail`, `Failed`, `failed`, `Expired`): compare loosely. */
export function taskState(status: string | undefined): TaskState {
  switch ((status ?? '').toLowerCase()) {
    case 'success':
    case 'succeeded':
      return 'succeeded';
    case 'fail':
    case 'failed':
    case 'expired':
    case 'cancelled':
    case 'canceled':
      return 'failed';
    default:
      return 'pending';
  }
}

export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;

export interface PollTaskInput<T> {
  taskId: string;
  retrieve: (signal: AbortSignal | undefined) => Promise<T>;
  statusOf: (response: T) => string | undefined;
  /** Why a failed task failed, when its answer says so (Video V2's `task.error`). */
  failureOf?: ((response: T) => { code?: string | number | undefined; reason?: string | undefined }) | undefined;
  pollInterval: number;
  options?: WaitOptions<T> | undefined;
}

/** Polls until the task succeeds (resolves with the last response) or fails (`TaskFailedError`). */
export async function pollTask<T>({
  taskId,
  retrieve,
  statusOf,
  failureOf,
  pollInterval,
  options,
}: PollTaskInput<T>): Promise<T> {
  checkDuration('timeout', options?.timeout);
  checkDuration('pollInterval', options?.pollInterval);
  const started = Date.now();
  const timeout = options?.timeout ?? DEFAULT_WAIT_TIMEOUT_MS;
  const interval = options?.pollInterval ?? pollInterval;
  let status = 'unknown';
  const deadline = new Deadline(
    [options?.signal],
    timeout,
    () =>
      new APITimeoutError({
        message: `Task ${taskId} is still ${status} after ${Date.now() - started} ms (wait timeout ${timeout} ms); it keeps running — call wait() again with this id.`,
      }),
  );
  try {
    for (let polls = 1; ; polls++) {
      const response = await retrieve(deadline.signal);
      status = statusOf(response) ?? 'unknown';
      const elapsedMs = Date.now() - started;
      options?.onProgress?.({ taskId, status, elapsedMs, polls, response });
      const state = taskState(status);
      if (state === 'succeeded') return response;
      if (state === 'failed') {
        throw new TaskFailedError({ taskId, status, lastResponse: response, ...failureOf?.(response) });
      }
      await sleep(interval, deadline.signal);
    }
  } catch (error) {
    if (error instanceof MiniMaxError) error.taskId = taskId;
    throw error;
  } finally {
    deadline.dispose();
  }
}
