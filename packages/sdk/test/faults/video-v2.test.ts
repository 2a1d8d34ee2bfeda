/**
 * `mm.video.v2` against hostile local servers: the OaiError body with real statuses (429 with Retry-After, 529,
 * a gateway's HTML 502), what is sent again and what is not, status spellings and unknown fields the docs do not
 * show, both spellings of a delete's action, and lists whose server ignores or caps the page asked for.
 */

import { describe, expect, it } from 'vitest';
import {
  ContentSensitiveError,
  InternalServerError,
  MiniMaxError,
  RateLimitError,
  TaskFailedError,
  type VideoV2CreateParams,
} from '../../src/index.ts';
import { answer, type Handler, htmlPage, json, sequence } from './fault-server.ts';
import { caught, useHarness } from './harness.ts';

const h = useHarness();

const ID = '424010985738629';
const CREATE = 'POST /v2/video_generation';
const QUERY = `GET /v2/query/video_generation/${ID}`;
const LIST = 'GET /v2/query/video_generation';
const params: VideoV2CreateParams = {
  model: 'MiniMax-H3',
  content: [{ type: 'text', text: 'A boy playing basketball by the sea' }],
  resolution: '2K',
  duration: 5,
  ratio: '16:9',
};

const oaiError = (status: number, type: string, message: string, headers: Record<string, string> = {}): Handler =>
  answer(
    {
      type: 'error',
      error: { type, message, http_code: String(status) },
      request_id: '021785229015510a2c883cf675b9804d',
    },
    { status, headers },
  );
const task = (status: string, extra: Record<string, unknown> = {}) => ({
  task: { id: ID, model: 'MiniMax-H3', status, created_at: 1785125529, updated_at: 1785125946, usage: {}, ...extra },
});
const done = task('succeeded', { content: { url: 'https://video-product.cdn.minimax.io/x/output.mp4' } });

describe('V2 errors from a hostile server', () => {
  it('429 with Retry-After on a billable create: sent again after the hinted delay, then succeeds', async () => {
    const server = await h.server({
      [CREATE]: sequence(
        oaiError(429, 'rate_limit_error', 'rate limit, please retry later (1002)', { 'Retry-After': '1' }),
        answer({ task_id: ID }),
      ),
    });
    const started = Date.now();
    expect(await h.client(server.url).video.v2.create(params)).toEqual({ task_id: ID });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.count(CREATE)).toBe(2);
  });

  it('a 429 that persists is a RateLimitError with retryAfterMs, requestId and the code from the message', async () => {
    const server = await h.server({
      [CREATE]: oaiError(429, 'rate_limit_error', 'rate limit, please retry later (1002)', { 'retry-after-ms': '5' }),
    });
    const error = (await caught(h.client(server.url, { maxRetries: 1 }).video.v2.create(params))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 1002, type: 'rate_limit_error', retryAfterMs: 5 });
    expect(error.requestId).toBe('021785229015510a2c883cf675b9804d');
    expect(error.traceId).toMatch(/^fault-trace-/);
    expect(server.count(CREATE)).toBe(2);
  });

  it('529 overloaded: a create is not sent again (it may have run), a poll is', async () => {
    const overloaded = oaiError(529, 'overloaded_error', 'service overloaded, please retry later');
    const server = await h.server({ [CREATE]: overloaded, [QUERY]: sequence(overloaded, answer(done)) });
    const mm = h.client(server.url);
    const error = (await caught(mm.video.v2.create(params))) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error', code: 'overloaded_error' });
    expect(server.count(CREATE)).toBe(1);
    expect((await mm.video.v2.retrieve(ID)).status).toBe('succeeded');
    expect(server.count(QUERY)).toBe(2);
  });

  it("a gateway's HTML 502: the create fails once, the poll is retried", async () => {
    const server = await h.server({ [CREATE]: htmlPage(502), [QUERY]: sequence(htmlPage(502), answer(done)) });
    const mm = h.client(server.url);
    const error = (await caught(mm.video.v2.create(params))) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(server.count(CREATE)).toBe(1);
    await mm.video.v2.wait(ID);
    expect(server.count(QUERY)).toBe(2);
  });

  it('a 422 whose message lost its code is still ContentSensitiveError; an error body under HTTP 200 reads http_code', async () => {
    const server = await h.server({
      [CREATE]: oaiError(422, 'unprocessable_entity_error', 'video description contains sensitive content'),
      [QUERY]: answer({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down', http_code: '429' } }),
    });
    const mm = h.client(server.url, { maxRetries: 0 });
    expect(await caught(mm.video.v2.create(params))).toBeInstanceOf(ContentSensitiveError);
    expect(await caught(mm.video.v2.retrieve(ID))).toBeInstanceOf(RateLimitError);
  });
});

