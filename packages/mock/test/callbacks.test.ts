/**
 * Task callbacks: a video task created with a `callback_url` gets the verification challenge, then one POST per status
 * change in the real API's shapes, while advancing on its own; polls agree; a receiver that does not echo, is down,
 * is slow or redirects is logged and never disturbs the mock; `close()` stops everything.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.ts';
import { type Answer, type Received, type Receiver, startReceiver } from './callback-receiver.ts';
import { get, post, readJson, requestExample, sleep, start } from './helpers.ts';

type Json = Record<string, unknown>;
const VIDEO = requestExample('post', '/v1/video_generation');
const V2 = {
  model: 'MiniMax-H3',
  content: [{ type: 'text', text: 'A boy playing basketball by the sea' }],
  resolution: '768P',
  duration: 6,
  ratio: '16:9',
};

const lines: string[] = [];
let mock: MockServer;
let receiver: Receiver | undefined;
beforeAll(async () => {
  mock = await start({ taskPolls: 3, taskStepMs: 5, log: (line) => lines.push(line) });
});
afterAll(() => mock.close());
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function receive(answer?: (request: Received) => Answer): Promise<Receiver> {
  receiver = await startReceiver(answer);
  return receiver;
}

const json = async (res: Response) => readJson(await res.text()) as Json;
const statuses = (received: Received[]) =>
  received.map((r) =>
    r.json?.challenge !== undefined ? 'challenge' : ((r.json?.task as Json)?.status ?? r.json?.status),
  );
const logged = (pattern: RegExp, timeoutMs = 5_000) =>
  expect.poll(() => lines.some((line) => pattern.test(line)), { timeout: timeoutMs }).toBe(true);

describe('V1 video task with a callback_url', () => {
  it('challenge, then processing and success in the query shape; the file downloads; polls agree', async () => {
    const target = await receive();
    const created = await json(
      await post(mock, '/v1/video_generation', { ...VIDEO, callback_url: `${target.url}/hook/t0k3n` }),
    );
    const taskId = created.task_id as string;
    const received = await target.waitFor(3);
    expect(statuses(received)).toEqual(['challenge', 'processing', 'success']);
    for (const request of received) {
      expect(request).toMatchObject({ method: 'POST', path: '/hook/t0k3n' });
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(received[0]!.json!.challenge).toMatch(/^mock-/);
    expect(received[1]!.json).toEqual({
      task_id: taskId,
      status: 'processing',
      base_resp: { status_code: 0, status_msg: 'success' },
    });
    const done = received[2]!.json!;
    expect(done).toMatchObject({ task_id: taskId, status: 'success', base_resp: { status_code: 0 } });
    // Ids are JSON strings in the callback, as in the docs' sample.
    expect(received[2]!.text).toMatch(/"file_id":"\d{18}"/);
    const file = (await json(await get(mock, `/v1/files/retrieve?file_id=${done.file_id}`))).file as Json;
    expect(file.file_id).toBe(done.file_id);
    const polled = await json(await get(mock, `/v1/query/video_generation?task_id=${taskId}`));
    expect(polled).toMatchObject({ status: 'Success', file_id: done.file_id });
    await sleep(30);
    expect(target.received).toHaveLength(3); // nothing after the terminal update
  });

  it('ends in failed under task_fail', async () => {
    const target = await receive();
    await post(mock, '/v1/video_generation', { ...VIDEO, callback_url: target.url }, { Prefer: 'scenario=task_fail' });
    const received = await target.waitFor(3);
    expect(statuses(received)).toEqual(['challenge', 'processing', 'failed']);
    expect(received[2]!.json!.file_id).toBeUndefined();
  });

  it('video templates call back with video_url', async () => {
    const target = await receive();
    const template = requestExample('post', '/v1/video_template_generation');
    await post(mock, '/v1/video_template_generation', { ...template, callback_url: target.url });
    const received = await target.waitFor(3);
    expect(statuses(received)).toEqual(['challenge', 'processing', 'success']);
    expect(received[2]!.json!.video_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__download\//);
  });

  it('polls only read it, as on the real API: the timer moves it, polls and callbacks agree', async () => {
    const slow = await start({ taskPolls: 3, taskStepMs: 600_000 });
    try {
      const target = await receive();
      const created = await json(await post(slow, '/v1/video_generation', { ...VIDEO, callback_url: target.url }));
      await target.waitFor(1);
      const polled: string[] = [];
      for (let i = 0; i < 4; i++) {
        const path = `/v1/query/video_generation?task_id=${created.task_id}`;
        polled.push((await json(await get(slow, path))).status as string);
      }
      expect(polled).toEqual(['Preparing', 'Preparing', 'Preparing', 'Preparing']);
      await sleep(30);
      expect(statuses(target.received)).toEqual(['challenge']);
    } finally {
      await slow.close();
    }
  });
});

describe('V2 task with a callback_url', () => {
  it('challenge, then queued, running, succeeded as {task}, the URL downloadable', async () => {
    const target = await receive();
    const created = await json(await post(mock, '/v2/video_generation', { ...V2, callback_url: target.url }));
    const received = await target.waitFor(4);
    expect(statuses(received)).toEqual(['challenge', 'queued', 'running', 'succeeded']);
    const task = received[3]!.json!.task as Json;
    expect(task).toMatchObject({
      id: created.task_id,
      model: 'MiniMax-H3',
      task_type: 'generation',
      modality: 'video',
    });
    expect(received[3]!.text).toContain(`"id":"${created.task_id}"`);
    const video = await fetch((task.content as Json).url as string);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(await json(await get(mock, `/v2/query/video_generation/${created.task_id}`))).toMatchObject({
      task: { status: 'succeeded' },
    });
  });

  it('a failed task carries its error; the prompt enhancer calls back with its prompt', async () => {
    const target = await receive();
    await post(mock, '/v2/video_generation', { ...V2, callback_url: target.url }, { Prefer: 'scenario=task_fail' });
    const failed = await target.waitFor(4);
    expect(failed[3]!.json!.task).toMatchObject({ status: 'failed', error: { code: '1026' } });
    await receiver!.close();
    const enhancer = await receive();
    await post(mock, '/v2/h3_context_ir', {
      model: 'MiniMax-H3',
      content: V2.content,
      duration: 6,
      ratio: '16:9',
      callback_url: enhancer.url,
    });
    const received = await enhancer.waitFor(4);
    expect((received[3]!.json!.task as Json).content).toMatchObject({
      prompt: expect.stringContaining('integrated_multimodal_description'),
    });
  });

  it('a cancel while queued is reported as cancelled', async () => {
    const slow = await start({ taskPolls: 3, taskStepMs: 600_000 });
    try {
      const target = await receive();
      const created = await json(await post(slow, '/v2/video_generation', { ...V2, callback_url: target.url }));
      await target.waitFor(1);
      const cancelled = await fetch(`${slow.url}/v2/video_generation/${created.task_id}`, {
        method: 'DELETE',
        headers: { Authorization: 'Bearer k' },
      });
      expect(cancelled.status).toBe(200);
      expect(statuses(await target.waitFor(2))).toEqual(['challenge', 'cancelled']);
    } finally {
      await slow.close();
    }
  });
});

describe('receivers that misbehave', () => {
  it('a wrong echo: no status update is ever sent, and the log says why', async () => {
    const target = await receive((r) => (r.json?.challenge ? { body: { challenge: 'something else' } } : {}));
    await post(mock, '/v1/video_generation', { ...VIDEO, callback_url: `${target.url}/wrong` });
    await logged(/callback http:\/\/127\.0\.0\.1:\d+\/wrong not verified .*not the one sent/);
    await sleep(50);
    expect(statuses(target.received)).toEqual(['challenge']);
  });

  it('a plain-text echo, a 500 and a redirect are not verifications either; the redirect is not followed', async () => {
    const plain = await receive((r) =>
      r.path === '/text'
        ? { body: String(r.json?.challenge) }
        : r.path === '/err'
          ? { status: 500 }
          : r.path === '/moved'
            ? { status: 302, headers: { location: '/elsewhere' } }
            : {},
    );
    for (const path of ['/text', '/err', '/moved']) {
      await post(mock, '/v1/video_generation', { ...VIDEO, callback_url: `${plain.url}${path}` });
    }
    await logged(/\/text not verified .*not JSON/);
    await logged(/\/err not verified .*HTTP 500/);
    await logged(/\/moved not verified .*HTTP 302/);
    await sleep(50);
    expect(plain.received.map((r) => r.path).sort()).toEqual(['/err', '/moved', '/text']);
  });

  it('a receiver that is down: logged, the task still completes by polling, the mock keeps serving', async () => {
    const target = await startReceiver();
    const url = target.url;
    await target.close();
    const created = await json(await post(mock, '/v1/video_generation', { ...VIDEO, callback_url: url }));
    await logged(new RegExp(`callback ${url} not verified for task v1:${created.task_id} \\(ECONNREFUSED`));
    await sleep(40);
    expect((await json(await get(mock, `/v1/query/video_generation?task_id=${created.task_id}`))).status).toBe(
      'Success',
    );
  });

  it('a challenge not answered within 3 s is a failed verification', async () => {
    const target = await receive((r) =>
      r.json?.challenge ? { delayMs: 3_500, body: { challenge: r.json.challenge } } : {},
    );
    await post(mock, '/v2/video_generation', { ...V2, callback_url: target.url });
    await logged(/not verified .*no answer within 3000 ms/, 6_000);
    expect(statuses(target.received)).toEqual(['challenge']);
  }, 10_000);

  it('a URL that is not http(s) is logged and never called', async () => {
    const created = await post(mock, '/v1/video_generation', { ...VIDEO, callback_url: 'ftp://127.0.0.1/x' });
    expect(created.status).toBe(200);
    await logged(/callback_url "ftp:\/\/127\.0\.0\.1\/x" of task v1:\d+ has the scheme "ftp": no callbacks/);
  });
});

describe('close()', () => {
  it('aborts callbacks in flight and stops every timer', async () => {
    const own = await start({ taskPolls: 50, taskStepMs: 5 });
    const target = await receive((r) => (r.json?.challenge ? { body: { challenge: r.json.challenge } } : 'hang'));
    await post(own, '/v2/video_generation', { ...V2, callback_url: target.url });
    await target.waitFor(2); // the challenge, then an update the receiver never answers
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    const count = target.received.length;
    await sleep(60);
    expect(target.received.length).toBe(count);
  });
});
