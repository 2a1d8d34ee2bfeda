/**
 * `mm.transcriptions.create` against the mock over real HTTP: every input `files.upload` takes, every
 * `response_format`, the stream, the `language` header, the refusals before sending, and the endpoint's failures
 * (V2 / OaiError bodies with real statuses) as typed errors. The mock transcribes a text file to its own text, so
 * every answer below is known in advance.
 */

import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  AuthenticationError,
  ContentSensitiveError,
  InsufficientBalanceError,
  InvalidArgumentError,
  InvalidParamsError,
  MAX_TRANSCRIPTION_BYTES,
  RateLimitError,
  type TranscriptionCreateParamsJson,
  TranscriptionStream,
} from '../../src/index.ts';
import { fileFromPath } from '../../src/node.ts';
import { useMock } from './mock-fixture.ts';

const mock = useMock();
const SAID = "Can we go over the agenda?\nSure, let's start with the budget.";
const TEXT = "Can we go over the agenda? Sure, let's start with the budget.";
const bytes = new TextEncoder().encode(SAID);
const model = 'asr-1.0';

/** A client whose fetch records each request's headers and multipart fields (when the body is a FormData). */
function recording() {
  const sent: Array<{ headers: Headers; form: FormData | undefined }> = [];
  const client = mock.client({
    fetch: (input, init) => {
      sent.push({
        headers: new Headers(init?.headers),
        form: init?.body instanceof FormData ? init.body : undefined,
      });
      return fetch(input, init);
    },
  });
  return { client, sent };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asr-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('response formats', () => {
  it('json: text, duration and trace id; the form and the language header on the wire', async () => {
    const { client, sent } = recording();
    const result = await client.transcriptions.create({ file: bytes, filename: 'meeting.mp3', model, language: 'en' });
    expect(result).toEqual({ text: TEXT, duration: 5.3, trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(sent[0]!.headers.get('language')).toBe('en');
    const form = sent[0]!.form!;
    expect([...form.keys()].sort()).toEqual(['file', 'model', 'response_format']);
    expect(form.get('model')).toBe('asr-1.0');
    expect((form.get('file') as File).name).toBe('meeting.mp3');
  });

  it('verbose_json: speakers and segments, by sentence or by word', async () => {
    const mm = mock.client();
    const verbose = await mm.transcriptions.create({
      file: bytes,
      filename: 'a.mp3',
      model,
      response_format: 'verbose_json',
    });
    expect(verbose.n_speakers).toBe(2);
    expect(verbose.segments).toEqual([
      { id: 0, start: 0.1, end: 2.5, speaker: 'S1', text: 'Can we go over the agenda?' },
      { id: 1, start: 2.8, end: 5.2, speaker: 'S2', text: "Sure, let's start with the budget." },
    ]);
    const words = await mm.transcriptions.create({
      file: bytes,
      filename: 'a.mp3',
      model,
      response_format: 'verbose_json',
      timestamp_level: 'word',
    });
    expect(words.segments?.map((s) => s.text)).toEqual(TEXT.split(' '));
  });

  it('srt and vtt: the subtitles as a string', async () => {
    const mm = mock.client();
    const srt: string = await mm.transcriptions.create({
      file: bytes,
      filename: 'a.mp3',
      model,
      response_format: 'srt',
    });
    expect(srt).toMatch(/^1\n00:00:00,100 --> 00:00:02,500\nCan we go over the agenda\?\n\n2\n/);
    const vtt: string = await mm.transcriptions.create({
      file: bytes,
      filename: 'a.mp3',
      model,
      response_format: 'vtt',
    });
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.100 --> 00:00:02.500\n')).toBe(true);
  });

  it('stream: frames, text events, the transcript in index order and the duration', async () => {
    const stream = await mock.client().transcriptions.create({ file: bytes, filename: 'a.mp3', model, stream: true });
    expect(stream).toBeInstanceOf(TranscriptionStream);
    const snapshots: string[] = [];
    stream.on('text', (_delta, snapshot) => snapshots.push(snapshot));
    const frames = [];
    for await (const frame of stream) frames.push(frame);
    expect(frames.at(-1)).toEqual({ index: frames.length - 1, delta: '', finish: true, duration: 5.3 });
    expect(snapshots.at(-1)).toBe(TEXT);
    expect(await stream.finalText()).toBe(TEXT);
    expect(stream.duration).toBe(5.3);
    expect(stream.finished).toBe(true);
  });
});

describe('every input files.upload takes', () => {
  const inputs: Array<[string, () => Promise<TranscriptionCreateParamsJson>]> = [
    ['a File (its name)', async () => ({ file: new File([bytes], 'talk.m4a'), model })],
    ['a Blob (upload.<ext> from its type)', async () => ({ file: new Blob([bytes], { type: 'audio/ogg' }), model })],
    ['bytes with a filename', async () => ({ file: bytes, filename: 'a.wav', model })],
    [
      'an ArrayBuffer with a content type',
      async () => ({ file: bytes.slice().buffer, contentType: 'audio/flac', model }),
    ],
    ['a string', async () => ({ file: SAID, filename: 'a.mp3', model })],
    ['a ReadableStream', async () => ({ file: new Blob([bytes]).stream(), filename: 'a.mp3', model })],
    [
      'an async iterable',
      async () => ({
        file: (async function* () {
          yield bytes.subarray(0, 10);
          yield bytes.subarray(10);
        })(),
        filename: 'a.mp3',
        model,
      }),
    ],
    [
      'fileFromPath',
      async () => {
        const path = join(dir, 'said.opus');
        await writeFile(path, SAID);
        return { file: await fileFromPath(path), model };
      },
    ],
  ];

  it.each(inputs)('%s', async (_, params) => {
    const result = await mock.client().transcriptions.create(await params());
    expect(result.text).toBe(TEXT);
  });

  it('a streamed file is sent once: a rate limit is not retried', async () => {
    const mm = mock.client();
    const stream = new Blob([bytes]).stream();
    const error = await mm.transcriptions
      .create({ file: stream, filename: 'a.mp3', model }, mock.scenario('rate_limit_once'))
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    // A Blob can be replayed: the same scenario is retried and succeeds.
    const ok = await mm.transcriptions.create(
      { file: bytes, filename: 'a.mp3', model },
      mock.scenario('rate_limit_once'),
    );
    expect(ok.text).toBe(TEXT);
  });
});

describe('refused before sending', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['no model', 'model', { file: bytes, filename: 'a.mp3' }],
    ['an empty model', 'model', { file: bytes, filename: 'a.mp3', model: ' ' }],
    ['no file', 'file', { model }],
    ['an empty file', 'file', { file: new Uint8Array(0), filename: 'a.mp3', model }],
    ['an empty Blob', 'file', { file: new File([], 'a.mp3'), model }],
    ['no name and no type', 'filename', { file: bytes, model }],
    ['raw PCM by type', 'file', { file: bytes, contentType: 'audio/L16; rate=16000', filename: 'a.wav', model }],
    ['raw PCM by name', 'file', { file: bytes, filename: 'take.pcm', model }],
    [
      'an unknown response_format',
      'response_format',
      { file: bytes, filename: 'a.mp3', model, response_format: 'text' },
    ],
    ['stream with srt', 'stream', { file: bytes, filename: 'a.mp3', model, response_format: 'srt', stream: true }],
    [
      'stream with verbose_json',
      'stream',
      { file: bytes, filename: 'a.mp3', model, response_format: 'verbose_json', stream: true },
    ],
    ['a stream that is not a boolean', 'stream', { file: bytes, filename: 'a.mp3', model, stream: 'true' }],
    [
      'a timestamp_level that is not a string',
      'timestamp_level',
      { file: bytes, filename: 'a.mp3', model, timestamp_level: 1 },
    ],
    [
      'a language with a line break',
      'language',
      { file: bytes, filename: 'a.mp3', model, language: 'en\r\nX-Evil: 1' },
    ],
    ['a language outside ASCII', 'language', { file: bytes, filename: 'a.mp3', model, language: '中文' }],
  ];

  it.each(cases)('%s', async (_, argument, params) => {
    const { client, sent } = recording();
    const error = await client.transcriptions.create(params as never).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe(argument);
    expect(sent).toHaveLength(0);
  });

  it('a file over 50 MB whose size is known (a sparse file on disk, never read)', async () => {
    const path = join(dir, 'huge.wav');
    await writeFile(path, '');
    await truncate(path, MAX_TRANSCRIPTION_BYTES + 1);
    const { client, sent } = recording();
    const error = await client.transcriptions.create({ file: await fileFromPath(path), model }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toMatch(/52428801 bytes.*413/);
    expect(sent).toHaveLength(0);
  });

  it('a streamed file that turns out empty fails the request with InvalidArgumentError', async () => {
    const error = await mock
      .client()
      .transcriptions.create({ file: new Blob([]).stream(), filename: 'a.mp3', model })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe('file');
  });
});

describe("the endpoint's failures", () => {
  const file = { file: bytes, filename: 'a.mp3', model };

  it('sensitive audio: ContentSensitiveError, HTTP 422, code 1026, the request id', async () => {
    const error = await mock
      .client()
      .transcriptions.create(file, mock.scenario('sensitive'))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect(error).toMatchObject({ status: 422, code: 1026, type: 'unprocessable_entity_error' });
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('insufficient balance: HTTP 402, never retried', async () => {
    const error = await mock
      .client()
      .transcriptions.create(file, mock.scenario('insufficient_balance'))
      .catch((e) => e);
    expect(error).toBeInstanceOf(InsufficientBalanceError);
    expect(error.status).toBe(402);
  });

  it('a rejected key: AuthenticationError, HTTP 401', async () => {
    const error = await mock
      .client()
      .transcriptions.create(file, mock.scenario('auth'))
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
  });

  it('an unknown model: InvalidParamsError, HTTP 400, code 2013', async () => {
    const error = await mock
      .client()
      .transcriptions.create({ ...file, model: 'asr-9' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(error).toMatchObject({ status: 400, code: 2013 });
  });

  it('a stream cut midway: APIConnectionError with the text received so far', async () => {
    const stream = await mock.client().transcriptions.create({ ...file, stream: true }, mock.scenario('stream_cut'));
    const error = await stream.finalText().catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(TEXT.startsWith(error.partialText)).toBe(true);
    expect(error.partialText.length).toBeGreaterThan(0);
  });

  it('an error frame inside the stream: the typed error', async () => {
    const stream = await mock.client().transcriptions.create({ ...file, stream: true }, mock.scenario('stream_error'));
    const error = await stream.finalText().catch((e) => e);
    expect(error).toBeInstanceOf(ContentSensitiveError);
  });
});
