/**
 * `mm.video.v2` against the mock over HTTP: generate with progress, the prompt enhancer, listing across pages,
 * cancel/delete by status, failed tasks, the OaiError statuses and their classes, the retry rules for a billable
 * create, and every bad input refused before a byte is sent.
 */
import { describe, expect, it } from 'vitest';
import {
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  ContentSensitiveError,
  InsufficientBalanceError,
  InternalServerError,
  InvalidArgumentError,
  InvalidParamsError,
  RateLimitError,
  TaskFailedError,
  type VideoV2CreateParams,
} from '../../src/index.ts';
import { recordingFetch, useMock } from './mock-fixture.ts';

const mock = useMock();

const text = (prompt: string) => ({ type: 'text' as const, text: prompt });
const image = (role?: 'first_frame' | 'last_frame' | 'reference_image') => ({
  type: 'image_url' as const,
  image_url: { url: 'https://example.com/frame.png' },
  ...(role && { role }),
});
const params: VideoV2CreateParams = {
  model: 'MiniMax-H3',
  content: [text('A boy playing basketball by the sea')],
  resolution: '2K',
  duration: 5,
  ratio: '16:9',
};

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('mm.video.v2: lifecycle', () => {
  it('generates: progress through queued and running, then the URL and the task', async () => {
    const progress: Array<{ status: string; polls: number; taskId: string }> = [];
    const video = await mock.client().video.v2.generate(params, {
      onProgress: ({ status, polls, taskId }) => progress.push({ status, polls, taskId }),
    });
    expect(video.task_id).toMatch(/^\d{15}$/);
    expect(progress.map((p) => p.status)).toEqual(['queued', 'running', 'succeeded']);
    expect(progress.every((p) => p.taskId === video.task_id)).toBe(true);
    expect(video.url).toBe(video.task.content?.url);
    expect(video.task).toMatchObject({ status: 'succeeded', model: 'MiniMax-H3', task_type: 'generation' });
    expect(video.task.usage?.output_seconds).toBe(5);
    const bytes = new Uint8Array(await (await fetch(video.url)).arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');
  });

  it('retrieve returns the task itself; usage is {} until it succeeded', async () => {
    const mm = mock.client();
    const { task_id } = await mm.video.v2.create(params);
    const task = await mm.video.v2.retrieve(task_id);
    expect(task).toMatchObject({ id: task_id, status: 'queued', usage: {} });
    expect(typeof task.created_at).toBe('number');
  });

  it('enhancePrompt resolves with the enhanced prompt text', async () => {
    const prompt = await mock.client().video.v2.enhancePrompt({
      model: 'MiniMax-H3',
      content: [text('A captain alone on the bridge as the fleet jumps away')],
      duration: 5,
      ratio: '16:9',
    });
    expect(prompt).toMatch(/^integrated_multimodal_description: .*captain alone on the bridge/);
    expect(prompt).toMatch(/\noverall_soundscape: .+\nnon_diegetic_music: .+/);
  });

  it('a failed task is a TaskFailedError with the task id, its string code and its message', async () => {
    const mm = mock.client();
    const error = (await caught(mm.video.v2.generate(params, mock.scenario('task_fail')))) as TaskFailedError;
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error.taskId).toMatch(/^\d{15}$/);
    expect(error).toMatchObject({
      status: 'failed',
      code: '1026',
      reason: 'video description contains sensitive content',
    });
    expect(error.message).toContain('(1026) video description contains sensitive content');
  });

  it('a wait that times out or is aborted names the task, which keeps running', async () => {
    const mm = mock.client({ pollInterval: 1_000 });
    const { task_id } = await mm.video.v2.create(params);
    const late = (await caught(mm.video.v2.wait(task_id, { timeout: 50 }))) as APITimeoutError;
    expect(late).toBeInstanceOf(APITimeoutError);
    expect(late.taskId).toBe(task_id);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const aborted = (await caught(mm.video.v2.wait(task_id, { signal: controller.signal }))) as APIUserAbortError;
    expect(aborted).toBeInstanceOf(APIUserAbortError);
    expect(aborted.taskId).toBe(task_id);
  });
});

