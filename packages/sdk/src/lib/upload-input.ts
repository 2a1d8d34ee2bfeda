/**
 * Normalises what callers pass as a file to upload into a Blob (replayable, so an upload can be retried) or a
 * streamed multipart body (for a ReadableStream or async iterable of unknown size, sent without buffering).
 */

import { MiniMaxError } from '../core/minimax-error.ts';

/** Anything `files.upload` accepts as `file`. */
export type Uploadable =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | string
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

export type NormalizedUpload =
  | { kind: 'blob'; blob: Blob; filename: string }
  | { kind: 'stream'; stream: ReadableStream<Uint8Array>; filename: string; contentType: string };

export function normalizeUpload(
  file: Uploadable,
  filename: string | undefined,
  contentType?: string,
): NormalizedUpload {
  const name = filename ?? (typeof File !== 'undefined' && file instanceof File ? file.name : undefined);
  if (file instanceof Blob) return { kind: 'blob', blob: file, filename: requireName(name) };
  if (file instanceof Uint8Array || file instanceof ArrayBuffer || typeof file === 'string') {
    const part = file instanceof Uint8Array ? new Uint8Array(file) : file; // copy: the caller may reuse its buffer
    return {
      kind: 'blob',
      blob: new Blob([part], contentType ? { type: contentType } : {}),
      filename: requireName(name),
    };
  }
  const stream = file instanceof ReadableStream ? file : iterableToStream(file);
  return {
    kind: 'stream',
    stream,
    filename: requireName(name),
    contentType: contentType ?? 'application/octet-stream',
  };
}

function requireName(name: string | undefined): string {
  if (!name) {
    throw new MiniMaxError(
      'files.upload needs a file name (MiniMax checks the extension): pass `filename`, or a File that has one.',
    );
  }
  return name;
}

function iterableToStream(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  if (typeof (iterable as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
    throw new MiniMaxError('files.upload: `file` must be a Blob, File, Uint8Array, ArrayBuffer, string or stream.');
  }
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

const encoder = new TextEncoder();
const quote = (value: string): string => value.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));

/**
 * A multipart/form-data body streamed part by part: the file's bytes pass through without being collected, so an
 * upload of any size uses a constant amount of memory.
 */
export function streamingMultipart(
  fields: Record<string, string>,
  file: { stream: ReadableStream<Uint8Array>; filename: string; contentType: string; field: string },
): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----minimax-ts-${crypto.randomUUID()}`;
  let head = '';
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const reader = file.stream.getReader();
  let stage: 'head' | 'file' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        controller.enqueue(encoder.encode(head));
        stage = 'file';
        return;
      }
      if (stage === 'file') {
        const { done, value } = await reader.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        controller.enqueue(encoder.encode(tail));
        stage = 'done';
      }
      controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
