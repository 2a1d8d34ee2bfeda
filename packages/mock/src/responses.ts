/**
 * Building fetch `Response`s: the mock core answers with them whether it runs behind the Node server or inside MSW.
 * Buffered bodies get an exact Content-Length; live bodies (streams, stalls, cuts) are marked so the Node adapter
 * flushes their headers at once instead of waiting for a first chunk that may never come.
 */

const LIVE = new WeakSet<Response>();
const encoder = new TextEncoder();

/** A complete body with its length: what every non-streaming answer is. */
export function bytesResponse(
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Response {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  return new Response(status === 204 || status === 304 ? null : (bytes as BodyInit), {
    status,
    headers: { ...headers, 'Content-Length': String(bytes.length) },
  });
}

/** JSON text already serialized (through the id codec, when it carries ids). */
export function jsonTextResponse(status: number, json: string, headers: Record<string, string> = {}): Response {
  return bytesResponse(status, json, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

/** A plain JSON value (no int64 ids in it). */
export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return jsonTextResponse(status, JSON.stringify(value), headers);
}

/**
 * The mock's own errors (`type: 'mock_error'`): unknown scenario or example, body too large, … — never confused
 * with an error of the API, whose bodies come from error-bodies.ts.
 */
export function mockErrorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { type: 'mock_error', status, message }, headers);
}

/** A body produced over time; its headers go out before the first chunk. */
export function liveResponse(
  status: number,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
): Response {
  const response = new Response(body, { status, headers });
  LIVE.add(response);
  return response;
}

export function isLive(response: Response): boolean {
  return LIVE.has(response);
}

/** No answer at all: the Node adapter drops the connection, MSW makes the client's fetch reject (network error). */
export function networkError(): Response {
  return Response.error();
}
