/**
 * Normalises what callers pass as a file to upload into a Blob (replayable, so an upload can be retried) or a
 * streamed multipart body (for a ReadableStream or async iterable of unknown size, sent without buffering). What it
 * cannot send is refused up front with an `InvalidArgumentError`: no file name and no type to derive one from
 * (MiniMax checks the extension), a content type that would inject a header line into the multipart body.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';

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

/**
 * The upload as a Blob or a stream, with its file name and content type settled (see the file comment).
 *
 * @example
 * ```ts
 * normalizeUpload(new Blob([bytes], { type: 'audio/mpeg' }), undefined); // { kind: 'blob', filename: 'upload.mp3', … }
 * ```
 */
export function normalizeUpload(
  file: Uploadable,
  filename: string | undefined,
  contentType?: string,
  /** The method the upload is for, named in the error when no file name can be found. */
  method = 'files.upload',
): NormalizedUpload {
  const type = checkContentType(contentType);
  if (filename !== undefined && (typeof filename !== 'string' || filename.trim() === '')) {
    throw new InvalidArgumentError(
      'filename',
      `expected a non-empty file name such as "voice.mp3", got ${JSON.stringify(filename)}`,
    );
  }
  const named = filename ?? (typeof File !== 'undefined' && file instanceof File && file.name ? file.name : undefined);
  if (file instanceof Blob) return { kind: 'blob', blob: file, filename: nameFor(named, file.type || type, method) };
  if (file instanceof Uint8Array || file instanceof ArrayBuffer || typeof file === 'string') {
    const part = file instanceof Uint8Array ? new Uint8Array(file) : file; // copy: the caller may reuse its buffer
    return { kind: 'blob', blob: new Blob([part], type ? { type } : {}), filename: nameFor(named, type, method) };
  }
  const stream = file instanceof ReadableStream ? file : iterableToStream(file);
  return {
    kind: 'stream',
    stream,
    filename: nameFor(named, type, method),
    contentType: type ?? 'application/octet-stream',
  };
}

/** Extensions for the content types MiniMax's uploads take (audio for cloning, text for async speech, media). */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/x-aac': 'aac',
  'audio/aiff': 'aiff',
  'audio/x-aiff': 'aiff',
  'audio/opus': 'opus',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/webm': 'webm',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/csv': 'csv',
  'application/json': 'json',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The given name, else `upload.<ext>` from the content type; refused when neither says what the file is. */
function nameFor(name: string | undefined, type: string | undefined, method: string): string {
  if (name) return name;
  const essence = type?.split(';')[0]?.trim().toLowerCase();
  const extension = essence === undefined ? undefined : EXTENSIONS[essence];
  if (extension) return `upload.${extension}`;
  throw new InvalidArgumentError(
    'filename',
    `${method} needs a file name (MiniMax checks the extension): pass \`filename\` (e.g. "voice.mp3"), a File that has one, or a Blob whose type names the format${type ? ` (${JSON.stringify(type)} does not)` : ''}.`,
  );
}

/**
 * The content type, lowercased as a Blob's is, or a refusal: it is written into a header line of the multipart body,
 * so a line break in it would inject headers (a Blob silently drops such a type; an upload should say so instead).
 */
function checkContentType(type: string | undefined): string | undefined {
  if (type === undefined || type === '') return undefined;
  // A MIME type: `type/subtype`, optional parameters, printable ASCII only.
  if (typeof type === 'string' && /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:\s*;[\x20-\x7e]*)?$/.test(type)) {
    return type.toLowerCase();
  }
  throw new InvalidArgumentError(
    'contentType',
    `expected a MIME type such as "audio/mpeg" (one line, printable ASCII), got ${JSON.stringify(type)}`,
  );
}

function iterableToStream(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  if (
    typeof iterable !== 'object' ||
    iterable === null ||
    typeof (iterable as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function'
  ) {
    throw new InvalidArgumentError(
      'file',
      'expected a Blob, File, Uint8Array, ArrayBuffer, string, ReadableStream or async iterable of bytes',
    );
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

/**
 * A Blob upload as the `File` the generated multipart serialiser sends: the settled name, the Blob's type or else the
 * given content type.
 *
 * @example
 * ```ts
 * const upload = normalizeUpload(bytes, 'voice.mp3');
 * if (upload.kind === 'blob') body.file = fileForUpload(upload, 'audio/mpeg');
 * ```
 */
export function fileForUpload(upload: { blob: Blob; filename: string }, contentType: string | undefined): File {
  return new File([upload.blob], upload.filename, { type: upload.blob.type || contentType || '' });
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
