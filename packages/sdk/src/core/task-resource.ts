/**
 * Base of the resources that start asynchronous tasks and wait for them (async speech, video, video templates). Its
 * own class, not a method of every resource, so that a client without such resources (`MiniMaxChat`) does not carry
 * the poller, `TaskFailedError` and the composite-call machinery into its bundle.
 */

import { pollTask, type WaitOptions } from '../lib/poll-task.ts';
import { type APIPromise, compositeCall } from './api-promise.ts';
import { APIResource } from './resource.ts';

/**
 * A resource with a `wait()` for its tasks.
 *
 * @example
 * ```ts
 * class VideoTemplates extends TaskResource {
 *   wait(taskId: string, options?: WaitOptions<TemplateTask>) {
 *     return this._waitForTask(taskId, (id, o) => this.retrieve(id, o), options);
 *   }
 * }
 * ```
 */
export abstract class TaskResource extends APIResource {
  /**
   * Polls `retrieve` until the task's `status` says it succeeded or failed (see `pollTask`); the call's response is
   * the final poll's.
   */
  protected _waitForTask<T extends { status?: string | undefined }>(
    taskId: string,
    retrieve: (taskId: string, options: { signal: AbortSignal | undefined }) => APIPromise<T>,
    options: WaitOptions<T> | undefined,
  ): APIPromise<T> {
    return compositeCall((track) =>
      pollTask({
        taskId,
        retrieve: (signal) => track(retrieve(taskId, { signal })),
        statusOf: (r) => r.status,
        pollInterval: this._ctx.pollInterval,
        options,
      }),
    );
  }
}
