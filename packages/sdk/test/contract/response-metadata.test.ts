/**
 * Response metadata on every call, against the mock over HTTP: each public method (the table in `every-call.ts`)
 * through `withResponse()` — the same data as `await`, the response, the `Trace-Id` the mock sends — and through
 * `asResponse()` — the raw response, body unread; refusals and API errors identical with and without them; and
 * the table itself checked against the client's methods, so a new method cannot go without.
 */

import { describe, expect, it } from 'vitest';
import {
  APIError,
  APIPromise,
  AuthenticationError,
  InvalidArgumentError,
  MiniMax,
  MiniMaxError,
  RateLimitError,
  TaskFailedError,
} from '../../src/index.ts';
import { EVERY_CALL, finish, NOT_HTTP } from './every-call.ts';
import { recordingFetch, useMock } from './mock-fixture.ts';

const mock = useMock();
const rows = EVERY_CALL.map((entry) => [entry.name, entry] as const);
const messages = [{ role: 'user' as const, content: 'Hi' }];
const speech = { model: 'speech-2.6-hd', text: 'Hi', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const v2 = {
  model: 'MiniMax-H3',
  content: [{ type: 'text' as const, text: 'cat' }],
  resolution: '2K' as const,
  ratio: '16:9' as const,
};

async function caught(promise: PromiseLike<unknown>): Promise<unknown> {
  return Promise.resolve(promise).then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('withResponse() on every call', () => {
  it.each(rows)('%s', async (_, entry) => {
    const mm = mock.client();
    const arg = entry.setup ? await entry.setup(mm) : '';
    const call = entry.call(mm, arg);
    expect(call).toBeInstanceOf(Promise);
    expect(call).toBeInstanceOf(APIPromise);
    const [plain, meta] = await Promise.all([call, call.withResponse()]);
    expect(meta.data).toBe(plain);
    expect(meta.response).toBeInstanceOf(Response);
    expect(meta.response.ok).toBe(true);
    expect(meta.traceId).toMatch(/\S/);
    expect(meta.traceId).toBe(meta.response.headers.get('trace-id'));
    if (entry.lastPath) expect(new URL(meta.response.url).pathname).toMatch(entry.lastPath);
    // A stream's or a download's body is theirs to read; every other answer was read by the SDK.
    expect(meta.response.bodyUsed).toBe(entry.kind !== 'stream' && entry.kind !== 'download');
    await finish(plain);
  });

  it('gives the data alone too, when the call itself is never awaited', async () => {
    const mm = mock.client();
    const { data, traceId } = await mm.speech.create(speech).withResponse();
    expect(data.audio).toBeInstanceOf(Uint8Array);
    // The speech body repeats the header's trace id.
    expect(traceId).toBe(data.trace_id);
  });

  it('a page promise: withResponse() is the first page; iterating is unchanged', async () => {
    const mm = mock.client();
    await mm.files.upload({ file: new Uint8Array(8), filename: 'a.mp3', purpose: 'voice_clone' });
    const list = mm.files.list({ purpose: 'voice_clone' });
    const { data: page, response } = await list.withResponse();
    expect(new URL(response.url).pathname).toBe('/v1/files/list');
    const items: unknown[] = [];
    for await (const file of list) items.push(file);
    expect(items).toEqual(page.items);
  });
});

describe('asResponse() on every call', () => {
  it.each(rows)('%s', async (_, entry) => {
    const mm = mock.client();
    const arg = entry.setup ? await entry.setup(mm) : '';
    const response = await entry.call(mm, arg).asResponse();
    expect(response.ok).toBe(true);
    expect(response.headers.get('trace-id')).toMatch(/\S/);
    if (entry.kind === 'composite') {
      // Made of several requests: the last one's response, which the SDK read to know the task was done.
      expect(new URL(response.url).pathname).toMatch(entry.lastPath!);
      expect(response.bodyUsed).toBe(true);
      return;
    }
    expect(response.bodyUsed).toBe(false);
    const text = await response.text();
    if (entry.kind === 'stream') {
      expect(response.headers.get('content-type')).toMatch(/event-stream/);
      expect(text).toMatch(/^data:/m);
    } else if (entry.kind === 'text') expect(text).toMatch(/-->/);
    else if (entry.kind === 'download') expect(text.length).toBeGreaterThan(0);
    else expect(typeof JSON.parse(text)).toBe('object');
  });

  it('parses nothing: a native failure inside an HTTP 200 comes back as the body says it', async () => {
    const response = await mock
      .client()
      .chat.create({ model: 'MiniMax-M2', messages }, mock.scenario('invalid_key'))
      .asResponse();
    expect(response.status).toBe(200);
    expect((await response.json()).base_resp.status_code).toBe(2049);
  });

  it('still raises an HTTP error status, after the usual retries', async () => {
    const recorder = recordingFetch();
    const error = await caught(
      mock
        .client({ fetch: recorder.fetch, maxRetries: 1 })
        .voices.list({ voice_type: 'all' }, mock.scenario('http_500'))
        .asResponse(),
    );
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(500);
    expect(recorder.calls).toHaveLength(2);
  });

  it('takes the call: awaiting it afterwards rejects, and so does a late asResponse()', async () => {
    const mm = mock.client();
    const call = mm.images.generate({ model: 'image-01', prompt: 'x' });
    const response = await call.asResponse();
    await response.arrayBuffer();
    expect(await caught(call)).toBeInstanceOf(MiniMaxError);
    expect(String(await caught(call.withResponse()))).toMatch(/asResponse\(\)/);
    // The other way round: once the SDK read the answer, its body cannot be handed over unread.
    const read = mm.images.generate({ model: 'image-01', prompt: 'x' });
    await read;
    expect(String(await caught(read.asResponse()))).toMatch(/after the answer arrived/);
  });
});

describe('failures are the same with and without the metadata', () => {
  const refused: Array<[string, (mm: MiniMax) => APIPromise<unknown>]> = [
    ['video.v2.create', (mm) => mm.video.v2.create({ ...v2, content: [], duration: 5 })],
    ['video.v2.generate', (mm) => mm.video.v2.generate({ ...v2, content: [], duration: 5 })],
    ['video.v2.wait', (mm) => mm.video.v2.wait('../etc')],
    ['video.v2.list', (mm) => mm.video.v2.list({ page_size: 0 })],
    ['voices.delete', (mm) => mm.voices.delete({ voice_id: 'x' } as never)],
    ['responses.create', (mm) => mm.responses.create({ model: 'MiniMax-M3' } as never)],
    ['files.retrieve', (mm) => mm.files.retrieve('not-an-id')],
    ['files.content', (mm) => mm.files.content('not-an-id')],
    ['music.coverPreprocess', (mm) => mm.music.coverPreprocess({ model: 'music-cover' })],
    ['transcriptions.create', (mm) => mm.transcriptions.create({ model: 'asr-1.0' } as never)],
  ];

  it.each(refused)('%s: InvalidArgumentError through the promise, nothing sent', async (_, make) => {
    const recorder = recordingFetch();
    const mm = mock.client({ fetch: recorder.fetch });
    let call: APIPromise<unknown> | undefined;
    expect(() => {
      call = make(mm);
    }).not.toThrow();
    const [plain, viaWith] = await Promise.allSettled([call!, call!.withResponse()]);
    expect(plain.status).toBe('rejected');
    expect((plain as PromiseRejectedResult).reason).toBeInstanceOf(InvalidArgumentError);
    expect((viaWith as PromiseRejectedResult).reason).toBe((plain as PromiseRejectedResult).reason);
    const viaAs = await caught(make(mm).asResponse());
    expect(viaAs).toBeInstanceOf(InvalidArgumentError);
    expect((viaAs as Error).message).toBe((plain as PromiseRejectedResult).reason.message);
    expect(recorder.calls).toEqual([]);
  });

  const failing: Array<[string, (mm: MiniMax) => APIPromise<unknown>, new (...a: never[]) => Error]> = [
    [
      'chat.create',
      (mm) => mm.chat.create({ model: 'MiniMax-M2', messages }, mock.scenario('invalid_key')),
      AuthenticationError,
    ],
    ['speech.create', (mm) => mm.speech.create(speech, mock.scenario('invalid_key')), AuthenticationError],
    ['speech.stream', (mm) => mm.speech.stream(speech, mock.scenario('rate_limit')), RateLimitError],
    [
      'files.list',
      (mm) => mm.files.list({ purpose: 'voice_clone' }, mock.scenario('invalid_key')),
      AuthenticationError,
    ],
    ['models.list', (mm) => mm.models.list(mock.scenario('http_500')), APIError],
    [
      'video.v2.generate',
      (mm) => mm.video.v2.generate({ ...v2, duration: 5 }, mock.scenario('task_fail')),
      TaskFailedError,
    ],
  ];

  it.each(failing)('%s: the same error from await and withResponse()', async (_, make, type) => {
    const call = make(mock.client({ maxRetries: 0 }));
    const [plain, viaWith] = await Promise.allSettled([call, call.withResponse()]);
    expect((plain as PromiseRejectedResult).reason).toBeInstanceOf(type);
    expect((viaWith as PromiseRejectedResult).reason).toBe((plain as PromiseRejectedResult).reason);
    const alone = await caught(make(mock.client({ maxRetries: 0 })).withResponse());
    expect(alone).toBeInstanceOf(type);
  });
});

describe('the table', () => {
  it('holds every public method of the client (so every one is checked above)', () => {
    const mm = new MiniMax({ apiKey: 'test-key' });
    const found: string[] = [];
    const walk = (object: object, path: string, depth: number): void => {
      for (const key of Object.keys(object)) {
        const value = (object as Record<string, unknown>)[key];
        if (typeof value === 'object' && value !== null && depth < 4) walk(value, `${path}${key}.`, depth + 1);
      }
      const proto = Object.getPrototypeOf(object);
      if (proto === Object.prototype || path === '') return;
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key !== 'constructor' && !key.startsWith('_') && typeof proto[key] === 'function')
          found.push(`${path}${key}`);
      }
    };
    walk(mm, '', 0);
    const covered = new Set([...EVERY_CALL.map((entry) => entry.name.replace(/\[.*\]$/, '')), ...NOT_HTTP]);
    expect(found.filter((name) => !covered.has(name))).toEqual([]);
    expect(found.length).toBeGreaterThan(40);
  });
});
