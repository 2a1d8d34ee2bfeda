import type { OpenResponse } from '../internal/transport.ts';

/**
 * A downloaded file, body unread: stream it (`body`, `for await`) or read it whole (`bytes()`, `text()`, `blob()`).
 * Streaming never holds more than a chunk in memory, so a 1 GiB file costs no more than a small one.
 *
 * @example
 * ```ts
 * const content = await mm.files.content(fileId);
 * for await (const chunk of content) out.write(chunk);
 * ```
 */
export class FileContent implements AsyncIterable<Uint8Array> {
  readonly #open: OpenResponse;
  #body: ReadableStream<Uint8Array> | undefined;

  constructor(open: OpenResponse) {
    this.#open = open;
  }

  /** The raw response (status, headers such as `Trace-Id`). */
  get response(): Response {
    return this.#open.response;
  }

  get contentType(): string | undefined {
    return this.response.headers.get('content-type') ?? undefined;
  }

  /** `Content-Length`, when the server sent it. */
  get size(): number | undefined {
    const length = this.response.headers.get('content-length');
    return length === null ? undefined : Number(length);
  }

  /** The file name from `Content-Disposition`, when the server sent one. */
  get filename(): string | undefined {
    const disposition = this.response.headers.get('content-disposition') ?? '';
    const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
    if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  }

  /** The body as a web stream; readable once. Ends (or errors) the request's cancellation wiring when done. */
  get body(): ReadableStream<Uint8Array> {
    if (this.#body) return this.#body;
    const source = this.response.body;
    const release = () => this.#open.attempt.dispose();
    if (!source) {
      release();
      this.#body = new ReadableStream({ start: (c) => c.close() });
      return this.#body;
    }
    this.#body = source.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        flush: release,
      }),
    );
    return this.#body;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const reader = this.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
      this.#open.attempt.dispose();
    }
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await new Response(this.body).arrayBuffer());
  }

  async text(): Promise<string> {
    return new Response(this.body).text();
  }

  async blob(): Promise<Blob> {
    const blob = await new Response(this.body).blob();
    return this.contentType ? new Blob([blob], { type: this.contentType }) : blob;
  }

  /** Stops the download. */
  cancel(): void {
    this.#open.attempt.abort();
    this.#open.attempt.dispose();
  }
}
