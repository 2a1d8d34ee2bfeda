/**
 * The Responses API against hostile local servers. MiniMax documents no event format for its stream
 * [unconfirmed], so the stream must cope with every plausible variant — no `event:` lines or only them, a `[DONE]`,
 * unknown event types, `done` events without deltas, items never announced, a terminal event without output — and
 * turn every failure into a typed error: `response.failed`, an `error` event (flat or nested), a clean end before the
 * terminal event. Plus the HTTP quirks (OaiError 429 with Retry-After, 529, a gateway's HTML 502) and the
 * `status: "failed"` body, which is returned, not thrown.
 */

import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  type APIError,
  InsufficientBalanceError,
  InternalServerError,
  InvalidParamsError,
  RateLimitError,
  type ResponseStreamEvent,
} from '../../src/index.ts';
import { answer, dataEvent, failTimes, htmlPage, sse } from './fault-server.ts';
import { caught, useHarness } from './harness.ts';

const h = useHarness();
const CREATE = 'POST /v1/responses';
const params = { model: 'MiniMax-M3', input: 'Hi' };
const at = { item_id: 'r_msg', output_index: 0, content_index: 0 };
const final = (text: string, extra: Record<string, unknown> = {}) => ({
  id: 'r',
  object: 'response',
  created_at: 1,
  model: 'MiniMax-M3',
  status: 'completed',
  output: [{ id: 'r_msg', type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }],
  ...extra,
});
/** The events of a two-delta answer, OpenAI's format; `event:` lines when `named`. */
const answerEvents = (named: boolean): string[] => {
  const ev = (data: Record<string, unknown>) => dataEvent(data, named ? String(data.type) : undefined);
  return [
    ev({ type: 'response.created', response: { ...final(''), status: 'in_progress', output: [] } }),
    ev({ type: 'response.output_item.added', output_index: 0, item: { id: 'r_msg', type: 'message', content: [] } }),
    ev({ type: 'response.content_part.added', ...at, part: { type: 'output_text', text: '' } }),
    ev({ type: 'response.output_text.delta', ...at, delta: 'Hello ' }),
    ev({ type: 'response.output_text.delta', ...at, delta: 'there' }),
    ev({ type: 'response.output_text.done', ...at, text: 'Hello there' }),
    ev({ type: 'response.completed', response: final('Hello there') }),
  ];
};

async function streamFrom(events: string[], options: { end?: 'clean' | 'reset' } = {}) {
  const server = await h.server({ [CREATE]: sse({ events, ...options }) });
  return h.client(server.url, { maxRetries: 0 }).responses.stream(params);
}

