import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  baseRespFailure,
  isFailureResponse,
  MiniMaxError,
  readErrorDetails,
  TaskFailedError,
} from '../src/core/errors.ts';

const nativeFailure = (code: number, msg = 'server says no') => ({ base_resp: { status_code: code, status_msg: msg } });

describe('connection errors and TaskFailedError', () => {
  it('APITimeoutError extends APIConnectionError extends APIError, with no status', () => {
    const error = new APITimeoutError({ method: 'POST', url: 'https://api.minimax.io/v1/video_generation?x=1' });
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toBeInstanceOf(APIError);
    expect(error.name).toBe('APITimeoutError');
    expect(error.status).toBeUndefined();
    expect(error.message).toBe('Request timed out. (POST /v1/video_generation)');
  });

  it('APIConnectionError keeps its cause; APIUserAbortError has its own name', () => {
    const cause = new TypeError('fetch failed');
    const error = new APIConnectionError({ cause });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('APIConnectionError');
    expect(error.message).toBe('Connection error: fetch failed');
    expect(new APIConnectionError().message).toBe('Connection error.');
    const abort = new APIUserAbortError();
    expect(abort.name).toBe('APIUserAbortError');
    expect(abort.message).toBe('Request was aborted.');
    expect(abort).not.toBeInstanceOf(APIConnectionError);
  });

  it('TaskFailedError keeps the task id, status and last response', () => {
    const lastResponse = {
      task_id: '106916112212032',
      status: 'Fail',
      base_resp: { status_code: 0, status_msg: 'success' },
    };
    const error = new TaskFailedError({
      taskId: '106916112212032',
      status: 'Fail',
      lastResponse,
      reason: 'content moderation',
    });
    expect(error).toBeInstanceOf(MiniMaxError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(error.name).toBe('TaskFailedError');
    expect(error.taskId).toBe('106916112212032');
    expect(error.lastResponse).toEqual(lastResponse);
    expect(error.message).toBe('Task 106916112212032 ended with status Fail: content moderation');
  });
});

describe('failure detection', () => {
  it.each([
    [200, { base_resp: { status_code: 0, status_msg: '' } }, false],
    [200, { base_resp: { status_code: 0, status_msg: 'success' }, data: {} }, false],
    [200, { choices: [] }, false],
    [200, undefined, false],
    [200, 'plain text', false],
    [200, nativeFailure(1002), true],
    [200, { base_resp: { status_code: '1002', status_msg: 'x' } }, true],
    [200, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, true],
    [401, undefined, true],
    [500, { ok: true }, true],
    // An OpenAI-style error object without `type: "error"` is a failure on every endpoint …
    [200, { error: { message: 'boom', type: 'api_error' } }, true],
    [200, { object: 'chat.completion', error: { message: 'boom' } }, true],
    [200, { object: 'response', error: { message: 'boom' } }, true],
    [200, { object: 'response', status: 'completed', type: 'error', error: { message: 'boom' } }, true],
    // … except a Responses object, whose `error` explains its own `status: "failed"` (returned, as openai-node does).
    [200, { object: 'response', status: 'failed', error: { code: 'server_error', message: 'failed' } }, false],
    [200, { object: 'response', status: 'completed', error: null }, false],
    // A non-zero base_resp fails even on a Responses object (MiniMax's own layer refused the call).
    [200, { object: 'response', status: 'failed', ...nativeFailure(1002) }, true],
    [429, { object: 'response', status: 'failed', error: { message: 'x' } }, true],
  ])('isFailureResponse(%i, %j) → %s', (status, body, expected) => {
    expect(isFailureResponse(status, body)).toBe(expected);
  });

  it.each([
    [{ error: { code: 'server_error', message: 'm' } }, 'server_error', 'server_error'],
    [
      { type: 'error', code: 'rate_limit_exceeded', message: 'slow down' },
      'rate_limit_exceeded',
      'rate_limit_exceeded',
    ],
    [{ error: { type: 'api_error', code: 'server_error', message: 'm' } }, 'api_error', 'api_error'],
    [{ error: { code: '1002', message: 'm' } }, undefined, 1002],
    [{ error: { code: 'not a name!', message: 'm' } }, undefined, undefined],
    [{ type: 'error', code: 'server_error', message: 'output new_sensitive (1027)' }, 'server_error', 1027],
  ])('readErrorDetails(%j): an OpenAI-style code names the type', (body, type, code) => {
    const details = readErrorDetails(body, undefined);
    expect(details.type).toBe(type);
    expect(details.code ?? details.type).toBe(code);
  });

  it('baseRespFailure returns the code and message of a failed base_resp only', () => {
    expect(baseRespFailure(nativeFailure(2013, 'invalid params'))).toEqual({ code: 2013, message: 'invalid params' });
    expect(baseRespFailure({ base_resp: { status_code: 0 } })).toBeUndefined();
    expect(baseRespFailure(null)).toBeUndefined();
  });
});
