/**
 * A downloaded file handed over with its body unread, so that a large file streams instead of filling memory; its
 * reads are guarded like a stream's (idle timeout, the caller's signal), and fail only with the SDK's errors.
 */

import { APITimeoutError, APIUserAbortError } from '../core/connection-errors.ts';
import { createIdleWatchdog } from '../internal/idle-watchdog.ts';
import type { OpenResponse } from '../internal/open-response.ts';
import { filenameFromDisposition } from './content-disposition.ts';

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
  #cancelled = false;

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

  /**
   * The file name from `Content-Disposition` (RFC 6266: `filename*` first, quoted names unescaped), when the server
   * sent one; directory parts are dropped, so it is safe to use as a name inside a folder of your choice.
   */
  get filename(): string | undefined {
    return filenameFromDisposition(this.response.headers.get('content-disposition'));
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
    // Why the body stopped, when the SDK stopped it: a cancelled read resolves as "done", never as a complete file.
    const stopped = (): Error | undefined => {
      if (this.#cancelled) return new APIUserAbortError({ message: 'The download was cancelled.', ...request });
      if (timedOut) {
        return new APITimeoutError({
          message: `No bytes received for ${idleTimeout} ms; download cancelled.`,
          ...request,
        });
      }
      return undefined;
    };
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        watchdog.waiting();
        try {
          const before = stopped();
          if (before) throw before;
          const { done, value } = await reader.read();
          watchdog.received();
          const after = stopped();
          if (after) throw after;
          if (done) {
            finish();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          watchdog.received();
          finish();
          controller.error(attempt.translate(stopped() ?? error, request));
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

  /** Stops the download; a read in progress or to come rejects with `APIUserAbortError`. */
  cancel(): void {
    this.#cancelled = true;
    this.#open.attempt.abort();
    this.#open.attempt.dispose();
  }
}
