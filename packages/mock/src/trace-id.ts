/** The `Trace-Id` the real API puts on every response, and repeats in speech bodies as `trace_id`. */
import { randomBytes } from 'node:crypto';

/** 32 hex characters, like the real header. */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** The real speech API repeats the `Trace-Id` header in the body's `trace_id`: keep them equal. */
export function withTraceId(body: unknown, traceId: string): unknown {
  if (
    body &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    typeof (body as Record<string, unknown>).trace_id === 'string'
  ) {
    return { ...(body as Record<string, unknown>), trace_id: traceId };
  }
  return body;
}
