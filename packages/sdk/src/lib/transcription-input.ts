/**
 * Checks the arguments of `transcriptions.create` and turns them into the request: the multipart fields, the audio
 * as a `File` (replayable) or a streamed multipart body, and the `language` hint, which MiniMax reads from a request
 * header rather than a form field. What MiniMax would refuse, and what the SDK could not send, is refused before
 * anything goes out with an `InvalidArgumentError` naming the field: no model, no file, an empty file, raw PCM (MiniMax
 * needs a container), a file over the 50 MB the endpoint takes (it answers 413 only after the whole upload), an unknown
 * `response_format` (it decides the result's type), `stream` with a format other than `json` (documented as invalid),
 * and a `language` that is not one header-safe line. A streamed file's size is only known at its end: its empty or
 * oversized body is cut off there and the request fails with the same error ({@link UploadGuard}).
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import type { CallInput } from '../internal/transport.ts';
import { fileForUpload, normalizeUpload, streamingMultipart, type Uploadable } from './upload-input.ts';

/**
 * The largest audio file speech-to-text takes: MiniMax answers a larger request body with HTTP 413.
 *
 * @example
 * ```ts
 * if (file.size > MAX_TRANSCRIPTION_BYTES) console.log('re-encode it as mono 16 kHz mp3 first');
 * ```
 */
export const MAX_TRANSCRIPTION_BYTES = 50 * 1024 * 1024;

export type TranscriptionResponseFormat = 'json' | 'verbose_json' | 'srt' | 'vtt';

const FORMATS: ReadonlySet<string> = new Set<TranscriptionResponseFormat>(['json', 'verbose_json', 'srt', 'vtt']);

/** Content types of bare PCM samples, which MiniMax cannot read (it needs the container's header). */
const RAW_PCM_TYPE = /^audio\/(?:pcm|l8|l16|l20|l24|raw|x-raw|s16le|x-pcm)\b/i;
const RAW_PCM_NAME = /\.(?:pcm|raw)$/i;

/** The request for one call, and what the resource needs to know to send it. */
export interface TranscriptionRequest {
  input: CallInput;
  format: TranscriptionResponseFormat;
  stream: boolean;
  /** Set when the file is streamed: the request is then never retried, and a refused body explains its failure. */
  guard: UploadGuard | undefined;
}

/** The arguments as the caller passed them (checked here, whatever their static type said). */
interface RawParams {
  file?: unknown;
  model?: unknown;
  response_format?: unknown;
  timestamp_level?: unknown;
  language?: unknown;
  stream?: unknown;
  filename?: string | undefined;
  contentType?: string | undefined;
}

/**
 * Checks the arguments and builds the request (see the file comment).
 *
 * @example
 * ```ts
 * const { input, format, stream, guard } = transcriptionRequest({ file: bytes, filename: 'a.mp3', model: 'asr-1.0' });
 * ```
 */
export function transcriptionRequest(params: RawParams): TranscriptionRequest {
  const { model, format, stream } = checkParams(params);
  const fields: Record<string, string> = { model, response_format: format };
  if (params.timestamp_level !== undefined) fields.timestamp_level = params.timestamp_level as string;
  if (stream) fields.stream = 'true'; // a form field is text; the official CLI sends the string "true"
  const headers = languageHeader(params.language);
  const upload = normalizeUpload(
    params.file as Uploadable,
    params.filename,
    params.contentType,
    'transcriptions.create',
  );
  refuseRawPcm(upload.filename, upload.kind === 'blob' ? upload.blob.type || params.contentType : upload.contentType);
  if (upload.kind === 'blob') {
    checkSize(upload.blob.size);
    const body = { ...fields, file: fileForUpload(upload, params.contentType) };
    return { input: { body, headers }, format, stream, guard: undefined };
  }
  const guard = guardUpload(upload.stream);
  const multipart = streamingMultipart(fields, {
    stream: guard.stream,
    filename: upload.filename,
    contentType: upload.contentType,
    field: 'file',
  });
  const input: CallInput = {
    body: multipart.body,
    bodySerializer: (body) => body,
    headers: { ...headers, 'Content-Type': multipart.contentType },
    duplex: 'half',
  };
  return { input, format, stream, guard };
}

