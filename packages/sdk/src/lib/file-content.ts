import { APITimeoutError } from '../core/connection-errors.ts';
import { createIdleWatchdog } from '../internal/idle-watchdog.ts';
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

  /**
   * The body as a web stream; readable once. A download that delivers no byte for the client's `idleTimeout` fails
   * with `APITimeoutError` instead of hanging; the caller's signal still cancels it.
   */
  get body(): ReadableStream<Uint8Array> {
    this.#body ??= this.#guardedBody();
    return this.#body;
  }

  #guardedBody(): ReadableStream<Uint8Array> {
    const { attempt, idleTimeout, request } = this.#open;
    const source = this.response.body;
    if (!source) {
      attempt.dispose();
      return new ReadableStream({ start: (c) => c.close() });
    }
    const reader = source.getReader();
    let timedOut = false;
    const watchdog = createIdleWatchdog(idleTimeout, () => {
      timedOut = true;
      reader.cancel().catch(() => {});
    });
    const finish = () => {
      watchdog.stop();
      attempt.dispose();
    };
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        watchdog.waiting();
        try {
          const { done, value } = await reader.read();
          watchdog.received();
          if (timedOut)
            throw new APITimeoutError({
              message: `No bytes received for ${idleTimeout} ms; download cancelled.`,
              ...request,
            });
          if (done) {
            finish();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          finish();
          controller.error(
            attempt.translate(
              timedOut
                ? new APITimeoutError({
                    message: `No bytes received for ${idleTimeout} ms; download cancelled.`,
                    ...request,
                  })
                : error,
              request,
            ),
          );
        }
      },
      cancel: (reason) => {
        finish();
        return reader.cancel(reason);
      },
    });
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
      // An early `break` cancels the download instead of leaving the socket open.
      await reader.cancel().catch(() => {});
      reader.releaseLock();
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
