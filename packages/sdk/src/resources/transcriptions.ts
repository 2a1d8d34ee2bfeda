/**
 * MiniMax's Speech-to-Text (`POST /v1/speech_to_text`, asr-1.0), shaped like openai-node's `audio.transcriptions`:
 * one `create` whose result type follows `response_format` and `stream`. Errors come in the V2 / OaiError family (a
 * real HTTP status and `{type: "error", error: {type, message}}`), which `APIError.generate` reads like any other.
 */

import { type SpeechToTextResp, type SpeechToTextSegment, speechToText } from '@minimax-ts/generated';
import { type APIPromise, checkedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';
import { textAnswer } from '../internal/read-text.ts';
import { streamContext } from '../internal/stream-context.ts';
import { type TranscriptionResponseFormat, transcriptionRequest } from '../lib/transcription-input.ts';
import { TranscriptionStream } from '../lib/transcription-stream.ts';
import type { Uploadable } from '../lib/upload-input.ts';

export type { TranscriptionResponseFormat };

/** `asr-1.0`, or a newer model by its id. */
export type TranscriptionModel = 'asr-1.0' | (string & {});

export interface TranscriptionCreateParamsBase {
  /**
   * The audio, in a container: wav, aiff, flac, m4a (alac), mp3, aac, opus or ogg — never raw PCM. At most 500 s
   * (longer is a 400, not truncated) and 50 MB (larger is refused before sending when the size is known). A Blob/File,
   * bytes, a string, a `ReadableStream` or an async iterable (streamed without buffering, and then never retried), or
   * `fileFromPath(path)` from `@minimax-ts/sdk/node`.
   */
  file: Uploadable;
  model: TranscriptionModel;
  /** `json` (default): text and duration; `verbose_json`: plus speaker segments; `srt` / `vtt`: subtitles as a string. */
  response_format?: TranscriptionResponseFormat;
  /** Granularity of `verbose_json` / `srt` / `vtt` timestamps: `sentence` (default, also `''`) or `word`. */
  timestamp_level?: '' | 'sentence' | 'word';
  /**
   * The main spoken language as a BCP-47 tag (`zh`, `yue`, `en`, `ja`, `ko`, `fr`, …), sent as the `language` request
   * header; absent or empty: mixed-language recognition.
   */
  language?: string;
  /** `true`: the text as it is recognised, a {@link TranscriptionStream} (only with `response_format: 'json'`). */
  stream?: boolean;
  /**
   * The name sent with the audio; MiniMax reads the format from its extension. Default: the File's name, else
   * `upload.<ext>` from the Blob's type or `contentType` (`audio/mpeg` → `upload.mp3`).
   */
  filename?: string;
  /** The audio's MIME type, e.g. `audio/mpeg` (default: the Blob's type, else `application/octet-stream`). */
  contentType?: string;
}

export interface TranscriptionCreateParamsJson extends TranscriptionCreateParamsBase {
  response_format?: 'json';
  stream?: false;
}

export interface TranscriptionCreateParamsVerbose extends TranscriptionCreateParamsBase {
  response_format: 'verbose_json';
  stream?: false;
}

export interface TranscriptionCreateParamsSubtitles extends TranscriptionCreateParamsBase {
  response_format: 'srt' | 'vtt';
  stream?: false;
}

export interface TranscriptionCreateParamsStreaming extends TranscriptionCreateParamsBase {
  response_format?: 'json';
  stream: true;
}

export type TranscriptionCreateParams = TranscriptionCreateParamsBase;

/** `response_format: 'json'`: the text, the audio's length in seconds (what is billed) and the trace id. */
export type Transcription = Omit<SpeechToTextResp, 'n_speakers' | 'segments'>;
/** `response_format: 'verbose_json'`: plus the number of speakers and the timestamped segments, each with its speaker. */
export type TranscriptionVerbose = SpeechToTextResp;
export type TranscriptionSegment = SpeechToTextSegment;

const transcribe = defineOperation({
  call: speechToText,
  method: 'POST',
  path: '/v1/speech_to_text',
  billable: true,
  body: 'multipart',
  envelope: 'compatible',
  responseSchema: 'zSpeechToTextResponse',
  eventSchema: 'zSpeechToTextStreamEvent',
});

/** MiniMax's Speech-to-Text (asr-1.0): an audio file to text, speaker segments, subtitles, or a live transcript. */
export class Transcriptions extends APIResource {
  /**
   * Transcribes an audio file with MiniMax's Speech-to-Text. The result follows `response_format`: `json` →
   * {@link Transcription}, `verbose_json` → {@link TranscriptionVerbose}, `srt` / `vtt` → the subtitles as a string;
   * `stream: true` → a {@link TranscriptionStream}. Billable: retried only when the failure proves it did not run (a
   * rate limit), and never when the file is a stream (it cannot be sent twice).
   *
   * @example
   * ```ts
   * import { fileFromPath } from '@minimax-ts/sdk/node';
   * const { text, duration } = await mm.transcriptions.create({ file: await fileFromPath('meeting.mp3'), model: 'asr-1.0' });
   * const verbose = await mm.transcriptions.create({ file, model: 'asr-1.0', response_format: 'verbose_json', language: 'en' });
   * for (const s of verbose.segments ?? []) console.log(s.speaker, s.start, s.end, s.text);
   * const srt = await mm.transcriptions.create({ file, model: 'asr-1.0', response_format: 'srt' });
   * ```
   */
  create(params: TranscriptionCreateParamsStreaming, options?: RequestOptions): APIPromise<TranscriptionStream>;
  create(params: TranscriptionCreateParamsVerbose, options?: RequestOptions): APIPromise<TranscriptionVerbose>;
  create(params: TranscriptionCreateParamsSubtitles, options?: RequestOptions): APIPromise<string>;
  create(params: TranscriptionCreateParamsJson, options?: RequestOptions): APIPromise<Transcription>;
  create(
    params: TranscriptionCreateParams,
    options?: RequestOptions,
  ): APIPromise<Transcription | TranscriptionVerbose | string | TranscriptionStream>;
  create(
    params: TranscriptionCreateParams,
    options?: RequestOptions,
  ): APIPromise<Transcription | TranscriptionVerbose | string | TranscriptionStream> {
    return checkedCall(() => {
      const { input, format, stream, guard } = transcriptionRequest(params);
      // A streamed file is read once: a request that failed midway cannot be replayed.
      const effective = guard ? { ...options, maxRetries: 0 } : options;
      const call: APIPromise<Transcription | TranscriptionVerbose | string | TranscriptionStream> = stream
        ? this._transport
            .sse(transcribe, input, effective)
            ._thenUnwrap((open) => new TranscriptionStream(streamContext(open)))
        : format === 'srt' || format === 'vtt'
          ? this._transport.call(transcribe, input, effective, textAnswer)
          : this._transport.json<TranscriptionVerbose>(transcribe, input, effective);
      // A file stream the SDK refused midway (too large, unreadable) fails the call with that refusal.
      return guard
        ? call._thenUnwrap(
            (data) => data,
            (error) => guard.refusal() ?? error,
          )
        : call;
    });
  }
}
