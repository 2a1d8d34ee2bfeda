/**
 * An asynchronous job (video generation, async speech) ended without success. Not an `APIError`:
 * every HTTP call succeeded; the job itself failed. The task id is kept so it is never lost.
 */

import { redactText, scrubDeep } from '../internal/redact.ts';
import { MiniMaxError } from './minimax-error.ts';

/** What a {@link TaskFailedError} is built from. */
export interface TaskFailedErrorOptions {
  taskId: string;
  /** The final status as the server spelled it (`'Fail'`, `'Failed'`, `'failed'`, `'expired'`…). */
  status: string;
  /** The last poll response, parsed (a copy with credentials redacted, as every field of an SDK error is). */
  lastResponse?: unknown;
  /** Why it failed, when the server said so. */
  reason?: string | undefined;
}

/**
 * A polled task reached a failed, cancelled or expired state.
 *
 * @example
 * ```ts
 * try { await client.video.createAndPoll({ … }); }
 * catch (err) { if (err instanceof TaskFailedError) console.error(err.taskId, err.status); }
 * ```
 */
export class TaskFailedError extends MiniMaxError {
  override readonly name = 'TaskFailedError' as const;
  override readonly taskId: string;
  readonly status: string;
  readonly lastResponse: unknown;

  constructor({ taskId, status, lastResponse, reason }: TaskFailedErrorOptions) {
    super(`Task ${taskId} ended with status ${status}${reason ? `: ${reason}` : ''}`);
    this.taskId = taskId;
    this.status = redactText(status);
    this.lastResponse = scrubDeep(lastResponse);
  }
}
