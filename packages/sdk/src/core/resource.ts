import type { Transport } from '../internal/transport.ts';
import { pollTask, type WaitOptions } from '../lib/poll-task.ts';
import type { RealtimeConfig } from '../lib/speech-session-types.ts';
import { type APIPromise, compositeCall } from './api-promise.ts';

/** What resources need from their client. */
export interface ResourceContext {
  readonly transport: Transport;
  readonly pollInterval: number;
  /** What a WebSocket session needs (key, host, timeouts, implementation); speech sessions read it. */
  readonly realtime?: RealtimeConfig | undefined;
}

/**
 * Base of every resource (`mm.chat`, `mm.files`, …). The context is stored non-enumerable so that printing a
 * client or a resource shows its shape, not its transport.
 */
export abstract class APIResource {
  declare protected readonly _ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    Object.defineProperty(this, '_ctx', { value: ctx, enumerable: false });
  }

  protected get _transport(): Transport {
    return this._ctx.transport;
  }

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
