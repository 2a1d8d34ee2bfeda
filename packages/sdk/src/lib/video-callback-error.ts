/**
 * The one error a video callback body can raise: it is not JSON, not an object, or not any of the shapes MiniMax
 * POSTs (a `challenge`, a V1 `{task_id, status}` or a V2 `{task}`). The receiving handler answers it with a 400, so
 * the message says exactly what was wrong without echoing the body (it may be anyone's).
 */

import { MiniMaxError } from '../core/minimax-error.ts';

/**
 * A body given to `parseVideoCallback` (or POSTed to a `createVideoCallbackHandler` handler) that is not a video
 * callback. `field` names the offending field when one is to blame (`task.status`, `file_id`).
 *
 * @example
 * ```ts
 * try {
 *   parseVideoCallback('{"task_id":"1","status":42}');
 * } catch (err) {
 *   if (err instanceof VideoCallbackParseError) console.error(err.field, err.message); // 'status', 'status: …'
 * }
 * ```
 */
export class VideoCallbackParseError extends MiniMaxError {
  override readonly name = 'VideoCallbackParseError' as const;

  constructor(
    message: string,
    /** The field at fault, as a dotted path, when the body is JSON but a field has the wrong type. */
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(field === undefined ? message : `${field}: ${message}`, options);
  }
}
