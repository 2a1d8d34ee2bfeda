/**
 * The caller's `AbortSignal` at every stage of a call: before it is sent, while waiting for the headers, while
 * reading the body, mid-stream, mid-poll, and while sleeping before a retry. Each ends quickly with
 * `APIUserAbortError` (never `APITimeoutError`, never a retry), keeps the task id or the partial text, and leaves no
 * listener on the caller's signal.
 */

import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type APIError, APITimeoutError, APIUserAbortError, type Logger, type MiniMaxError } from '../../src/index.ts';
import { answer, baseResp, hang, htmlPage, OK, onArrival, sequence, sse, stallAfterHeaders } from './fault-server.ts';
import { chat, chatEvents, completeChatEvents, image, PATHS, video } from './fixtures.ts';
import { BOUND_MS, delay, timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const TASK_ID = '106916112212032';
const processing = { ...OK, task_id: TASK_ID, status: 'Processing' };

/**
 * A signal the test aborts when something happens (the request reaches the server, a retry is scheduled, a poll is
 * answered), `delayMs` later: the abort lands in the stage under test however slow the machine is.
 */
function abortOn(delayMs = 50, reason?: unknown): { signal: AbortSignal; fire: () => void } {
  const controller = new AbortController();
  return { signal: controller.signal, fire: () => void setTimeout(() => controller.abort(reason), delayMs) };
}

/** A logger that calls `onRetry` when the transport schedules a retry, i.e. as its backoff sleep begins. */
const retryLogger = (onRetry: () => void): Logger => ({
  debug: () => {},
  info: (message: string) => {
    if (/; retry \d+\/\d+ in /.test(message)) onRetry();
  },
  warn: () => {},
  error: () => {},
});

const listenersOn = (signal: AbortSignal): number => getEventListeners(signal, 'abort').length;

describe('abort before send', () => {
  it('never reaches the server', async () => {
    const server = await h.server({ [PATHS.image]: answer(OK) });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url).images.generate(image, { signal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIError).path).toBe('/v1/image_generation');
    expect(server.count()).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('never opens a stream', async () => {
    const server = await h.server({ [PATHS.chat]: sse({ events: chatEvents('a') }) });
    const { error } = await timedFailure(() =>
      h.client(server.url).chat.create({ ...chat, stream: true }, { signal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.count()).toBe(0);
  });
});

describe('abort while waiting for the headers', () => {
  it('raises APIUserAbortError, not APITimeoutError, and does not retry a read', async () => {
    const { signal, fire } = abortOn();
    const server = await h.server({ [PATHS.filesList]: onArrival(fire, hang) });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url, { timeout: 30_000 }).files.list({ purpose: 'voice_clone' }, { signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect(server.count(PATHS.filesList)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(listenersOn(signal)).toBe(0);
  });

  it('stops a stream create whose headers are slow', async () => {
    const { signal, fire } = abortOn();
    const server = await h.server({ [PATHS.chat]: onArrival(fire, hang) });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url).chat.create({ ...chat, stream: true }, { signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.count(PATHS.chat)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('keeps the reason the caller aborted with as the cause', async () => {
    const reason = new Error('user navigated away');
    const { signal, fire } = abortOn(10, reason);
    const server = await h.server({ [PATHS.filesList]: onArrival(fire, hang) });
    const { error } = await timedFailure(() => h.client(server.url).files.list({ purpose: 'voice_clone' }, { signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe(reason);
  });
});

describe('abort while reading a JSON body', () => {
  it('raises APIUserAbortError and does not retry', async () => {
    const { signal, fire } = abortOn();
    const server = await h.server({ [PATHS.voicesList]: onArrival(fire, stallAfterHeaders) });
    const { error, ms } = await timedFailure(() => h.client(server.url).voices.list({ voice_type: 'all' }, { signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.count(PATHS.voicesList)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('abort mid-stream', () => {
  const slowStream = () => sse({ events: chatEvents('Hel', 'lo', ' wor', 'ld'), delayMs: 100 });

  it('through the signal: APIUserAbortError with the partial text, no listener left', async () => {
    const server = await h.server({ [PATHS.chat]: slowStream() });
    const controller = new AbortController();
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true }, { signal: controller.signal });
    let streamed = '';
    const { error, ms } = await timedFailure(async () => {
      for await (const chunk of stream) {
        streamed += chunk.choices[0]?.delta?.content ?? '';
        controller.abort();
      }
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(streamed).toBe('Hel');
    expect((error as APIError).partialText).toBe('Hel');
    expect(stream.ended).toBe(false);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(listenersOn(controller.signal)).toBe(0);
  });

  it('through stream.abort() while a read is pending: APIUserAbortError', async () => {
    const server = await h.server({ [PATHS.chat]: sse({ events: chatEvents('Hel'), end: 'stall' }) });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    // Once the first text arrived, the next read waits on the stalled body: abort then.
    stream.on('text', () => void setTimeout(() => stream.abort(), 50));
    const { error, ms } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIError).partialText).toBe('Hel');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('through stream.abort() inside the loop: APIUserAbortError, never a quietly complete stream', async () => {
    const server = await h.server({ [PATHS.chat]: slowStream() });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const { error } = await timedFailure(async () => {
      for await (const _ of stream) stream.abort();
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIError).partialText).toBe('Hel');
    expect(stream.ended).toBe(false);
    await expect(stream.finalText()).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe('abort mid-poll', () => {
  it('while a poll request is in flight: APIUserAbortError carrying the task id', async () => {
    const { signal, fire } = abortOn();
    const server = await h.server({ [PATHS.videoQuery]: onArrival(fire, hang) });
    const { error, ms } = await timedFailure(() => h.client(server.url).video.wait(TASK_ID, { signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
    expect(server.count(PATHS.videoQuery)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('while sleeping between two polls: APIUserAbortError carrying the task id, at once', async () => {
    const server = await h.server({ [PATHS.videoQuery]: answer(processing) });
    const { signal, fire } = abortOn();
    const { error, ms } = await timedFailure(() =>
      h.client(server.url).video.wait(TASK_ID, { signal, pollInterval: 60_000, onProgress: fire }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
    expect(server.count(PATHS.videoQuery)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('during video.generate, after the create: the error carries the new task id, and nothing is re-created', async () => {
    const { signal, fire } = abortOn();
    const server = await h.server({
      [PATHS.videoCreate]: answer({ ...OK, task_id: TASK_ID }),
      [PATHS.videoQuery]: onArrival(fire, hang),
    });
    const { error } = await timedFailure(() => h.client(server.url).video.generate(video, { signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
    expect(server.count(PATHS.videoCreate)).toBe(1);
  });
});

describe('abort during the backoff sleep before a retry', () => {
  it('429 with a long Retry-After: APIUserAbortError at once, the server saw exactly one request', async () => {
    const server = await h.server({
      [PATHS.image]: answer(baseResp(1002, 'rate limit'), { status: 429, headers: { 'Retry-After': '30' } }),
    });
    const { signal, fire } = abortOn();
    const client = h.client(server.url, { logLevel: 'info', logger: retryLogger(fire) });
    const { error, ms } = await timedFailure(() => client.images.generate(image, { signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.count(PATHS.image)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(listenersOn(signal)).toBe(0);
  });

  it('a 1002 rate limit (HTTP 200) on a read: APIUserAbortError during the wait, one request', async () => {
    const server = await h.server({
      [PATHS.voicesList]: answer(baseResp(1002, 'rate limit'), { headers: { 'Retry-After': '30' } }),
    });
    const { signal, fire } = abortOn();
    const client = h.client(server.url, { logLevel: 'info', logger: retryLogger(fire) });
    const { error, ms } = await timedFailure(() => client.voices.list({ voice_type: 'all' }, { signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.count(PATHS.voicesList)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a 502 on a poll (exponential backoff): APIUserAbortError with the task id, one request', async () => {
    const server = await h.server({ [PATHS.videoQuery]: htmlPage(502) });
    const { signal, fire } = abortOn();
    const client = h.client(server.url, { logLevel: 'info', logger: retryLogger(fire) });
    const { error } = await timedFailure(() => client.video.wait(TASK_ID, { signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
    expect(server.count(PATHS.videoQuery)).toBe(1);
  });
});

describe("a caller's AbortSignal.timeout() is a timeout at every stage", () => {
  it('while waiting for the headers', async () => {
    const server = await h.server({ [PATHS.filesList]: hang });
    const { error } = await timedFailure(() =>
      h.client(server.url).files.list({ purpose: 'voice_clone' }, { signal: AbortSignal.timeout(150) }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
  });

  it('during the backoff sleep', async () => {
    const server = await h.server({
      [PATHS.image]: answer(baseResp(1002), { status: 429, headers: { 'Retry-After': '30' } }),
    });
    const { error } = await timedFailure(() =>
      h.client(server.url).images.generate(image, { signal: AbortSignal.timeout(500) }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.count(PATHS.image)).toBe(1);
  });

  it('mid-stream', async () => {
    const server = await h.server({ [PATHS.chat]: sse({ events: chatEvents('a'), end: 'stall' }) });
    const stream = await h
      .client(server.url)
      .chat.create({ ...chat, stream: true }, { signal: AbortSignal.timeout(500) });
    const { error } = await timedFailure(() => stream.done());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APIError).partialText).toBe('a');
  });

  it('while polling', async () => {
    const server = await h.server({ [PATHS.videoQuery]: sequence(answer(processing), hang) });
    const { error } = await timedFailure(() =>
      h.client(server.url).video.wait(TASK_ID, { signal: AbortSignal.timeout(300) }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as MiniMaxError).taskId).toBe(TASK_ID);
  });
});

describe('a signal that outlives the call', () => {
  it('holds no listener once a call succeeded, failed, or streamed to its end; a late abort changes nothing', async () => {
    const server = await h.server({
      [PATHS.voicesList]: answer({ ...OK, system_voice: [] }),
      [PATHS.image]: answer(baseResp(2013, 'invalid params')),
      [PATHS.chat]: sse({ events: completeChatEvents('a', 'b') }),
      [PATHS.openai]: sse({ events: [...chatEvents('a'), 'data: {"error":{"type":"api_error","message":"x"}}\n\n'] }),
    });
    const controller = new AbortController();
    const { signal } = controller;
    const client = h.client(server.url);
    await client.voices.list({ voice_type: 'all' }, { signal });
    await client.images.generate(image, { signal }).catch(() => undefined);
    await (await client.chat.create({ ...chat, stream: true }, { signal })).done();
    const failing = await client.openai.chat.completions.create({ ...chat, stream: true }, { signal });
    await failing.done().catch(() => undefined);
    expect(listenersOn(signal)).toBe(0);
    controller.abort();
    await delay(20);
  });
});
