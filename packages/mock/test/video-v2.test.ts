/**
 * Video V2 over HTTP: the task lifecycle (queued → running → succeeded, usage, the MP4 download, the H3-Context-IR
 * prompt), listing with filters and pages, cancel/delete by status, unknown ids, and the OaiError family's statuses
 * and bodies — with the OpenAI-compatible chat's own table left as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.ts';
import { AUTH, describeErrors, get, post, requestExample, responseValidator, start } from './helpers.ts';

type Json = Record<string, unknown>;
type Task = Json & { id: string; status: string; usage: Json; content?: Json; error?: Json };

let mock: MockServer;
beforeAll(async () => {
  mock = await start({ taskPolls: 2 });
});
afterAll(() => mock.close());

const VIDEO = {
  model: 'MiniMax-H3',
  content: [{ type: 'text', text: 'A boy playing basketball by the sea' }],
  resolution: '2K',
  duration: 5,
  ratio: '16:9',
};
const QUERY = '/v2/query/video_generation';

async function create(body: Json = VIDEO, headers: Record<string, string> = {}, path = '/v2/video_generation') {
  const res = await post(mock, path, body, headers);
  expect(res.status).toBe(200);
  const { task_id } = (await res.json()) as { task_id: unknown };
  expect(task_id).toMatch(/^\d{15}$/);
  return task_id as string;
}

async function poll(id: string): Promise<Task> {
  const res = await get(mock, `${QUERY}/${id}`);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const body = JSON.parse(text) as { task: Task };
  const validate = responseValidator(`${QUERY}/{task_id}`, 'get', '200', 'application/json')!;
  expect(validate(body), describeErrors(validate)).toBe(true);
  return body.task;
}

function remove(id: string) {
  return fetch(`${mock.url}/v2/video_generation/${id}`, { method: 'DELETE', headers: AUTH });
}

async function oaiError(res: Response, status: number, type: string, message: RegExp) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { type: string; error: Json; request_id: string };
  expect(body.type).toBe('error');
  expect(body.error).toEqual({ type, message: expect.stringMatching(message), http_code: String(status) });
  expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
  return body;
}

describe('video task lifecycle', () => {
  it('goes queued → running → succeeded, with usage {} until success and a downloadable MP4', async () => {
    const id = await create();
    const tasks = [await poll(id), await poll(id), await poll(id), await poll(id)];
    expect(tasks.map((t) => t.status)).toEqual(['queued', 'running', 'succeeded', 'succeeded']);
    for (const t of tasks.slice(0, 2)) {
      expect(t.usage).toEqual({});
      expect(t.content).toBeUndefined();
    }
    const done = tasks[2]!;
    expect(done).toMatchObject({ id, model: 'MiniMax-H3', resolution: '2K', duration: 5, ratio: '16:9' });
    expect(done).toMatchObject({ task_type: 'generation', modality: 'video' });
    expect(done.usage).toMatchObject({ output_seconds: 5, total_seconds: 5, input_image_count: 0 });
    expect(done.usage.total_tokens).toBe(Number(done.usage.prompt_tokens) + Number(done.usage.completion_tokens));
    expect(Number.isInteger(done.created_at) && Number(done.created_at) < 1e11).toBe(true); // seconds, not ms
    expect(Number(done.updated_at)).toBeGreaterThanOrEqual(Number(done.created_at));
    const video = await fetch(done.content!.url as string);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(new TextDecoder().decode(new Uint8Array(await video.arrayBuffer()).slice(4, 8))).toBe('ftyp');
    // The result is not a file of the files API (V2 has none).
    const files = (await (await get(mock, '/v1/files/list')).json()) as { files?: Json[] };
    expect((files.files ?? []).some((f) => String(f.filename).startsWith(id))).toBe(false);
  });

  it('ends failed with error.code "1026" (a string) under task_fail', async () => {
    const id = await create(VIDEO, { Prefer: 'scenario=task_fail, polls=0' });
    const task = await poll(id);
    expect(task.status).toBe('failed');
    expect(task.error).toEqual({ code: '1026', message: 'video description contains sensitive content' });
    expect(task.usage).toEqual({});
  });

  it('counts reference media in usage', async () => {
    const body = {
      ...VIDEO,
      ratio: 'adaptive',
      content: [
        VIDEO.content[0],
        { type: 'image_url', image_url: { url: 'https://example.com/a.png' }, role: 'reference_image' },
        { type: 'audio_url', audio_url: { url: 'https://example.com/a.mp3' }, role: 'reference_audio' },
      ],
    };
    const task = await poll(await create(body, { Prefer: 'polls=0' }));
    expect(task.usage).toMatchObject({ input_image_count: 1, input_audio_seconds: 5 });
  });

  it('H3-Context-IR succeeds with the enhanced prompt in its documented sections', async () => {
    const body = requestExample('post', '/v2/h3_context_ir');
    const task = await poll(await create(body, { Prefer: 'polls=0' }, '/v2/h3_context_ir'));
    expect(task).toMatchObject({ status: 'succeeded', task_type: 'h3_context_ir', modality: 'text' });
    expect(task.resolution).toBeUndefined();
    const prompt = String(task.content?.prompt);
    expect(prompt).toMatch(/^integrated_multimodal_description: .+\noverall_soundscape: .+\nnon_diegetic_music: .+$/);
    expect(Object.keys(task.usage).sort()).toEqual(['completion_tokens', 'prompt_tokens', 'total_tokens']);
  });

  it('answers an unknown task id with 400 invalid task_id, never an example', async () => {
    await oaiError(await get(mock, `${QUERY}/424010985738629`), 400, 'bad_request_error', /invalid task_id \(2013\)$/);
    await oaiError(await remove('424010985738629'), 400, 'bad_request_error', /invalid task_id/);
  });

  it('refuses what the docs refuse, with their 400 (2013)', async () => {
    const image = { type: 'image_url', image_url: { url: 'https://example.com/a.png' } };
    const noText = await post(mock, '/v2/video_generation', { ...VIDEO, content: [image] });
    await oaiError(noText, 400, 'bad_request_error', /^invalid params, content must include a non-empty text item/);
    const mixed = {
      ...VIDEO,
      content: [VIDEO.content[0], { ...image, role: 'first_frame' }, { ...image, role: 'reference_image' }],
    };
    await oaiError(await post(mock, '/v2/video_generation', mixed), 400, 'bad_request_error', /cannot be mixed/);
    const { ratio: _, ...noRatio } = VIDEO;
    await oaiError(await post(mock, '/v2/video_generation', noRatio), 400, 'bad_request_error', /ratio is required/);
  });
});

describe('cancel or delete', () => {
  it('cancels a queued task, deletes a finished one, refuses a running or cancelled one', async () => {
    const queued = await create();
    expect(await (await remove(queued)).json()).toEqual({ task_id: queued, action: 'cancelled', status: 'cancelled' });
    expect((await poll(queued)).status).toBe('cancelled');
    await oaiError(await remove(queued), 400, 'bad_request_error', /cancelled and cannot be cancelled or deleted/);

    const running = await create();
    await poll(running);
    expect((await poll(running)).status).toBe('running');
    await oaiError(await remove(running), 400, 'bad_request_error', /running and cannot/);

    const done = await create(VIDEO, { Prefer: 'polls=0' });
    expect((await poll(done)).status).toBe('succeeded');
    expect(await (await remove(done)).json()).toEqual({ task_id: done, action: 'deleted', status: 'deleted' });
    await oaiError(await get(mock, `${QUERY}/${done}`), 400, 'bad_request_error', /invalid task_id/);
  });
});

describe('list', () => {
  it('pages newest first with total, and filters by status, ids, model and type', async () => {
    await mock.reset();
    const ids = [await create(), await create(), await create()];
    const ir = await create(requestExample('post', '/v2/h3_context_ir'), {}, '/v2/h3_context_ir');
    const page = async (qs: string) => {
      const res = await get(mock, `${QUERY}?${qs}`);
      const body = (await res.json()) as { items: Task[]; total: number };
      const validate = responseValidator(QUERY, 'get', '200', 'application/json')!;
      expect(validate(body), describeErrors(validate)).toBe(true);
      return body;
    };
    const first = await page('page_num=1&page_size=3');
    expect(first.total).toBe(4);
    expect(first.items.map((t) => t.id)).toEqual([ir, ids[2], ids[1]]);
    const second = await page('page_num=2&page_size=3');
    expect(second.items.map((t) => t.id)).toEqual([ids[0]]);
    expect((await page('page_num=3&page_size=3')).items).toEqual([]);

    expect((await page('filter.task_type=h3_context_ir')).items.map((t) => t.id)).toEqual([ir]);
    const some = await page(`filter.task_ids=${ids[0]}&filter.task_ids=${ids[2]}`);
    expect(some.items.map((t) => t.id)).toEqual([ids[2], ids[0]]);
    expect(some.total).toBe(2);
    await poll(ids[1]!);
    await poll(ids[1]!);
    expect((await page('filter.status=running')).items.map((t) => t.id)).toEqual([ids[1]]);
    expect((await page('filter.model=MiniMax-H3-Max')).total).toBe(0);
    // Listing does not advance a task.
    expect((await page(`filter.task_ids=${ids[0]}`)).items[0]!.status).toBe('queued');
  });
});

describe('OaiError statuses (Video V2, speech-to-text)', () => {
  const scenario = (name: string) => ({ Prefer: `scenario=${name}`, 'X-Mock-Session': `${name}-${Math.random()}` });
  it.each([
    ['insufficient_balance', 402, 'insufficient_balance_error', /^insufficient balance \(1008\)$/],
    ['sensitive', 422, 'unprocessable_entity_error', /^video description contains sensitive content \(1026\)$/],
    ['auth', 401, 'authorized_error', /\(1004\)$/],
    ['invalid_key', 401, 'authorized_error', /^invalid api key \(2049\)$/],
    ['rate_limit', 429, 'rate_limit_error', /^rate limit, please retry later \(1002\)$/],
    ['unknown_error', 500, 'server_error', /^internal error \(1000\)$/],
    ['invalid_params', 400, 'bad_request_error', /\(2013\)$/],
    ['overloaded', 529, 'overloaded_error', /overloaded/],
    ['http_529', 529, 'overloaded_error', /overloaded/],
    ['http_500', 500, 'server_error', /^internal error \(1000\)$/],
    ['http_429', 429, 'rate_limit_error', /\(1002\)$/],
  ] as const)('%s → %i %s', async (name, status, type, message) => {
    const res = await post(mock, '/v2/video_generation', VIDEO, scenario(name));
    await oaiError(res, status, type, message);
    if (name === 'http_429') expect(res.headers.get('retry-after')).toBe('1');
  });

  it('529 carries Retry-After when asked; a 502 is still the proxy page', async () => {
    const overloaded = await post(mock, '/v2/video_generation', VIDEO, {
      Prefer: 'scenario=overloaded, retry_after=3',
    });
    expect(overloaded.headers.get('retry-after')).toBe('3');
    const gateway = await post(mock, '/v2/video_generation', VIDEO, { Prefer: 'scenario=http_502' });
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('speech-to-text words 1026 its own way and answers 413 without a code', async () => {
    const form = new FormData();
    form.set('model', 'asr-1.0');
    form.set('file', new Blob([new Uint8Array(16)], { type: 'audio/wav' }), 'a.wav');
    const send = (name: string) =>
      fetch(`${mock.url}/v1/speech_to_text`, { method: 'POST', headers: { ...AUTH, ...scenario(name) }, body: form });
    await oaiError(await send('sensitive'), 422, 'unprocessable_entity_error', /^audio content contains sensitive/);
    await oaiError(
      await send('http_413'),
      413,
      'invalid_request_error',
      /^request body too large: \d+ bytes exceeds limit of 52428800 bytes$/,
    );
    await oaiError(await send('insufficient_balance'), 402, 'insufficient_balance_error', /\(1008\)$/);
  });

  it('speech-to-text refuses a body over 50 MB with its documented 413, before reading it', async () => {
    const form = new FormData();
    form.set('model', 'asr-1.0');
    form.set('file', new Blob([new Uint8Array(52_428_801)], { type: 'audio/wav' }), 'long.wav');
    const res = await fetch(`${mock.url}/v1/speech_to_text`, { method: 'POST', headers: AUTH, body: form });
    const body = await oaiError(
      res,
      413,
      'invalid_request_error',
      /^request body too large: \d+ bytes exceeds limit of 52428800 bytes$/,
    );
    expect(Number(/: (\d+) bytes/.exec(String(body.error.message))?.[1])).toBeGreaterThan(52_428_800);
  });

  it('a missing key is a 401 authorized_error on V2', async () => {
    const res = await fetch(`${mock.url}${QUERY}`, { headers: {} });
    await oaiError(res, 401, 'authorized_error', /\(1004\)$/);
  });

  it('leaves the OpenAI-compatible chat on its own table (insufficient balance: 500 api_error)', async () => {
    const body = { model: 'MiniMax-M2', messages: [{ role: 'user', content: 'hi' }] };
    const res = await post(mock, '/v1/chat/completions', body, scenario('insufficient_balance'));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: Json }).error).toMatchObject({ type: 'api_error' });
  });
});