describe('Responses stream: framing variants', () => {
  it.each([
    ['data lines only', answerEvents(false)],
    ['event: lines too', answerEvents(true)],
    ['a [DONE] after the terminal event', [...answerEvents(false), 'data: [DONE]\n\n']],
    [
      'split into 3-byte pieces',
      answerEvents(true)
        .join('')
        .match(/[\s\S]{1,3}/g)!,
    ],
  ])('%s', async (_, events) => {
    const stream = await streamFrom(events);
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    expect(await stream.finalText()).toBe('Hello there');
    expect(texts).toEqual(['Hello ', 'there']);
  });

  it('yields unknown events as they came, and never fails on them', async () => {
    const events = answerEvents(false);
    events.splice(
      3,
      0,
      dataEvent({ type: 'response.minimax.trace', trace: 'x' }),
      dataEvent({ type: 'keepalive' }),
      dataEvent({ note: 'no type at all' }),
      dataEvent({ note: 'named only by its event line' }, 'response.custom'),
    );
    const stream = await streamFrom(events);
    const seen: ResponseStreamEvent[] = [];
    for await (const event of stream) seen.push(event);
    const types = seen.map((e) => (e as { type?: string }).type);
    expect(types).toContain('response.minimax.trace');
    expect(types).toContain('keepalive');
    expect(types).toContain('response.custom');
    expect(seen).toContainEqual({ note: 'no type at all' });
    expect((await stream.finalResponse()).output_text).toBe('Hello there');
  });

  it('done events without deltas still emit the text', async () => {
    const stream = await streamFrom([
      dataEvent({ type: 'response.output_text.done', ...at, text: 'Whole answer' }),
      dataEvent({ type: 'response.completed', response: final('Whole answer') }),
    ]);
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    expect(await stream.finalText()).toBe('Whole answer');
    expect(texts).toEqual(['Whole answer']);
  });

  it('builds the response from the deltas when the terminal event carries no output', async () => {
    const stream = await streamFrom([
      dataEvent({ type: 'response.output_text.delta', ...at, delta: 'Built ' }),
      dataEvent({ type: 'response.output_text.delta', ...at, delta: 'from deltas' }),
      dataEvent({ type: 'response.function_call_arguments.delta', item_id: 'fc', output_index: 1, delta: '{"a":' }),
      dataEvent({
        type: 'response.function_call_arguments.done',
        item_id: 'fc',
        output_index: 1,
        arguments: '{"a":1}',
      }),
      dataEvent({ type: 'response.completed', response: { id: 'r', usage: { total_tokens: 9 } } }),
    ]);
    const calls: unknown[] = [];
    stream.on('functionCall', (call) => calls.push(call));
    const response = await stream.finalResponse();
    expect(response.output_text).toBe('Built from deltas');
    expect(response.status).toBe('completed'); // named by the event when the payload leaves it out
    expect(response.usage?.total_tokens).toBe(9);
    expect(response.output[1]).toMatchObject({ type: 'function_call', id: 'fc', arguments: '{"a":1}' });
    expect(calls).toHaveLength(1);
  });

  it('deltas that name no item and no index build one message; a streamed summary is reasoning', async () => {
    const stream = await streamFrom([
      dataEvent({ type: 'response.reasoning_summary_text.delta', delta: 'Thinking ' }),
      dataEvent({ type: 'response.reasoning_summary_text.delta', delta: 'briefly' }),
      dataEvent({ type: 'response.output_text.delta', delta: 'One ' }),
      dataEvent({ type: 'response.output_text.delta', delta: 'message' }),
      dataEvent({ type: 'response.completed', response: { status: 'completed' } }),
    ]);
    const reasoning: string[] = [];
    stream.on('reasoning', (_delta, snapshot) => reasoning.push(snapshot));
    const response = await stream.finalResponse();
    expect(reasoning.at(-1)).toBe('Thinking briefly');
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.output_text).toBe('One message');
  });

  it('response.incomplete ends the stream with the incomplete response', async () => {
    const incomplete = final('Cut by the token limit', {
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
    });
    const stream = await streamFrom([dataEvent({ type: 'response.incomplete', response: incomplete })]);
    const response = await stream.finalResponse();
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details?.reason).toBe('max_output_tokens');
  });
});

describe('Responses stream: failures', () => {
  const prefix = answerEvents(false).slice(0, 4); // one delta: "Hello "

  it.each([
    ['rate_limit_exceeded', RateLimitError],
    ['server_error', InternalServerError],
  ])('response.failed with code %s is a typed APIError whose body is the failed response', async (code, type) => {
    const failed = final('', { status: 'failed', error: { code, message: `generation failed: ${code}` } });
    const stream = await streamFrom([...prefix, dataEvent({ type: 'response.failed', response: failed })]);
    const error = (await caught(stream.finalResponse())) as APIError;
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.serverMessage).toBe(`generation failed: ${code}`);
    expect(error.partialText).toBe('Hello ');
    expect((error.body as { id: string }).id).toBe('r');
  });

  it.each([
    [
      'flat, with a MiniMax code',
      { type: 'error', code: 'insufficient_quota', message: 'insufficient balance (1008)' },
      InsufficientBalanceError,
    ],
    ['nested', { type: 'error', error: { type: 'invalid_request_error', message: 'bad input' } }, InvalidParamsError],
  ])('an error event (%s) is a typed error', async (_, data, type) => {
    const stream = await streamFrom([...prefix, dataEvent(data, 'error')]);
    const error = (await caught(stream.finalText())) as APIError;
    expect(error).toBeInstanceOf(type);
    expect(error.partialText).toBe('Hello ');
  });

  it.each([
    ['a clean end', 'clean'],
    ['a reset', 'reset'],
  ] as const)('%s before the terminal event is an APIConnectionError with the text so far', async (_, end) => {
    const stream = await streamFrom(prefix, { end });
    const error = (await caught(stream.finalText())) as APIError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.partialText).toBe('Hello ');
    expect(stream.ended).toBe(false);
  });
});

