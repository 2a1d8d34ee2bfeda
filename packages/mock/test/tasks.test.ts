/** Task lifecycles: video and async speech progress one status per poll and deliver a downloadable file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.ts';
import { lifecycleFromEnum } from '../src/tasks.ts';
import { get, INDEX, post, readJson, requestExample, start } from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await start({ taskPolls: 3 });
});
afterAll(() => mock.close());

type Json = Record<string, unknown>;

const VIDEO = requestExample('post', '/v1/video_generation');
const SPEECH = requestExample('post', '/v1/t2a_async_v2');

function statusEnum(path: string): string[] | undefined {
  const op = INDEX.find('get', path);
  return INDEX.enumOf(INDEX.property(op?.jsonSchema, 'status'));
}

async function json(res: Response): Promise<Json> {
  return readJson(await res.text()) as Json;
}

describe('video task', () => {
  it('progresses Preparing → Queueing → Processing → Success, then its file is retrievable and downloadable', async () => {
    const created = await json(await post(mock, '/v1/video_generation', VIDEO));
    const taskId = created.task_id as string;
    expect(typeof taskId).toBe('string');

    const lifecycle = lifecycleFromEnum(statusEnum('/v1/query/video_generation'));
    const seen: string[] = [];
    let last: Json = {};
    for (let i = 0; i < 5; i++) {
      last = await json(await get(mock, `/v1/query/video_generation?task_id=${taskId}`));
      seen.push(last.status as string);
    }
    expect(seen).toEqual([...lifecycle.progress, lifecycle.success, lifecycle.success]);
    expect(lifecycle.progress).toEqual(['Preparing', 'Queueing', 'Processing']);
    expect(last.task_id).toBe(taskId);

    const fileId = last.file_id as string;
    expect(fileId).toMatch(/^\d+$/);
    const file = (await json(await get(mock, `/v1/files/retrieve?file_id=${fileId}`))).file as Json;
    expect(file.file_id).toBe(fileId);
    const video = await fetch(file.download_url as string);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    const bytes = new Uint8Array(await video.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');
  });

  it('has no file_id before it succeeds', async () => {
    const created = await json(await post(mock, '/v1/video_generation', VIDEO));
    const first = await json(await get(mock, `/v1/query/video_generation?task_id=${created.task_id}`));
    expect(first.status).toBe('Preparing');
    expect(first.file_id).toBeUndefined();
  });

  it('ends in Fail with the task_fail scenario', async () => {
    const created = await json(await post(mock, '/v1/video_generation', VIDEO, { Prefer: 'scenario=task_fail' }));
    const statuses: string[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await json(await get(mock, `/v1/query/video_generation?task_id=${created.task_id}`))).status as string,
      );
    }
    expect(statuses.at(-1)).toBe(lifecycleFromEnum(statusEnum('/v1/query/video_generation')).fail);
  });

  it('takes as many polls as asked with Prefer: polls=N (0 = done on the first poll)', async () => {
    const created = await json(await post(mock, '/v1/video_generation', VIDEO, { Prefer: 'polls=0' }));
    const first = await json(await get(mock, `/v1/query/video_generation?task_id=${created.task_id}`));
    expect(first.status).toBe('Success');
  });

  it('refuses an id it never handed out as the real API does (base_resp 2013), never a fake success', async () => {
    const res = await get(mock, '/v1/query/video_generation?task_id=999');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.base_resp).toEqual({ status_code: 2013, status_msg: 'invalid params, task 999 not found' });
    expect(body.status).toBeUndefined();
  });

  it.each([
    ['/v1/query/video_generation', '106916112212032'],
    ['/v1/query/t2a_async_query_v2', '307123456789012345'],
  ])('still answers the documented example id on %s with the example (frontends wired to it)', async (path, id) => {
    const body = await json(await get(mock, `${path}?task_id=${id}`));
    expect((body.base_resp as { status_code: number }).status_code).toBe(0);
    expect(String(body.task_id)).toBe(id);
  });
});

describe('async speech task', () => {
  it('names its result file at creation and delivers it as a .tar at success', async () => {
    const res = await post(mock, '/v1/t2a_async_v2', SPEECH);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const created = readJson(text) as Json;
    const taskId = created.task_id as string;
    const fileId = created.file_id as string;
    // Both are int64 ids on the wire: bare numbers.
    expect(text).toContain(`"task_id":${taskId}`);
    expect(text).toContain(`"file_id":${fileId}`);

    const lifecycle = lifecycleFromEnum(statusEnum('/v1/query/t2a_async_query_v2'));
    let status = '';
    let last: Json = {};
    for (let i = 0; i < 4; i++) {
      last = await json(await get(mock, `/v1/query/t2a_async_query_v2?task_id=${taskId}`));
      status = last.status as string;
      if (i < 3) expect(lifecycle.progress).toContain(status);
    }
    expect(status).toBe(lifecycle.success);
    expect(last.file_id).toBe(fileId);

    const content = await get(mock, `/v1/files/retrieve_content?file_id=${fileId}`);
    const tar = new Uint8Array(await content.arrayBuffer());
    expect(new TextDecoder().decode(tar.slice(257, 262))).toBe('ustar');
    expect(new TextDecoder().decode(tar.slice(0, 100))).toContain(`${taskId}.mp3`);
  });
});