describe('V2 tasks the docs do not spell out', () => {
  it('compares statuses case-insensitively and keeps unknown fields', async () => {
    const server = await h.server({
      [CREATE]: answer({ task_id: ID }),
      [QUERY]: sequence(
        answer(task('Queued')),
        answer(task('RUNNING')),
        answer({
          ...task('Succeeded', { content: { url: 'https://cdn.example/v.mp4', thumbnail: 't.jpg' } }),
          extra: 1,
        }),
      ),
    });
    const statuses: string[] = [];
    const video = await h.client(server.url).video.v2.generate(params, { onProgress: (p) => statuses.push(p.status) });
    expect(statuses).toEqual(['Queued', 'RUNNING', 'Succeeded']);
    expect(video.url).toBe('https://cdn.example/v.mp4');
    expect((video.task.content as Record<string, unknown>).thumbnail).toBe('t.jpg');
  });

  it.each(['expired', 'Cancelled', 'FAILED'])('ends on %s with TaskFailedError and the task id', async (status) => {
    const error = { code: '2013', message: 'the task ended' };
    const server = await h.server({ [QUERY]: answer(task(status, { error })) });
    const failed = (await caught(h.client(server.url).video.v2.wait(ID))) as TaskFailedError;
    expect(failed).toBeInstanceOf(TaskFailedError);
    expect(failed).toMatchObject({ taskId: ID, status, code: '2013', reason: 'the task ended' });
  });

  it('a task id sent as a number is taken as its digits; a success without a url names the task', async () => {
    const server = await h.server({
      [CREATE]: (_q, res) => json(res, `{"task_id":${ID}}`),
      [QUERY]: answer(task('succeeded', { content: {} })),
    });
    const error = (await caught(h.client(server.url).video.v2.generate(params))) as MiniMaxError;
    expect(error).toBeInstanceOf(MiniMaxError);
    expect(error.taskId).toBe(ID);
    expect(error.message).toMatch(/without content\.url/);
    expect(server.count(QUERY)).toBe(1);
  });

  it('an answer without a task object is an error naming the task; an unwrapped task is taken as it is', async () => {
    const server = await h.server({ [QUERY]: sequence(answer({ items: [] }), answer(done.task)) });
    const mm = h.client(server.url, { maxRetries: 0 });
    const error = (await caught(mm.video.v2.retrieve(ID))) as MiniMaxError;
    expect(error).toBeInstanceOf(MiniMaxError);
    expect(error.taskId).toBe(ID);
    expect(await mm.video.v2.retrieve(ID)).toEqual(done.task);
  });

  it.each([
    ['cancelled', 'cancelled'],
    ['cancel', 'cancelled'],
    ['deleted', 'deleted'],
    ['delete', 'deleted'],
    ['archived', 'archived'],
  ])('cancel: action %s → outcome %s, the server body kept', async (action, outcome) => {
    const server = await h.server({
      [`DELETE /v2/video_generation/${ID}`]: answer({ task_id: ID, action, status: action, note: 'x' }),
    });
    const result = await h.client(server.url).video.v2.cancel(ID);
    expect(result).toEqual({ task_id: ID, action, status: action, note: 'x', outcome });
    expect(server.requests[0]?.method).toBe('DELETE');
  });
});

describe('V2 lists from a hostile server', () => {
  const item = (n: number) => ({ id: String(424010985738600 + n), status: 'succeeded' });
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => item(from + i));

  it('sends page_num, page_size and the filters; stops once total is reached', async () => {
    const server = await h.server({
      [LIST]: (req, res) => {
        const page = Number(new URL(req.url ?? '', 'http://x').searchParams.get('page_num'));
        json(res, { items: range((page - 1) * 2, Math.min(page * 2, 5)), total: 5 });
      },
    });
    const ids: string[] = [];
    const list = h.client(server.url).video.v2.list({
      page_size: 2,
      filter: { status: 'succeeded', task_ids: ['1', '2'], model: 'MiniMax-H3', task_type: 'generation' },
    });
    for await (const t of list) ids.push(t.id);
    expect(ids).toEqual(range(0, 5).map((t) => t.id));
    expect(server.count(LIST)).toBe(3);
    const query = server.requests[0]!.query;
    expect(query.get('page_num')).toBe('1');
    expect(query.get('page_size')).toBe('2');
    expect(query.get('filter.status')).toBe('succeeded');
    expect(query.getAll('filter.task_ids')).toEqual(['1', '2']);
    expect(query.get('filter.model')).toBe('MiniMax-H3');
    expect(query.get('filter.task_type')).toBe('generation');
  });

  it('a server that ignores page_num: each task once, and the iteration ends', async () => {
    const server = await h.server({ [LIST]: answer({ items: range(0, 3), total: 1000 }) });
    const ids: string[] = [];
    for await (const t of h.client(server.url).video.v2.list({ page_size: 3 })) ids.push(t.id);
    expect(ids).toHaveLength(3);
    expect(server.count(LIST)).toBe(2);
  });

  it('a server that caps the page size: every task through the running count', async () => {
    const server = await h.server({
      [LIST]: (req, res) => {
        const page = Number(new URL(req.url ?? '', 'http://x').searchParams.get('page_num'));
        json(res, { items: range((page - 1) * 2, Math.min(page * 2, 5)), total: 5 });
      },
    });
    let n = 0;
    for await (const _ of h.client(server.url).video.v2.list({ page_size: 100 })) n++;
    expect(n).toBe(5);
  });

  it('a task that shifts into the next page is yielded once; no total: a short page ends it', async () => {
    const server = await h.server({
      [LIST]: sequence(answer({ items: range(0, 2) }), answer({ items: range(1, 3) }), answer({ items: range(3, 4) })),
    });
    const ids: string[] = [];
    for await (const t of h.client(server.url).video.v2.list({ page_size: 2 })) ids.push(t.id);
    expect(ids).toEqual(range(0, 4).map((t) => t.id));
    expect(server.count(LIST)).toBe(3);
  });
});
