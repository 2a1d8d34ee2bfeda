/** The `Trace-Id` the real API puts on every response, and repeats in speech bodies as `trace_id`. */

/** 32 hex characters, like the real header (Web Crypto: the same in Node and in a browser). */
export function newTraceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
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
