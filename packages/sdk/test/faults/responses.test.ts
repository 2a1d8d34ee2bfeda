/**
 * Answers that are failures: a proxy's HTML page, 5xx then success, 429 with `Retry-After`, MiniMax's HTTP-200
 * rate limit, malformed and truncated JSON, JSON where an event stream was expected. The server counts requests,
 * so each test shows exactly what was retried: reads and polls freely, billable creates only on a rate limit.
 */

import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  ContentSensitiveError,
  InsufficientBalanceError,
  InternalServerError,
  RateLimitError,
} from '../../src/index.ts';
import { answer, baseResp, failTimes, htmlPage, OK, sequence, sse } from './fault-server.ts';
import {
  anthropicParams,
  BIG_ID,
  chat,
  chatCompletion,
  completeChatEvents,
  fileJSON,
  image,
  PATHS,
} from './fixtures.ts';
import { BOUND_MS, timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const imageResult = { ...OK, id: 'img1', data: { image_urls: ['https://example.invalid/1.png'] } };

describe.concurrent('HTML 502 from a proxy', () => {
  it('raises InternalServerError (502) with the page as the body and the trace id, after retrying a read', async () => {
    const server = await h.server({ [PATHS.filesRetrieve]: htmlPage(502) });
    const { error, ms } = await timedFailure(() => h.client(server.url, { maxRetries: 1 }).files.retrieve(BIG_ID));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).body).toMatch(/<html>.*502 Bad Gateway/);
    expect((error as APIError).traceId).toMatch(/^fault-trace-/);
    expect(server.count(PATHS.filesRetrieve)).toBe(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('raises it at once for a billable create (server saw 1)', async () => {
    const server = await h.server({ [PATHS.image]: htmlPage(502) });
    const { error } = await timedFailure(() => h.client(server.url).images.generate(image));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.count(PATHS.image)).toBe(1);
  });

  it('comes from the mock too (`http_502`), text/html and all', async () => {
    const mock = await h.mock();
    const { error } = await timedFailure(() =>
      h.client(mock.url, { maxRetries: 0 }).chat.create(chat, { headers: { Prefer: 'scenario=http_502' } }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).headers['content-type']).toMatch(/text\/html/);
    expect((error as APIError).traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe.concurrent('500, then success', () => {
  it('a read is retried and succeeds (server saw 2)', async () => {
    const server = await h.server({ [PATHS.filesRetrieve]: sequence(htmlPage(500), answer(fileJSON())) });
    const { file } = await h.client(server.url).files.retrieve(BIG_ID);
    expect(file?.file_id).toBe(BIG_ID);
    expect(server.count(PATHS.filesRetrieve)).toBe(2);
  });

  it('a poll is retried and the wait goes on (server saw 2 polls)', async () => {
    const server = await h.server({
      [PATHS.videoQuery]: sequence(htmlPage(500), answer({ ...OK, task_id: 't1', status: 'Success', file_id: BIG_ID })),
    });
    const done = await h.client(server.url).video.wait('t1');
    expect(done.file_id).toBe(BIG_ID);
    expect(server.count(PATHS.videoQuery)).toBe(2);
  });

  it('a billable create is not retried: InternalServerError, server saw 1', async () => {
    const server = await h.server({ [PATHS.image]: sequence(htmlPage(500), answer(imageResult)) });
    const { error } = await timedFailure(() => h.client(server.url).images.generate(image));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(500);
    expect(server.count(PATHS.image)).toBe(1);
  });

  it('a billable stream create is not retried either', async () => {
    const server = await h.server({ [PATHS.chat]: sequence(htmlPage(500), sse({ events: completeChatEvents('ok') })) });
    const { error } = await timedFailure(() => h.client(server.url).chat.create({ ...chat, stream: true }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.count(PATHS.chat)).toBe(1);
  });

  it('an Anthropic-style HTTP 500 "insufficient balance (1008)" is InsufficientBalanceError, never retried', async () => {
    const body = {
      type: 'error',
      error: { type: 'api_error', message: 'insufficient balance (1008)' },
      request_id: 'r1',
    };
    const server = await h.server({ [PATHS.anthropic]: answer(body, { status: 500 }) });
    const { error } = await timedFailure(() => h.client(server.url).anthropic.messages.create(anthropicParams));
    expect(error).toBeInstanceOf(InsufficientBalanceError);
    expect((error as APIError).code).toBe(1008);
    expect((error as APIError).requestId).toBe('r1');
    expect(server.count(PATHS.anthropic)).toBe(1);
  });
});

describe.concurrent('429 with Retry-After', () => {
  it('waits as told and retries, also a billable create (server saw 2)', async () => {
    const server = await h.server({
      [PATHS.image]: sequence(
        answer(baseResp(1002, 'rate limit'), { status: 429, headers: { 'Retry-After': '1' } }),
        answer(imageResult),
      ),
    });
    const started = performance.now();
    const result = await h.client(server.url).images.generate(image);
    const ms = performance.now() - started;
    expect(result.data?.image_urls).toHaveLength(1);
    expect(server.count(PATHS.image)).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('gives up after maxRetries with RateLimitError carrying the hint', async () => {
    const server = await h.server({
      [PATHS.openai]: answer(
        { type: 'error', error: { type: 'rate_limit_error', message: 'rate limit exceeded (1002)' } },
        { status: 429, headers: { 'Retry-After': '0' } },
      ),
    });
    const { error } = await timedFailure(() =>
      h.client(server.url, { maxRetries: 2 }).openai.chat.completions.create(chat),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(0);
    expect((error as APIError).status).toBe(429);
    expect(server.count(PATHS.openai)).toBe(3);
  });

  it('comes from the mock too (`http_429_once`)', async () => {
    const mock = await h.mock();
    const completion = await h
      .client(mock.url)
      .chat.create(chat, { headers: { Prefer: 'scenario=http_429_once, retry_after=0', 'X-Mock-Session': 'r429' } });
    expect(completion.base_resp.status_code).toBe(0);
  });
});

describe.concurrent('base_resp 1002 (HTTP 200), then success', () => {
  it('a billable create is retried: the server rejected it before doing any work (server saw 2)', async () => {
    const server = await h.server({
      [PATHS.chat]: sequence(answer(baseResp(1002, 'rate limit exceeded(RPM)')), answer(chatCompletion('Hi!'))),
    });
    const completion = await h.client(server.url).chat.create(chat);
    expect(completion.choices?.[0]?.message?.content).toBe('Hi!');
    expect(server.count(PATHS.chat)).toBe(2);
  });

  it('every attempt rate-limited: RateLimitError (1002, status 200) after 1 + maxRetries requests', async () => {
    const server = await h.server({ [PATHS.chat]: answer(baseResp(1002), { headers: { 'retry-after-ms': '10' } }) });
    const { error } = await timedFailure(() => h.client(server.url, { maxRetries: 2 }).chat.create(chat));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as APIError).code).toBe(1002);
    expect((error as APIError).status).toBe(200);
    expect(server.count(PATHS.chat)).toBe(3);
  });
});

describe.concurrent('malformed and truncated JSON', () => {
  const malformed = answer('{"base_resp": {"status_code": 0, "status_msg": "success"}, oops}');
  // The Content-Length matches: the body ends cleanly, mid-document.
  const truncated = answer(fileJSON().slice(0, 30));

  it('malformed JSON: APIConnectionError naming the problem, with the SyntaxError as its cause', async () => {
    const server = await h.server({ [PATHS.filesRetrieve]: malformed });
    const { error } = await timedFailure(() => h.client(server.url, { maxRetries: 0 }).files.retrieve(BIG_ID));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/not valid JSON/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect((error as APIError).path).toBe('/v1/files/retrieve');
  });

  it('truncated JSON: APIConnectionError; a read is retried and succeeds (server saw 2)', async () => {
    const server = await h.server({ [PATHS.filesRetrieve]: sequence(truncated, answer(fileJSON())) });
    const { file } = await h.client(server.url).files.retrieve(BIG_ID);
    expect(file?.file_id).toBe(BIG_ID);
    expect(server.count(PATHS.filesRetrieve)).toBe(2);
  });

  it('a billable create answered with malformed JSON is not retried (it ran)', async () => {
    const server = await h.server({ [PATHS.image]: sequence(malformed, answer(imageResult)) });
    const { error } = await timedFailure(() => h.client(server.url).images.generate(image));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.count(PATHS.image)).toBe(1);
  });

  it('the mock cuts a JSON body in half (`stream_cut` on a JSON answer)', async () => {
    const mock = await h.mock();
    const { error } = await timedFailure(() =>
      h
        .client(mock.url, { maxRetries: 0 })
        .voices.list({ voice_type: 'all' }, { headers: { Prefer: 'scenario=stream_cut' } }),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
  });
});

describe.concurrent('JSON where SSE was expected', () => {
  it('a rate-limited stream answered with JSON is raised as RateLimitError and retried, also when billable', async () => {
    const server = await h.server({
      [PATHS.chat]: sequence(answer(baseResp(1002, 'rate limit')), sse({ events: completeChatEvents('Hel', 'lo') })),
    });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    expect(await stream.finalText()).toBe('Hello');
    expect(server.count(PATHS.chat)).toBe(2);
  });

  it('any other base_resp failure is typed, with the trace id, and not retried', async () => {
    const server = await h.server({ [PATHS.speech]: answer(baseResp(1026, 'input sensitive')) });
    const { error } = await timedFailure(() =>
      h.client(server.url).speech.stream({ model: 'speech-2.6-hd', text: 'x', voice_setting: { voice_id: 'v' } }),
    );
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect((error as APIError).code).toBe(1026);
    expect((error as APIError).traceId).toMatch(/^fault-trace-/);
    expect((error as APIError).serverMessage).toBe('input sensitive');
    expect(server.count(PATHS.speech)).toBe(1);
  });

  it('a JSON answer that is not a failure is still an error where a stream was asked for, never an empty stream', async () => {
    const server = await h.server({ [PATHS.chat]: answer(chatCompletion('not streamed')) });
    const { error } = await timedFailure(() => h.client(server.url).chat.create({ ...chat, stream: true }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toMatch(/expected an event stream, got JSON/);
    expect((error as APIError).body).toMatchObject({ object: 'chat.completion' });
    expect(server.count(PATHS.chat)).toBe(1);
  });

  it('the mock answers a rate-limited speech stream with JSON (`rate_limit`): RateLimitError', async () => {
    const mock = await h.mock();
    const { error } = await timedFailure(() =>
      h
        .client(mock.url, { maxRetries: 0 })
        .speech.stream(
          { model: 'speech-2.6-hd', text: 'Hi', voice_setting: { voice_id: 'English_Graceful_Lady' } },
          { headers: { Prefer: 'scenario=rate_limit' } },
        ),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as APIError).code).toBe(1002);
  });

  it('malformed JSON where SSE was expected: APIConnectionError', async () => {
    const server = await h.server({ [PATHS.chat]: answer('{"base_resp":') });
    const { error } = await timedFailure(() => h.client(server.url).chat.create({ ...chat, stream: true }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.count(PATHS.chat)).toBe(1);
  });

  it('a transient rate limit on a stream is retried until the retries run out', async () => {
    const server = await h.server({
      [PATHS.openai]: failTimes(
        2,
        answer(
          { type: 'error', error: { type: 'rate_limit_error', message: 'slow down (1002)' } },
          {
            status: 429,
            headers: { 'retry-after-ms': '10' },
          },
        ),
        sse({ events: completeChatEvents('ok') }),
      ),
    });
    const stream = await h.client(server.url).openai.chat.completions.create({ ...chat, stream: true });
    expect(await stream.finalText()).toBe('ok');
    expect(server.count(PATHS.openai)).toBe(3);
  });
});
