/**
 * Request bodies are read into memory (uploads are validated and stored whole), so memory is bounded twice: per
 * request (an upload-sized cap) and across every request in flight at once, so eight concurrent 60 MB uploads
 * cannot take the process to a gigabyte. The global budget is given back when the request has been answered.
 */

/**
 * Default cap on one request body. Upload-sized: the real files API takes audio and video samples of several
 * megabytes.
 *
 * @example
 * ```ts
 * await startMock({ limits: { bodyBytes: MAX_BODY_BYTES * 2 } });
 * ```
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/**
 * Default cap on the request bytes held at once by all requests in flight together.
 *
 * @example
 * ```ts
 * await startMock({ limits: { inflightBodyBytes: MAX_INFLIGHT_BODY_BYTES / 4 } }); // a small CI machine
 * ```
 */
export const MAX_INFLIGHT_BODY_BYTES = 256 * 1024 * 1024;

/** A body the mock refuses to hold: 413 for one that is too large, 503 while too many bytes are in flight. */
export class BodyLimitError extends Error {
  override name = 'BodyLimitError' as const;
  constructor(
    readonly status: 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Caps on request bodies held in memory ({@link MockOptions.limits}).
 *
 * @example
 * ```ts
 * const mock = await startMock({ limits: { bodyBytes: 8 << 20, inflightBodyBytes: 32 << 20 } });
 * ```
 */
export interface BodyLimits {
  /** Largest body of one request. Default {@link MAX_BODY_BYTES}. */
  bodyBytes?: number;
  /** Largest sum of the bodies of all requests in flight. Default {@link MAX_INFLIGHT_BODY_BYTES}. */
  inflightBodyBytes?: number;
}

export class BodyBudget {
  private inflight = 0;
  private readonly perRequest: number;
  private readonly total: number;

  constructor(limits: BodyLimits = {}) {
    this.perRequest = limits.bodyBytes ?? MAX_BODY_BYTES;
    this.total = limits.inflightBodyBytes ?? MAX_INFLIGHT_BODY_BYTES;
  }

  /** Bytes currently held by requests in flight (for tests and /__health). */
  get held(): number {
    return this.inflight;
  }

  /**
   * Reads the whole body. The returned `release` must be called once the request is answered; on a refusal the
   * bytes read so far are released here and the rest of the body is discarded unread.
   */
  async read(request: Request): Promise<{ bytes: Uint8Array; release: () => void }> {
    if (!request.body) return { bytes: new Uint8Array(0), release: () => {} };
    const header = request.headers.get('content-length');
    const declared = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
    if (declared !== undefined && declared > this.perRequest) throw this.tooLarge();
    // A declared length is reserved (and allocated) up front: the cap holds before the bytes arrive, and the body
    // is written into one buffer instead of being collected and copied.
    let held = 0;
    const hold = (bytes: number) => {
      held += bytes;
      this.inflight += bytes;
      if (this.inflight > this.total) throw this.busy();
    };
    const giveBack = () => {
      this.inflight -= held;
      held = 0;
    };
    const reader = request.body.getReader();
    let buffer: Uint8Array | undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      if (declared !== undefined) {
        hold(declared);
        buffer = new Uint8Array(declared);
      }
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > this.perRequest) throw this.tooLarge();
        if (size > held) hold(size - held);
        if (buffer && size <= buffer.length) buffer.set(value, size - value.length);
        else {
          // More than declared (only possible off the Node server): collect the rest.
          if (buffer) chunks.push(buffer.subarray(0, size - value.length));
          buffer = undefined;
          chunks.push(value);
        }
      }
    } catch (err) {
      giveBack();
      // Cancelling lets the host discard the rest (the Node adapter drains the socket), so the client can finish
      // sending and read the refusal instead of failing with EPIPE.
      void reader.cancel().catch(() => {});
      throw err;
    }
    const bytes = buffer ? buffer.subarray(0, size) : chunks.length === 1 ? chunks[0]! : concat(chunks, size);
    let released = false;
    return {
      bytes,
      release: () => {
        if (!released) giveBack();
        released = true;
      },
    };
  }

  private busy(): BodyLimitError {
    return new BodyLimitError(
      503,
      `the mock holds over ${mb(this.total)} of request bodies in flight; retry when fewer uploads are running`,
    );
  }

  private tooLarge(): BodyLimitError {
    return new BodyLimitError(413, `request body over ${mb(this.perRequest)} (${this.perRequest} bytes)`);
  }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