/** The arguments that decide the request's shape, checked: model, file present, format, stream, timestamp level. */
function checkParams(params: RawParams): { model: string; format: TranscriptionResponseFormat; stream: boolean } {
  if (typeof params !== 'object' || params === null) {
    throw new InvalidArgumentError('params', 'expected an object such as { file, model: "asr-1.0" }');
  }
  if (typeof params.model !== 'string' || params.model.trim() === '') {
    throw new InvalidArgumentError('model', `required: a model such as "asr-1.0", got ${JSON.stringify(params.model)}`);
  }
  if (params.file === undefined || params.file === null) {
    throw new InvalidArgumentError('file', 'required: the audio (a Blob/File, bytes, a stream or fileFromPath(path))');
  }
  const format = (params.response_format ?? 'json') as TranscriptionResponseFormat;
  if (typeof format !== 'string' || !FORMATS.has(format)) {
    const known = [...FORMATS].map((f) => `'${f}'`).join(', ');
    throw new InvalidArgumentError('response_format', `expected one of ${known}, got ${JSON.stringify(format)}`);
  }
  const stream = params.stream ?? false;
  if (typeof stream !== 'boolean') {
    throw new InvalidArgumentError('stream', `expected a boolean, got ${JSON.stringify(stream)}`);
  }
  if (stream && format !== 'json') {
    throw new InvalidArgumentError(
      'stream',
      `stream: true works only with response_format 'json' (MiniMax streams plain text; speaker segments and subtitles need the whole audio), got response_format '${format}'`,
    );
  }
  if (params.timestamp_level !== undefined && typeof params.timestamp_level !== 'string') {
    const got = JSON.stringify(params.timestamp_level);
    throw new InvalidArgumentError('timestamp_level', `expected 'sentence', 'word' or '', got ${got}`);
  }
  return { model: params.model, format, stream };
}

function refuseRawPcm(filename: string, type: string | undefined): void {
  if (!RAW_PCM_TYPE.test(type ?? '') && !RAW_PCM_NAME.test(filename)) return;
  throw new InvalidArgumentError(
    'file',
    `raw PCM (${filename}${type ? `, ${type}` : ''}) cannot be transcribed: MiniMax needs audio in a container (wav, aiff, flac, m4a, mp3, aac, opus, ogg); wrap the samples in a WAV header`,
  );
}

/** The `language` header (none when absent or empty: MiniMax then recognises mixed languages). */
function languageHeader(language: unknown): Record<string, string> {
  if (language === undefined || language === null) return {};
  // One printable ASCII line: a line break would inject a header, and fetch refuses other characters outright.
  if (typeof language !== 'string' || !/^[\x20-\x7e]*$/.test(language)) {
    throw new InvalidArgumentError(
      'language',
      `expected a BCP-47 language tag such as "en" or "zh" (printable ASCII, one line), got ${JSON.stringify(language)}`,
    );
  }
  const tag = language.trim();
  return tag === '' ? {} : { language: tag };
}

function checkSize(size: number): void {
  if (size === 0) throw emptyFile();
  if (size > MAX_TRANSCRIPTION_BYTES) throw tooLarge(`${size} bytes`);
}

const emptyFile = () => new InvalidArgumentError('file', 'the audio is empty (0 bytes); MiniMax refuses an empty file');

const tooLarge = (size: string) =>
  new InvalidArgumentError(
    'file',
    `the audio is ${size}; speech-to-text takes at most ${MAX_TRANSCRIPTION_BYTES} bytes (50 MB) and answers a larger upload with HTTP 413 once it has all arrived. Re-encode it as mono 16 kHz, or as mp3 / aac / opus, or split it.`,
  );

/**
 * A streamed file, counted as it is sent. An empty stream, or one that passes {@link MAX_TRANSCRIPTION_BYTES}, is cut
 * off with an error (the request fails rather than send an empty part or upload for nothing); `refusal()` then gives
 * the `InvalidArgumentError` to report instead of the connection error the cut causes.
 */
export interface UploadGuard {
  stream: ReadableStream<Uint8Array>;
  refusal(): InvalidArgumentError | undefined;
}

function guardUpload(source: ReadableStream<Uint8Array>): UploadGuard {
  const reader = source.getReader();
  let total = 0;
  let refused: InvalidArgumentError | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        if (total > 0) return controller.close();
        refused = emptyFile();
        return controller.error(refused);
      }
      if (!(value instanceof Uint8Array)) {
        refused = new InvalidArgumentError(
          'file',
          `expected a stream of Uint8Array chunks, got a chunk of type ${typeof value}`,
        );
        controller.error(refused);
        return void (await reader.cancel(refused).catch(() => {}));
      }
      total += value.byteLength;
      if (total <= MAX_TRANSCRIPTION_BYTES) return controller.enqueue(value);
      refused = tooLarge(`more than ${MAX_TRANSCRIPTION_BYTES} bytes (streamed)`);
      controller.error(refused);
      await reader.cancel(refused).catch(() => {});
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { stream, refusal: () => refused };
}
