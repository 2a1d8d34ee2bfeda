/**
 * Every public HTTP method of the client, once, with the smallest valid arguments the mock accepts: the list the
 * coverage test walks (every operation of the spec reached) and the response-metadata table runs through
 * `withResponse()` / `asResponse()`. A call that consumes something (a delete, a cancel, a clone) gets it fresh from
 * its `setup`, so the same entry can run several times.
 */

import type { APIPromise, MiniMax } from '../../src/index.ts';

/** How a call's data is finished with (a stream read to its end, a download read whole), and what it is. */
export type CallKind = 'json' | 'stream' | 'download' | 'text' | 'page' | 'list' | 'composite';

export interface EveryCall {
  /** `resource.method` as a user writes it after `mm.` (a variant in brackets). */
  name: string;
  kind: CallKind;
  /** The call; `arg` is what `setup` made. */
  call: (mm: MiniMax, arg: string) => APIPromise<unknown>;
  /** Makes what the call consumes (a file, a task); its result is `arg`. */
  setup?: (mm: MiniMax) => Promise<string>;
  /** For a composite call: the path of the last request, whose response `withResponse()` gives. */
  lastPath?: RegExp;
}

const messages = [{ role: 'user' as const, content: 'Hi' }];
const voice = { voice_id: 'English_Graceful_Lady' };
const speech = { model: 'speech-2.6-hd', text: 'Hi', voice_setting: voice };
const content = [{ type: 'text' as const, text: 'cat' }];
const v2Create = { model: 'MiniMax-H3', content, resolution: '2K' as const, duration: 5, ratio: '16:9' as const };
const enhance = { model: 'MiniMax-H3', content, duration: 5, ratio: '16:9' as const };
const audio = () => ({ file: new Uint8Array(8), filename: 'a.mp3', model: 'asr-1.0' });
let serial = 0;

const upload = async (mm: MiniMax): Promise<string> =>
  (await mm.files.upload({ file: new Uint8Array(8), filename: 'a.mp3', purpose: 'voice_clone' })).file!.file_id;
const speechTask = async (mm: MiniMax) => (await mm.speech.tasks.create(speech)).task_id!;
const videoTask = async (mm: MiniMax) =>
  (await mm.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'cat' })).task_id!;
const templateTask = async (mm: MiniMax) =>
  (await mm.video.templates.create({ template_id: '392747428568649728' } as never)).task_id!;
const v2Task = async (mm: MiniMax) => String((await mm.video.v2.create(v2Create)).task_id);
const clonedVoice = async (mm: MiniMax) => {
  const voiceId = `MetaVoice${++serial}`;
  await mm.voices.clone({ file_id: await upload(mm), voice_id: voiceId });
  return voiceId;
};