describe('mm.video.v2: list and cancel', () => {
  it('for await yields every task once across pages; await gives one page', async () => {
    const mm = mock.client();
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await mm.video.v2.create(params)).task_id);
    const filter = { task_ids: created };
    const seen: string[] = [];
    for await (const task of mm.video.v2.list({ page_size: 2, filter })) seen.push(task.id);
    expect(seen).toEqual([...created].reverse());
    const page = await mm.video.v2.list({ page_size: 2, filter });
    expect(page.items).toHaveLength(2);
    expect(page.response).toMatchObject({ total: 5 });
    const recorder = recordingFetch();
    for await (const _ of mock.client({ fetch: recorder.fetch }).video.v2.list({ page_size: 5, filter })) {
      // a full last page: total is reached, no empty page is fetched after it
    }
    expect(recorder.calls).toEqual(['GET /v2/query/video_generation']);
  });

  it('cancels a queued task, deletes a finished one, and refuses a running one with InvalidParamsError', async () => {
    const mm = mock.client();
    const queued = await mm.video.v2.create(params);
    expect(await mm.video.v2.cancel(queued.task_id)).toEqual({
      task_id: queued.task_id,
      action: 'cancelled',
      status: 'cancelled',
      outcome: 'cancelled',
    });
    const done = await mm.video.v2.generate(params);
    expect((await mm.video.v2.cancel(done.task_id)).outcome).toBe('deleted');
    const running = await mm.video.v2.create(params);
    await mm.video.v2.retrieve(running.task_id);
    await mm.video.v2.retrieve(running.task_id);
    const refused = (await caught(mm.video.v2.cancel(running.task_id))) as InvalidParamsError;
    expect(refused).toBeInstanceOf(InvalidParamsError);
    expect(refused).toMatchObject({ status: 400, code: 2013, type: 'bad_request_error' });
    const gone = (await caught(mm.video.v2.retrieve(done.task_id))) as InvalidParamsError;
    expect(gone).toBeInstanceOf(InvalidParamsError);
    expect(gone.serverMessage).toBe('invalid task_id (2013)');
    // The error names the call as made, the id in the path.
    expect(gone.path).toBe(`/v2/query/video_generation/${done.task_id}`);
  });
});

describe('mm.video.v2: errors (the OaiError family)', () => {
  it.each([
    ['insufficient_balance', InsufficientBalanceError, 402, 1008, 'insufficient_balance_error'],
    ['sensitive', ContentSensitiveError, 422, 1026, 'unprocessable_entity_error'],
    ['invalid_key', AuthenticationError, 401, 2049, 'authorized_error'],
    ['unknown_error', InternalServerError, 500, 1000, 'server_error'],
    ['overloaded', InternalServerError, 529, 'overloaded_error', 'overloaded_error'],
  ] as const)('%s → %s (HTTP %i)', async (scenario, ErrorClass, status, code, type) => {
    const recorder = recordingFetch();
    const mm = mock.client({ fetch: recorder.fetch });
    const error = (await caught(mm.video.v2.create(params, mock.scenario(scenario)))) as InsufficientBalanceError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, type });
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.serverMessage).toBeTruthy();
    // A billable create is not sent again: none of these proves the request did not run.
    expect(recorder.calls).toEqual(['POST /v2/video_generation']);
  });

  it('a 429 on create is retried (a rate limit is answered before any work); the 529 of a poll too', async () => {
    const recorder = recordingFetch();
    const mm = mock.client({ fetch: recorder.fetch });
    const { task_id } = await mm.video.v2.create(params, mock.scenario('rate_limit_once', ', retry_after=0'));
    expect(recorder.calls).toEqual(['POST /v2/video_generation', 'POST /v2/video_generation']);
    await mm.video.v2.retrieve(task_id, mock.scenario('http_529_once'));
    const poll = `GET /v2/query/video_generation/${task_id}`;
    expect(recorder.calls.slice(2)).toEqual([poll, poll]);
  });

  it('a rate limit that outlasts the retries is a RateLimitError', async () => {
    const error = await caught(mock.client({ maxRetries: 0 }).video.v2.create(params, mock.scenario('rate_limit')));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 1002 });
  });

  it('an invalid key names the hosts of both regions (the mock is neither)', async () => {
    const error = (await caught(
      mock.client().video.v2.create(params, mock.scenario('invalid_key')),
    )) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.hint).toContain('global keys work on https://api.minimax.io');
    expect(error.hint).toContain('China keys on https://api.minimax.cn, https://api.minimaxi.com');
  });
});

