/**
 * Nothing is lost: an 18-digit id survives the round trip digit for digit (read from a bare JSON number, sent back
 * as one), and a task id survives every failure of the wait that follows its creation.
 */

import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  InternalServerError,
  InvalidParamsError,
  type MiniMaxError,
  TaskFailedError,
} from '../../src/index.ts';
import { answer, baseResp, hang, htmlPage, OK, resetBeforeHeaders, sequence } from './fault-server.ts';
import { BIG_ID, fileJSON, PATHS, video } from './fixtures.ts';
import { BOUND_MS, timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const TASK_ID = '307123456789012346'; // async speech task ids are int64 too
const RESULT_ID = '307123456789012347';
const voice_setting = { voice_id: 'English_Graceful_Lady' };

describe.concurrent('an 18-digit id round trip', () => {
  it('reads a bare 18-digit file_id exactly and sends it back as the same bare number', async () => {
    const server = await h.server({
      [PATHS.filesRetrieve]: answer(fileJSON(BIG_ID)),
      [PATHS.filesDelete]: answer(`{"file_id":${BIG_ID},"base_resp":{"status_code":0,"status_msg":"success"}}`),
    });
    const client = h.client(server.url);
    const { file } = await client.files.retrieve(BIG_ID);
    expect(file?.file_id).toBe(BIG_ID);
    expect(Number(BIG_ID).toString()).not.toBe(BIG_ID); // what a plain JSON.parse would have made of it
    await client.files.delete({ file_id: file!.file_id, purpose: 'voice_clone' });
    const [retrieve, remove] = server.requests;
    expect(retrieve?.query.get('file_id')).toBe(BIG_ID);
    expect(remove?.body).toContain(`"file_id":${BIG_ID}`);
    expect(remove?.body).not.toContain(`"${BIG_ID}"`);
  });

  it('creates an async speech task from a text file id, and polls the int64 task id it got back', async () => {
    const server = await h.server({
      [PATHS.speechTaskCreate]: answer(
        `{"task_id":${TASK_ID},"file_id":${RESULT_ID},"task_token":"t","base_resp":{"status_code":0,"status_msg":"success"}}`,
      ),
      [PATHS.speechTaskQuery]: sequence(
        answer(`{"task_id":${TASK_ID},"status":"processing","base_resp":{"status_code":0,"status_msg":"success"}}`),
        answer(
          `{"task_id":${TASK_ID},"status":"success","file_id":${RESULT_ID},"base_resp":{"status_code":0,"status_msg":"success"}}`,
        ),
      ),
    });
    const client = h.client(server.url);
    const task = await client.speech.tasks.create({ model: 'speech-2.6-hd', text_file_id: BIG_ID, voice_setting });
    expect(task.task_id).toBe(TASK_ID);
    expect(task.file_id).toBe(RESULT_ID);
    const done = await client.speech.tasks.wait(task.task_id!);
    expect(done.file_id).toBe(RESULT_ID);
    const create = server.requests.find((r) => r.path === '/v1/t2a_async_v2');
    expect(create?.body).toContain(`"text_file_id":${BIG_ID}`);
    const polls = server.requests.filter((r) => r.path === '/v1/query/t2a_async_query_v2');
    expect(polls.map((r) => r.query.get('task_id'))).toEqual([TASK_ID, TASK_ID]);
  });

  it('through the mock: upload → retrieve → list → delete with an id above 2^53', async () => {
    const mock = await h.mock();
    const client = h.client(mock.url);
    const uploaded = await client.files.upload({
      file: new Uint8Array([73, 68, 51, 4, 0]),
      filename: 'sample.mp3',
      purpose: 'voice_clone',
    });
    const id = uploaded.file?.file_id;
    expect(id).toMatch(/^\d{18}$/);
    expect(BigInt(id!)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect((await client.files.retrieve(id!)).file?.file_id).toBe(id);
    const page = await client.files.list({ purpose: 'voice_clone' });
    expect(page.items.map((f) => f.file_id)).toContain(id);
    // The mock rejects an id sent as a JSON string or through Number() (422 contract violation).
    const deleted = await client.files.delete({ file_id: id!, purpose: 'voice_clone' });
    expect(deleted.base_resp?.status_code).toBe(0);
  });
});

describe.concurrent('task ids survive every failure of the wait', () => {
  const created = answer({ ...OK, task_id: TASK_ID });

  it('polls that keep failing with 5xx: InternalServerError carrying the task id; the task is created once', async () => {
    const server = await h.server({ [PATHS.videoCreate]: created, [PATHS.videoQuery]: htmlPage(503) });
    const { error, ms } = await timedFailure(() => h.client(server.url, { maxRetries: 1 }).video.generate(video));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
    expect(server.count(PATHS.videoCreate)).toBe(1);
    expect(server.count(PATHS.videoQuery)).toBe(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a poll whose connection resets: APIConnectionError carrying the task id', async () => {
    const server = await h.server({ [PATHS.videoCreate]: created, [PATHS.videoQuery]: resetBeforeHeaders });
    const { error } = await timedFailure(() => h.client(server.url, { maxRetries: 0 }).video.generate(video));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
  });

  it('a poll that times out: APITimeoutError carrying the task id', async () => {
    const server = await h.server({ [PATHS.videoCreate]: created, [PATHS.videoQuery]: hang });
    const { error } = await timedFailure(() =>
      h.client(server.url, { maxRetries: 0, timeout: 500 }).video.generate(video),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
  });

  it('the download lookup after success fails: the error carries the task id', async () => {
    const server = await h.server({
      [PATHS.videoCreate]: created,
      [PATHS.videoQuery]: answer(
        `{"task_id":"${TASK_ID}","status":"Success","file_id":${BIG_ID},"base_resp":{"status_code":0,"status_msg":"success"}}`,
      ),
      [PATHS.filesRetrieve]: answer(baseResp(2013, 'invalid file_id')),
    });
    const { error } = await timedFailure(() => h.client(server.url).video.generate(video));
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
    expect(server.requests.find((r) => r.path === '/v1/files/retrieve')?.query.get('file_id')).toBe(BIG_ID);
  });

  it('the wait gives up on its own timeout: APITimeoutError carrying the task id', async () => {
    const server = await h.server({ [PATHS.videoQuery]: answer({ ...OK, task_id: TASK_ID, status: 'Queueing' }) });
    const { error } = await timedFailure(() =>
      h.client(server.url).video.wait(TASK_ID, { timeout: 100, pollInterval: 20 }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
    expect((error as Error).message).toContain(TASK_ID);
  });

  it('the task itself fails: TaskFailedError with the exact int64 task id', async () => {
    const server = await h.server({
      [PATHS.speechTaskQuery]: answer(
        `{"task_id":${TASK_ID},"status":"failed","base_resp":{"status_code":0,"status_msg":"success"}}`,
      ),
    });
    const { error } = await timedFailure(() => h.client(server.url).speech.tasks.wait(TASK_ID));
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).taskId).toBe(TASK_ID);
    expect((error as TaskFailedError).status).toBe('failed');
  });

  it('a rate-limited poll is waited out and the wait goes on', async () => {
    const server = await h.server({
      [PATHS.videoQuery]: sequence(
        answer(baseResp(1002, 'rate limit'), { headers: { 'retry-after-ms': '10' } }),
        answer({ ...OK, task_id: TASK_ID, status: 'Processing' }),
        answer({ ...OK, task_id: TASK_ID, status: 'Success', file_id: BIG_ID }),
      ),
    });
    const done = await h.client(server.url).video.wait(TASK_ID);
    expect(done.status).toBe('Success');
    expect(server.count(PATHS.videoQuery)).toBe(3);
  });

  it('a create whose connection resets is not re-sent (it may have created a task)', async () => {
    const server = await h.server({ [PATHS.videoCreate]: resetBeforeHeaders });
    const { error } = await timedFailure(() => h.client(server.url).video.generate(video));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.count(PATHS.videoCreate)).toBe(1);
    expect(server.count(PATHS.videoQuery)).toBe(0);
  });
});
