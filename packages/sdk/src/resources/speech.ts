import {
  type T2aAsyncV2QueryResp,
  type T2aAsyncV2Req,
  type T2aAsyncV2Resp,
  type T2aV2Req,
  type T2aV2Resp,
  t2aAsyncV2,
  t2aAsyncV2Query,
  t2aV2,
} from '@minimax-ts/generated';
import { type APIPromise, checkedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import { APIResource, type ResourceContext } from '../core/resource.ts';
import { TaskResource } from '../core/task-resource.ts';
import { checkIdFields, int64Id } from '../internal/ids.ts';
import { idKeys } from '../internal/lossless-json.ts';
import { defineOperation } from '../internal/operation.ts';
import { loadSpeechSessionOpener } from '../internal/speech-session-loader.ts';
import { streamContext } from '../internal/stream-context.ts';
import { AudioStream } from '../lib/audio-stream.ts';
import { hexToBytes } from '../lib/hex.ts';
import type { WaitOptions } from '../lib/poll-task.ts';
import type { SpeechSession } from '../lib/speech-session.ts';
import type { SpeechSessionOptions, SpeechSessionParams } from '../lib/speech-session-types.ts';

export type SpeechCreateParams = Omit<T2aV2Req, 'stream'>;
/** The synthesis response, plus its hex audio decoded (`undefined` when `output_format: 'url'`). */
export type SpeechResult = T2aV2Resp & { audio: Uint8Array | undefined };
export type SpeechTaskCreateParams = T2aAsyncV2Req;
export type SpeechTask = T2aAsyncV2Resp;
export type SpeechTaskStatus = T2aAsyncV2QueryResp;

const synthesize = defineOperation({
  call: t2aV2,
  method: 'POST',
  path: '/v1/t2a_v2',
  billable: true,
  body: 'json',
  envelope: 'native',
  responseSchema: 'zT2aV2Response',
  eventSchema: 'zT2aStreamEvent',
});

const createTask = defineOperation({
  call: t2aAsyncV2,
  method: 'POST',
  path: '/v1/t2a_async_v2',
  billable: true,
  body: 'json',
  idKeys: idKeys('text_file_id'),
  envelope: 'native',
  responseSchema: 'zT2aAsyncV2Response',
});

const queryTask = defineOperation({
  call: t2aAsyncV2Query,
  method: 'GET',
  path: '/v1/query/t2a_async_query_v2',
  billable: false,
  body: 'none',
  envelope: 'native',
  responseSchema: 'zT2aAsyncV2QueryResponse',
});

/** Long-text synthesis as a task (`/v1/t2a_async_v2`); the result is a `.tar` (audio + subtitles) in the files API. */
export class SpeechTasks extends TaskResource {
  /**
   * Starts a task. Give `text`, or `text_file_id` of a file uploaded with purpose `t2a_async_input`.
   *
   * @example
   * ```ts
   * const task = await mm.speech.tasks.create({ model: 'speech-2.6-hd', text: longText, voice_setting: { voice_id: 'English_Graceful_Lady' } });
   * const done = await mm.speech.tasks.wait(task.task_id!);
   * const archive = await mm.files.content(done.file_id!);
   * ```
   */
  create(params: SpeechTaskCreateParams, options?: RequestOptions): APIPromise<SpeechTask> {
    return checkedCall(() =>
      this._transport.json(createTask, { body: checkIdFields(params, createTask.idKeys!.keys) }, options),
    );
  }

  /** One status poll. */
  retrieve(taskId: string, options?: RequestOptions): APIPromise<SpeechTaskStatus> {
    return checkedCall(() =>
      this._transport.json(queryTask, { query: { task_id: int64Id(taskId, 'task_id') } }, options),
    );
  }

  /**
   * Polls until the task succeeds (`file_id` set) or fails (`TaskFailedError` with the task id). `withResponse()`
   * gives the final poll's response and trace id.
   */
  wait(taskId: string, options?: WaitOptions<SpeechTaskStatus>): APIPromise<SpeechTaskStatus> {
    return this._waitForTask(taskId, (id, o) => this.retrieve(id, o), options);
  }
}

/** Speech synthesis (T2A v2): one-shot, streamed, or as a task. */
export class Speech extends APIResource {
  readonly tasks: SpeechTasks;

  constructor(ctx: ResourceContext) {
    super(ctx);
    this.tasks = new SpeechTasks(ctx);
  }

  /**
   * Synthesises speech and decodes the hex audio.
   *
   * @example
   * ```ts
   * const { audio, extra_info } = await mm.speech.create({
   *   model: 'speech-2.6-hd', text: 'Hello!', voice_setting: { voice_id: 'English_Graceful_Lady' },
   * });
   * await writeFile('hello.mp3', audio!);
   * const { data, traceId } = await mm.speech.create(params).withResponse(); // traceId: the response's Trace-Id
   * ```
   */
  create(params: SpeechCreateParams, options?: RequestOptions): APIPromise<SpeechResult> {
    return checkedCall(() =>
      this._transport
        .json<T2aV2Resp>(synthesize, { body: { ...params, stream: false } }, options)
        ._thenUnwrap((response) => {
          const hex = response.data?.audio;
          const isUrl = params.output_format === 'url' || (typeof hex === 'string' && /^https?:/.test(hex));
          const source = { operation: 'POST /v1/t2a_v2', path: 'data.audio' };
          return { ...response, audio: hex && !isUrl ? hexToBytes(hex, source) : undefined };
        }),
    );
  }

  /**
   * Streams speech as decoded audio bytes. The final event's aggregated repeat of the audio is never yielded twice;
   * by default the request asks the server not to send it at all (`exclude_aggregated_audio`).
   *
   * @example
   * ```ts
   * const stream = await mm.speech.stream({ model: 'speech-2.6-turbo', text, voice_setting: { voice_id } });
   * for await (const bytes of stream) out.write(bytes);
   * ```
   */
  stream(params: SpeechCreateParams, options?: RequestOptions): APIPromise<AudioStream> {
    return checkedCall(() => {
      const body = {
        ...params,
        stream: true,
        stream_options: { exclude_aggregated_audio: true, ...params.stream_options },
      };
      return this._transport
        .sse(synthesize, { body }, options)
        ._thenUnwrap((open) => new AudioStream(streamContext(open)));
    });
  }

  /**
   * Opens a real-time session over MiniMax's WebSocket: the first audio arrives a few hundred milliseconds after the
   * first text. Resolves once the server started the task (a refused key rejects here). Send text with `send()` —
   * once, or piece by piece as an LLM writes it with `bidirectional: true` — iterate the decoded audio, and
   * `finish()` for the final metadata. Never reconnected or resent: a failure ends the session with a typed error
   * that carries the audio received before it (`partialAudio`). The WebSocket code (and the `ws` package) loads here,
   * on first use, not when the SDK is imported; a bundled application passes it as the `openSpeechSession` client
   * option instead (see `ClientOptions.openSpeechSession`). Not an HTTP call, so a plain promise (no
   * `withResponse()`): the handshake's `Trace-Id` is `session.traceId` until the first event brings the request's own.
   *
   * @example
   * ```ts
   * const session = await mm.speech.connect({ model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } });
   * session.send('Real-time speech, chunk by chunk.');
   * const done = session.finish();
   * for await (const bytes of session) file.write(bytes);
   * console.log((await done).extraInfo?.audio_length);
   * ```
   */
  async connect(params: SpeechSessionParams, options?: SpeechSessionOptions): Promise<SpeechSession> {
    const config = this._ctx.realtime;
    if (!config) throw new MiniMaxError('This client has no WebSocket configuration (build it with new MiniMax()).');
    const open = config.opener ?? (await loadSpeechSessionOpener());
    return open(config, params, options);
  }
}
