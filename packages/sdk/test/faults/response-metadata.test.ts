/**
 * `withResponse()` / `asResponse()` against hand-made answers: where the trace id and request id come from when the
 * headers lack them, a key a server echoes in them scrubbed, what the raw response keeps of the caller's signal and
 * drops of the SDK's timers, and — the harness checks it after every test — no unhandled rejection when only
 * `withResponse()` or `asResponse()` of a failing call is awaited, whatever the call's shape. That a failing call
 * nobody awaits is reported exactly once, like a plain rejected promise, is checked in a child process
 * (`unhandled-probe.ts`): here the test runner would count the report as its own failure.
 */

import { describe, expect, it } from 'vitest';
import {
  type APIPromise,
  APIUserAbortError,
  InternalServerError,
  InvalidArgumentError,
  type MiniMax,
  MiniMaxError,
} from '../../src/index.ts';
import { answer, baseResp, dataEvent, json, OK, sse } from './fault-server.ts';
import { chat, chatCompletion, completeChatEvents, PATHS, speech } from './fixtures.ts';
import { caught, useHarness } from './harness.ts';
import { runProbe } from './run-probe.ts';

const h = useHarness();

/** An answer without a `Trace-Id` header (the fault server sets one on every response). */
const bare =
  (body: unknown, headers: Record<string, string> = {}) =>
  (_req: unknown, res: import('node:http').ServerResponse) => {
    res.removeHeader('Trace-Id');
    json(res, body, { headers });
  };

describe('where the ids come from', () => {
  it('the Trace-Id header first, and the request id headers', async () => {
    const server = await h.server({
      [PATHS.chat]: answer(chatCompletion(), { headers: { 'x-request-id': 'req-1' } }),
      [PATHS.image]: answer(OK, { headers: { 'request-id': 'req-2' } }),
    });
    const mm = h.client(server.url);
    const first = await mm.chat.create(chat).withResponse();
    expect(first.traceId).toMatch(/^fault-trace-\d+$/);
    expect(first.requestId).toBe('req-1');
    expect((await mm.images.generate({ model: 'image-01', prompt: 'x' }).withResponse()).requestId).toBe('req-2');
  });

  it("the body's trace_id (root or base_resp) and request_id when the headers have none", async () => {
    const server = await h.server({
      [PATHS.speech]: bare({ ...OK, trace_id: 'body-trace', data: { audio: '00', status: 2 } }),
      [PATHS.image]: bare({ base_resp: { status_code: 0, status_msg: '', trace_id: 'inner-trace' } }),
      [PATHS.chat]: bare({ ...chatCompletion(), request_id: 'body-request' }),
    });
    const mm = h.client(server.url);
    expect((await mm.speech.create(speech).withResponse()).traceId).toBe('body-trace');
    expect((await mm.images.generate({ model: 'image-01', prompt: 'x' }).withResponse()).traceId).toBe('inner-trace');
    const plain = await mm.chat.create(chat).withResponse();
    expect(plain).toMatchObject({ traceId: undefined, requestId: 'body-request' });
  });

  it('a key a server echoes in them is scrubbed', async () => {
    const server = await h.server({
      [PATHS.chat]: answer(chatCompletion(), {
        headers: { 'Trace-Id': 'trace-sk-meta-secret-1', 'x-request-id': 'sk-meta-secret-1' },
      }),
    });
    const mm = h.client(server.url, { apiKey: 'sk-meta-secret-1' });
    const { traceId, requestId } = await mm.chat.create(chat).withResponse();
    expect(`${traceId} ${requestId}`).not.toContain('sk-meta-secret-1');
    expect(traceId).toMatch(/^trace-/);
  });
});