export const EVERY_CALL: readonly EveryCall[] = [
  { name: 'chat.create', kind: 'json', call: (mm) => mm.chat.create({ model: 'MiniMax-M2', messages }) },
  {
    name: 'chat.create[stream]',
    kind: 'stream',
    call: (mm) => mm.chat.create({ model: 'MiniMax-M2', messages, stream: true }),
  },
  {
    name: 'openai.chat.completions.create',
    kind: 'json',
    call: (mm) => mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages }),
  },
  {
    name: 'openai.chat.completions.create[stream]',
    kind: 'stream',
    call: (mm) => mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages, stream: true }),
  },
  {
    name: 'anthropic.messages.create',
    kind: 'json',
    call: (mm) => mm.anthropic.messages.create({ model: 'MiniMax-M2', max_tokens: 64, messages }),
  },
  {
    name: 'anthropic.messages.stream',
    kind: 'stream',
    call: (mm) => mm.anthropic.messages.stream({ model: 'MiniMax-M2', max_tokens: 64, messages }),
  },
  { name: 'speech.create', kind: 'json', call: (mm) => mm.speech.create(speech) },
  { name: 'speech.stream', kind: 'stream', call: (mm) => mm.speech.stream(speech) },
  { name: 'speech.tasks.create', kind: 'json', call: (mm) => mm.speech.tasks.create(speech) },
  { name: 'speech.tasks.retrieve', kind: 'json', setup: speechTask, call: (mm, id) => mm.speech.tasks.retrieve(id) },
  {
    name: 'speech.tasks.wait',
    kind: 'composite',
    setup: speechTask,
    call: (mm, id) => mm.speech.tasks.wait(id),
    lastPath: /^\/v1\/query\/t2a_async_query_v2$/,
  },
  {
    name: 'files.upload',
    kind: 'json',
    call: (mm) => mm.files.upload({ file: new Uint8Array(8), filename: 'a.mp3', purpose: 'voice_clone' }),
  },
  { name: 'files.list', kind: 'page', setup: upload, call: (mm) => mm.files.list({ purpose: 'voice_clone' }) },
  { name: 'files.retrieve', kind: 'json', setup: upload, call: (mm, id) => mm.files.retrieve(id) },
  { name: 'files.content', kind: 'download', setup: upload, call: (mm, id) => mm.files.content(id) },
  {
    name: 'files.delete',
    kind: 'json',
    setup: upload,
    call: (mm, id) => mm.files.delete({ file_id: id, purpose: 'voice_clone' }),
  },
  {
    name: 'voices.clone',
    kind: 'json',
    setup: upload,
    call: (mm, id) => mm.voices.clone({ file_id: id, voice_id: `MetaClone${++serial}` }),
  },
  { name: 'voices.design', kind: 'json', call: (mm) => mm.voices.design({ prompt: 'warm', preview_text: 'Hello' }) },
  { name: 'voices.list', kind: 'json', call: (mm) => mm.voices.list({ voice_type: 'all' }) },
  {
    name: 'voices.delete',
    kind: 'json',
    setup: clonedVoice,
    call: (mm, id) => mm.voices.delete({ voice_id: id, voice_type: 'voice_cloning' }),
  },
  { name: 'video.create', kind: 'json', call: (mm) => mm.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'cat' }) },
  { name: 'video.retrieve', kind: 'json', setup: videoTask, call: (mm, id) => mm.video.retrieve(id) },
  {
    name: 'video.wait',
    kind: 'composite',
    setup: videoTask,
    call: (mm, id) => mm.video.wait(id),
    lastPath: /^\/v1\/query\/video_generation$/,
  },
  {
    name: 'video.generate',
    kind: 'composite',
    call: (mm) => mm.video.generate({ model: 'MiniMax-Hailuo-02', prompt: 'cat' }),
    lastPath: /^\/v1\/files\/retrieve$/,
  },
  {
    name: 'video.templates.create',
    kind: 'json',
    call: (mm) => mm.video.templates.create({ template_id: '392747428568649728' } as never),
  },
  {
    name: 'video.templates.retrieve',
    kind: 'json',
    setup: templateTask,
    call: (mm, id) => mm.video.templates.retrieve(id),
  },
  {
    name: 'video.templates.wait',
    kind: 'composite',
    setup: templateTask,
    call: (mm, id) => mm.video.templates.wait(id),
    lastPath: /^\/v1\/query\/video_template_generation$/,
  },
  { name: 'video.v2.create', kind: 'json', call: (mm) => mm.video.v2.create(v2Create) },
  { name: 'video.v2.retrieve', kind: 'json', setup: v2Task, call: (mm, id) => mm.video.v2.retrieve(id) },
  { name: 'video.v2.list', kind: 'page', setup: v2Task, call: (mm) => mm.video.v2.list({ page_size: 1 }) },
  { name: 'video.v2.cancel', kind: 'json', setup: v2Task, call: (mm, id) => mm.video.v2.cancel(id) },
  {
    name: 'video.v2.wait',
    kind: 'composite',
    setup: v2Task,
    call: (mm, id) => mm.video.v2.wait(id),
    lastPath: /^\/v2\/query\/video_generation\/\d+$/,
  },
  {
    name: 'video.v2.generate',
    kind: 'composite',
    call: (mm) => mm.video.v2.generate(v2Create),
    lastPath: /^\/v2\/query\/video_generation\/\d+$/,
  },
  {
    name: 'video.v2.createPromptEnhancement',
    kind: 'json',
    call: (mm) => mm.video.v2.createPromptEnhancement(enhance),
  },
  {
    name: 'video.v2.enhancePrompt',
    kind: 'composite',
    call: (mm) => mm.video.v2.enhancePrompt(enhance),
    lastPath: /^\/v2\/query\/video_generation\/\d+$/,
  },
  { name: 'images.generate', kind: 'json', call: (mm) => mm.images.generate({ model: 'image-01', prompt: 'cat' }) },
  {
    name: 'music.generate',
    kind: 'json',
    call: (mm) => mm.music.generate({ model: 'music-2.0', prompt: 'folk', lyrics: '[Verse]\nHi' }),
  },
  {
    name: 'music.stream',
    kind: 'stream',
    call: (mm) => mm.music.stream({ model: 'music-2.0', prompt: 'folk', lyrics: '[Verse]\nHi' }),
  },
  {
    name: 'music.generateLyrics',
    kind: 'json',
    call: (mm) => mm.music.generateLyrics({ mode: 'write_full_song', prompt: 'a summer song' }),
  },
  {
    name: 'music.coverPreprocess',
    kind: 'json',
    call: (mm) => mm.music.coverPreprocess({ model: 'music-cover', audio_url: 'https://example.com/song.mp3' }),
  },
  { name: 'transcriptions.create', kind: 'json', call: (mm) => mm.transcriptions.create(audio()) },
  {
    name: 'transcriptions.create[srt]',
    kind: 'text',
    call: (mm) => mm.transcriptions.create({ ...audio(), response_format: 'srt' }),
  },
  {
    name: 'transcriptions.create[stream]',
    kind: 'stream',
    call: (mm) => mm.transcriptions.create({ ...audio(), stream: true }),
  },
  { name: 'responses.create', kind: 'json', call: (mm) => mm.responses.create({ model: 'MiniMax-M3', input: 'Hi' }) },
  {
    name: 'responses.stream',
    kind: 'stream',
    call: (mm) => mm.responses.stream({ model: 'MiniMax-M3', input: 'Hi' }),
  },
  {
    name: 'responses.inputTokens',
    kind: 'json',
    call: (mm) => mm.responses.inputTokens({ model: 'MiniMax-M3', input: 'Hi' }),
  },
  { name: 'models.list', kind: 'list', call: (mm) => mm.models.list() },
  { name: 'models.retrieve', kind: 'json', call: (mm) => mm.models.retrieve('MiniMax-M3') },
  { name: 'account.tokenPlanRemains', kind: 'json', call: (mm) => mm.account.tokenPlanRemains() },
  { name: 'account.balance', kind: 'json', call: (mm) => mm.account.balance() },
];

/** Public methods that are not HTTP calls, and so return no APIPromise. */
export const NOT_HTTP: ReadonlySet<string> = new Set(['speech.connect']);

/** Reads a call's data to its end (a stream's events, a download's bytes), so that nothing is left open. */
export async function finish(data: unknown): Promise<void> {
  if (typeof (data as { bytes?: unknown })?.bytes === 'function') {
    await (data as { bytes(): Promise<Uint8Array> }).bytes();
  } else if (typeof (data as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function') {
    for await (const _ of data as AsyncIterable<unknown>);
  }
}
