/**
 * Reads a `Request` body up to a byte cap. A callback endpoint is public: anyone can POST it a gigabyte, so the body
 * is refused by its `Content-Length` before any byte is read, and otherwise read chunk by chunk and cancelled the
 * moment it passes the cap (never buffered whole first, as `request.text()` would).
 */

/** The body was larger than the cap (or said so in `Content-Length`). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError' as const;

  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
  }
}

/**
 * The body's bytes, at most `limit` of them; rejects with {@link BodyTooLargeError} past it, or with the stream's
 * own error if the sender went away mid-body.
 *
 * @example
 * ```ts
 * const bytes = await readCappedBody(request, 1_048_576);
 * ```
 */
export async function readCappedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