describe('asResponse(): the body is the caller’s', () => {
  it('the SDK’s timeout stops once the headers are in: a slow body still reads whole', async () => {
    const server = await h.server({
      [PATHS.chat]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.flushHeaders();
        setTimeout(() => res.end(JSON.stringify(chatCompletion())), 300);
      },
    });
    const response = await h.client(server.url, { timeout: 100 }).chat.create(chat).asResponse();
    expect((await response.json()).id).toBe('c1');
  });

  it("the caller's signal still cancels the body", async () => {
    const server = await h.server({
      [PATHS.chat]: sse({ events: completeChatEvents('a', 'b', 'c'), delayMs: 200 }),
    });
    const controller = new AbortController();
    const response = await h
      .client(server.url)
      .chat.create({ ...chat, stream: true }, { signal: controller.signal })
      .asResponse();
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
  });

  it('a stream answered with JSON is handed over as it is (no stream, no retry)', async () => {
    const server = await h.server({ [PATHS.chat]: answer(baseResp(1002)) });
    const response = await h
      .client(server.url)
      .chat.create({ ...chat, stream: true })
      .asResponse();
    expect((await response.json()).base_resp.status_code).toBe(1002);
    expect(server.count(PATHS.chat)).toBe(1);
  });
});

describe('no unhandled rejection when only the metadata is awaited', () => {
  const failing = {
    [PATHS.chat]: answer(baseResp(1004)),
    [PATHS.speech]: answer({ error: 'x' }, { status: 500 }),
    [PATHS.filesList]: answer({ error: 'x' }, { status: 500 }),
    [PATHS.videoQuery]: answer({ error: 'x' }, { status: 500 }),
    [PATHS.openai]: answer({ error: 'x' }, { status: 500 }),
    'GET /v1/models': answer({ error: 'x' }, { status: 500 }),
    [PATHS.anthropic]: sse({
      events: [dataEvent({ type: 'error', error: { type: 'api_error', message: 'x' } }, 'error')],
    }),
  };
  const shapes: Array<[string, (mm: MiniMax) => APIPromise<unknown>, (error: unknown) => boolean]> = [
    ['json', (mm) => mm.chat.create(chat), (e) => e instanceof MiniMaxError],
    ['mapped', (mm) => mm.speech.create(speech), (e) => e instanceof InternalServerError],
    [
      'stream',
      (mm) => mm.openai.chat.completions.create({ ...chat, stream: true }),
      (e) => e instanceof InternalServerError,
    ],
    ['page', (mm) => mm.files.list({ purpose: 'voice_clone' }), (e) => e instanceof InternalServerError],
    ['list', (mm) => mm.models.list(), (e) => e instanceof InternalServerError],
    ['composite', (mm) => mm.video.wait('1234'), (e) => e instanceof InternalServerError],
    ['refused', (mm) => mm.voices.delete({} as never), (e) => e instanceof InvalidArgumentError],
    ['aborted', (mm) => mm.chat.create(chat, { signal: AbortSignal.abort() }), (e) => e instanceof APIUserAbortError],
  ];

  it.each(shapes)('%s: withResponse() only', async (_, make, expected) => {
    const server = await h.server(failing);
    expect(expected(await caught(make(h.client(server.url, { maxRetries: 0 })).withResponse()))).toBe(true);
  });

  it.each(shapes)('%s: asResponse() only', async (name, make, expected) => {
    const server = await h.server(failing);
    const outcome = make(h.client(server.url, { maxRetries: 0 })).asResponse();
    // Parsing nothing, asResponse() sees no failure inside an HTTP 200 (the native chat's base_resp).
    if (name === 'json') expect((await outcome).status).toBe(200);
    else expect(expected(await caught(outcome))).toBe(true);
  });

  it('a stream whose events fail later: the stream is withResponse()’s data, its error the iteration’s', async () => {
    const server = await h.server(failing);
    const { data: stream, traceId } = await h
      .client(server.url, { maxRetries: 0 })
      .anthropic.messages.stream({ model: 'MiniMax-M2', max_tokens: 8, messages: chat.messages })
      .withResponse();
    expect(traceId).toMatch(/^fault-trace-/);
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(MiniMaxError);
  });
});

it('a failing call nobody awaits is reported once, like a plain rejected promise (child process)', async () => {
  const { code, stdout, stderr } = await runProbe('unhandled-probe.ts', 20_000);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(JSON.parse(stdout)).toEqual({
    plain: ['Error'],
    json: ['InternalServerError'],
    mapped: ['InternalServerError'],
    stream: ['InternalServerError'],
    page: ['InternalServerError'],
    composite: ['InternalServerError'],
    refused: ['InvalidArgumentError'],
    awaited: [],
    withResponseOnly: [],
    asResponseOnly: [],
  });
}, 30_000);