describe('Responses JSON answers', () => {
  it('a status "failed" body is returned (not thrown), output_text derived, unknown fields kept', async () => {
    const failed = final('partial', {
      status: 'failed',
      error: { code: 'server_error', message: 'the model failed' },
      output_text: null,
      minimax_extra: { kept: true },
    });
    const server = await h.server({ [CREATE]: answer(failed) });
    const response = await h.client(server.url).responses.create(params);
    expect(response.status).toBe('failed');
    expect(response.error).toEqual({ code: 'server_error', message: 'the model failed' });
    expect(response.output_text).toBe('partial');
    expect((response as unknown as { minimax_extra: unknown }).minimax_extra).toEqual({ kept: true });
    expect(server.count(CREATE)).toBe(1);
  });

  it('an error body under HTTP 200 on the same endpoint is still raised', async () => {
    const server = await h.server({ [CREATE]: answer({ error: { type: 'api_error', message: 'boom (1000)' } }) });
    const error = await caught(h.client(server.url, { maxRetries: 0 }).responses.create(params));
    expect(error).toBeInstanceOf(InternalServerError);
  });

  it('an OaiError 429 with Retry-After is retried, even for a billable create', async () => {
    const limited = answer(
      { type: 'error', error: { type: 'rate_limit_error', message: 'rate limit (1002)', http_code: '429' } },
      { status: 429, headers: { 'Retry-After': '0' } },
    );
    const server = await h.server({ [CREATE]: failTimes(1, limited, answer(final('ok'))) });
    expect((await h.client(server.url).responses.create(params)).output_text).toBe('ok');
    expect(server.count(CREATE)).toBe(2);
  });

  const overloaded = answer(
    { type: 'error', error: { type: 'overloaded_error', message: 'overloaded', http_code: '529' }, request_id: 'abc' },
    { status: 529 },
  );

  it.each([
    ['a 529 overloaded', overloaded],
    ["a gateway's HTML 502", htmlPage(502)],
  ])('%s: the billable create is not repeated, the free list is', async (_, handler) => {
    const server = await h.server({
      [CREATE]: handler,
      'GET /v1/models': failTimes(1, handler, answer({ object: 'list', data: [] })),
    });
    const mm = h.client(server.url, { maxRetries: 1 });
    const error = (await caught(mm.responses.create(params))) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.count(CREATE)).toBe(1);
    expect((await mm.models.list()).data).toEqual([]);
    expect(server.count('GET /v1/models')).toBe(2);
  });

  it('keeps unknown fields of the models list', async () => {
    const list = { object: 'list', data: [{ id: 'm', object: 'model', context_window: 1 }], has_more: false };
    const server = await h.server({ 'GET /v1/models': answer(list) });
    expect(await h.client(server.url).models.list()).toEqual(list);
  });

  it("the request body is the caller's, with stream set by stream()", async () => {
    const server = await h.server({ [CREATE]: sse({ events: answerEvents(false) }) });
    await (await h.client(server.url).responses.stream({ ...params, instructions: 'Be brief.' })).done();
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ ...params, instructions: 'Be brief.', stream: true });
  });
});
