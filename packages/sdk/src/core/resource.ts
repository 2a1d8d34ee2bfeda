import type { Transport } from '../internal/transport.ts';
import type { RealtimeConfig } from '../lib/speech-session-types.ts';

/** What resources need from their client. */
export interface ResourceContext {
  readonly transport: Transport;
  readonly pollInterval: number;
  /** What a WebSocket session needs (key, host, timeouts, implementation); speech sessions read it. */
  readonly realtime?: RealtimeConfig | undefined;
}

/**
 * Base of every resource (`mm.chat`, `mm.files`, …); those that wait for tasks extend `TaskResource`. The context is
 * stored non-enumerable so that printing a client or a resource shows its shape, not its transport.
 */
export abstract class APIResource {
  declare protected readonly _ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    Object.defineProperty(this, '_ctx', { value: ctx, enumerable: false });
  }

  protected get _transport(): Transport {
    return this._ctx.transport;
  }
}