describe('mm.video.v2: bad input is refused before sending', () => {
  const refusals: Array<[string, () => (mm: ReturnType<typeof mock.client>) => Promise<unknown>, string]> = [
    ['no model', () => (mm) => mm.video.v2.create({ ...params, model: '' }), 'model'],
    ['content not an array', () => (mm) => mm.video.v2.create({ ...params, content: 'a cat' as never }), 'content'],
    ['empty content', () => (mm) => mm.video.v2.create({ ...params, content: [] }), 'content'],
    ['no text item', () => (mm) => mm.video.v2.create({ ...params, content: [image('first_frame')] }), 'content'],
    ['blank text', () => (mm) => mm.video.v2.create({ ...params, content: [text('   ')] }), 'content'],
    [
      'unknown type',
      () => (mm) => mm.video.v2.create({ ...params, content: [text('a'), { type: 'gif_url' } as never] }),
      'content[1].type',
    ],
    [
      'text without text',
      () => (mm) => mm.video.v2.create({ ...params, content: [{ type: 'text' } as never] }),
      'content[0].text',
    ],
    [
      'image without url',
      () => (mm) =>
        mm.video.v2.create({ ...params, content: [text('a'), { type: 'image_url', image_url: {} } as never] }),
      'content[1].image_url.url',
    ],
    [
      'audio role on an image',
      () => (mm) => mm.video.v2.create({ ...params, content: [text('a'), { ...image(), role: 'reference_audio' }] }),
      'content[1].role',
    ],
    [
      'frames mixed with references',
      () => (mm) =>
        mm.video.v2.create({ ...params, content: [text('a'), image('first_frame'), image('reference_image')] }),
      'content',
    ],
    ['fractional duration', () => (mm) => mm.video.v2.create({ ...params, duration: 5.5 }), 'duration'],
    ['duration as a string', () => (mm) => mm.video.v2.create({ ...params, duration: '5' as never }), 'duration'],
    ['no resolution', () => (mm) => mm.video.v2.create({ ...params, resolution: undefined as never }), 'resolution'],
    [
      'enhancer without a prompt',
      () => (mm) => mm.video.v2.enhancePrompt({ model: 'MiniMax-H3', content: [image()], duration: 5 }),
      'content',
    ],
    ['path traversal id', () => (mm) => mm.video.v2.retrieve('../../v1/files/list'), 'taskId'],
    ['query in the id', () => (mm) => mm.video.v2.cancel('424010985738629?x=1'), 'taskId'],
    ['empty id', () => (mm) => mm.video.v2.wait(''), 'taskId'],
    ['fractional id', () => (mm) => mm.video.v2.retrieve(1.5 as never), 'taskId'],
    ['page_size 0', () => (mm) => mm.video.v2.list({ page_size: 0 }), 'page_size'],
    ['bad filter id', () => (mm) => mm.video.v2.list({ filter: { task_ids: ['12', 'x/y'] } }), 'filter.task_ids[1]'],
  ];
  it.each(refusals)('%s', async (_name, make, argument) => {
    const recorder = recordingFetch();
    const mm = mock.client({ fetch: recorder.fetch });
    // Refused through the returned promise, never thrown at the call.
    const error = (await caught(make()(mm))) as InvalidArgumentError;
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe(argument);
    expect(recorder.calls).toEqual([]);
  });

  it('accepts the documented combinations (first + last frame; references of every kind)', async () => {
    const mm = mock.client();
    await mm.video.v2.create({ ...params, content: [text('a'), image('first_frame'), image('last_frame')] });
    const references = [
      text('a'),
      image('reference_image'),
      {
        type: 'video_url' as const,
        video_url: { url: 'mm_file://307123456789012345' },
        role: 'reference_video' as const,
      },
      {
        type: 'audio_url' as const,
        audio_url: { url: 'data:audio/mp3;base64,AAAA' },
        role: 'reference_audio' as const,
      },
    ];
    await mm.video.v2.create({ ...params, ratio: 'adaptive', content: references });
  });
});
