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
  /** Why it failed, when the server said so (V2: the task's `error.message`). */
  reason?: string | undefined;
  /** The server's code for the failure, when it gave one (V2: the task's `error.code`, a string such as `"1026"`). */
  code?: string | number | undefined;
}

/**
 * A polled task reached a failed, cancelled or expired state.
 *
 * @example
 * ```ts
 * try { await mm.video.v2.generate({ … }); }
 * catch (err) { if (err instanceof TaskFailedError) console.error(err.taskId, err.status, err.code, err.reason); }
 * ```
 */
export class TaskFailedError extends MiniMaxError {
  override readonly name = 'TaskFailedError' as const;
  override readonly taskId: string;
  readonly status: string;
  /** The failure's code as the server sent it (a string on Video V2, e.g. `"1026"` for sensitive content). */
  readonly code: string | number | undefined;
  /** The server's explanation (Video V2: `task.error.message`), credentials scrubbed. */
  readonly reason: string | undefined;
  readonly lastResponse: unknown;

  constructor({ taskId, status, lastResponse, reason, code }: TaskFailedErrorOptions) {
    const why = [code === undefined ? undefined : `(${code})`, reason].filter(Boolean).join(' ');
    super(`Task ${taskId} ended with status ${status}${why ? `: ${why}` : ''}`);
    this.taskId = taskId;
    this.status = redactText(status);
    this.code = typeof code === 'string' ? redactText(code) : code;
    this.reason = reason === undefined ? undefined : redactText(reason);
    this.lastResponse = scrubDeep(lastResponse);
  }
}
