/**
 * Errors a stream carries in shapes that used to slip through. A JSON error body labelled `text/event-stream` (read
 * as events, it yields nothing and looked like a cut connection, its code lost and its rate limit never retried), on
 * every SSE path; a `data:` frame with a non-zero `base_resp` on the compatible streams; an `event: error` on the
 * native ones, even after the finish. Each raises the matching `APIError`, and a rate limit is retried.
 */

import { describe, expect, it } from 'vitest';
import {
  APIError,
  APIUserAbortError,
  ContentSensitiveError,
  InsufficientBalanceError,
  RateLimitError,
  ResponseValidationError,
} from '../../src/index.ts';
import { dataEvent, type Handler, sequence, sse } from './fault-server.ts';
import { anthropicEvents, anthropicParams, chat, chatEvents, completeChatEvents, PATHS, speech } from './fixtures.ts';
import { timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const MUSIC = 'POST /v1/music_generation';
const music = { model: 'music-2.0', prompt: 'folk', lyrics: '[Verse]\nHello' };

/** Handler: this JSON body, labelled as an event stream (status 200). */
const jsonAsSSE =
  (body: unknown, prefix = ''): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.end(prefix + JSON.stringify(body));
  };

const rateLimited = { base_resp: { status_code: 1002, status_msg: 'rate limit exceeded(RPM)' } };
const compatibleRateLimit = { type: 'error', error: { type: 'rate_limit_error', message: 'too many requests (1002)' } };
const audioEvents = [
  dataEvent({ data: { audio: '494433', status: 1 }, base_resp: { status_code: 0, status_msg: '' } }),
  dataEvent({ data: { audio: '', status: 2 }, extra_info: { audio_size: 3 }, base_resp: { status_code: 0 } }),
];
const anthropicComplete = [
  ...anthropicEvents('Bon', 'jour'),
  dataEvent({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
  dataEvent({ type: 'message_stop' }, 'message_stop'),
];

/** Every SSE path: how to call it, where it goes, the events of a complete answer, and what it returns then. */
const paths = [
  {
    name: 'native chat',
    key: PATHS.chat,
    events: completeChatEvents('Hi'),
    run: async (c: ReturnType<typeof h.client>) => (await c.chat.create({ ...chat, stream: true })).finalText(),
    expected: 'Hi',
  },
  {
    name: 'OpenAI-compatible',
    key: PATHS.openai,
    events: completeChatEvents('Hi'),
    run: async (c: ReturnType<typeof h.client>) =>
      (await c.openai.chat.completions.create({ ...chat, stream: true })).finalText(),
    expected: 'Hi',
  },
  {
    name: 'Anthropic-compatible',
    key: PATHS.anthropic,
    events: anthropicComplete,
    run: async (c: ReturnType<typeof h.client>) => (await c.anthropic.messages.stream(anthropicParams)).finalText(),
    expected: 'Bonjour',
  },
  {
    name: 'speech',
    key: PATHS.speech,
    events: audioEvents,
    run: async (c: ReturnType<typeof h.client>) => (await c.speech.stream(speech)).collect().then((b) => b.length),
    expected: 3,
  },
  {
    name: 'music',
    key: MUSIC,
    events: audioEvents,
    run: async (c: ReturnType<typeof h.client>) => (await c.music.stream(music)).collect().then((b) => b.length),
    expected: 3,
  },
];

describe.concurrent('a JSON error body labelled text/event-stream', () => {
  for (const path of paths) {
    it(`${path.name}: a rate limit is retried, and the retry's stream is read`, async () => {
      const server = await h.server({ [path.key]: sequence(jsonAsSSE(rateLimited), sse({ events: path.events })) });
      expect(await path.run(h.client(server.url))).toEqual(path.expected);
      expect(server.count(path.key)).toBe(2);
    });

    it(`${path.name}: a final code keeps its class and code, and is not retried`, async () => {
      const server = await h.server({
        [path.key]: jsonAsSSE({ base_resp: { status_code: 1008, status_msg: 'insufficient balance' } }),
      });
      const { error } = await timedFailure(() => path.run(h.client(server.url)));
      expect(error).toBeInstanceOf(InsufficientBalanceError);
      expect((error as APIError).code).toBe(1008);
      expect(server.count(path.key)).toBe(1);
    });
  }

  it('the compatible {type:"error"} shape, after blank lines and a BOM: RateLimitError, retried', async () => {
    const server = await h.server({
      [PATHS.anthropic]: sequence(jsonAsSSE(compatibleRateLimit, '\uFEFF\n \r\n'), sse({ events: anthropicComplete })),
    });
    expect(await (await h.client(server.url).anthropic.messages.stream(anthropicParams)).finalText()).toBe('Bonjour');
    expect(server.count(PATHS.anthropic)).toBe(2);
  });

  it('rate-limited every time: RateLimitError once the retries are spent', async () => {
    const server = await h.server({ [PATHS.openai]: jsonAsSSE(rateLimited) });
    const client = h.client(server.url, { maxRetries: 1 });
    const { error } = await timedFailure(() =>
      client.openai.chat.completions.create({ ...chat, stream: true }).then((s) => s.done()),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as APIError).code).toBe(1002);
    expect(server.count(PATHS.openai)).toBe(2);
  });

  it('a stream aborted while it waits to retry never sends the request again', async () => {
    const server = await h.server({
      [PATHS.chat]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'retry-after-ms': '600' });
        res.end(JSON.stringify(rateLimited));
      },
    });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    setTimeout(() => stream.abort(), 100);
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIUserAbortError);
    await new Promise((resolve) => setTimeout(resolve, 800)); // past the retry-after: no second request
    expect(server.count(PATHS.chat)).toBe(1);
  });

  it('JSON that is not an error is still not a stream: an APIError that says so', async () => {
    const server = await h.server({
      [PATHS.chat]: jsonAsSSE({ id: 'c1', choices: [], base_resp: { status_code: 0 } }),
    });
    const client = h.client(server.url, { maxRetries: 0 });
    const { error } = await timedFailure(async () => (await client.chat.create({ ...chat, stream: true })).done());
    expect((error as Error).message).toMatch(/expected an event stream, got JSON/);
  });
});

describe.concurrent('error frames every stream raises', () => {
  const failure = { base_resp: { status_code: 1027, status_msg: 'output new_sensitive' } };

  it('OpenAI-compatible: a data frame with a non-zero base_resp', async () => {
    const server = await h.server({ [PATHS.openai]: sse({ events: [...chatEvents('Hel'), dataEvent(failure)] }) });
    const stream = await h.client(server.url).openai.chat.completions.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect((error as APIError).partialText).toBe('Hel');
  });

  it('Anthropic-compatible: a data frame with a non-zero base_resp', async () => {
    const server = await h.server({
      [PATHS.anthropic]: sse({ events: [...anthropicEvents('Bon'), dataEvent(failure)] }),
    });
    const stream = await h.client(server.url).anthropic.messages.stream(anthropicParams);
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect((error as APIError).partialText).toBe('Bon');
  });

  it('native chat: an `event: error` frame mid-stream', async () => {
    const server = await h.server({
      [PATHS.chat]: sse({
        events: [...chatEvents('Hel'), dataEvent({ type: 'error', error: { message: 'upstream failed' } }, 'error')],
      }),
    });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect((error as Error).message).toContain('upstream failed');
    expect((error as APIError).partialText).toBe('Hel');
  });

  it('native chat: an `event: error` after the finish is raised, never yielded as a chunk', async () => {
    const server = await h.server({
      [PATHS.chat]: sse({
        events: [
          ...completeChatEvents('Hi'),
          dataEvent({ error: { type: 'api_error', message: 'internal failure' } }, 'error'),
        ],
      }),
    });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const chunks: unknown[] = [];
    const { error } = await timedFailure(async () => {
      for await (const chunk of stream) chunks.push(chunk);
    });
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain('internal failure');
    expect(chunks).toHaveLength(2);
  });

  it('native chat: an `event: error` whose data is plain text raises its text', async () => {
    const server = await h.server({
      [PATHS.chat]: sse({ events: [...chatEvents('Hel'), 'event: error\ndata: upstream overloaded\n\n'] }),
    });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).serverMessage).toBe('upstream overloaded');
  });

  it('speech: an `event: error` frame', async () => {
    const server = await h.server({
      [PATHS.speech]: sse({
        events: [
          audioEvents[0]!,
          dataEvent({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down (1002)' } }, 'error'),
        ],
      }),
    });
    const stream = await h.client(server.url).speech.stream(speech);
    const { error } = await timedFailure(() => stream.collect());
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it('Anthropic-compatible: a tool input whose pieces are not valid JSON is a typed error, not a SyntaxError', async () => {
    const server = await h.server({
      [PATHS.anthropic]: sse({
        events: [
          anthropicEvents()[0]!,
          dataEvent({
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'tool_use', id: 't', name: 'f', input: {} },
          }),
          dataEvent({
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'input_json_delta', partial_json: '{"a":' },
          }),
          dataEvent({ type: 'content_block_stop', index: 0 }),
        ],
      }),
    });
    const stream = await h.client(server.url).anthropic.messages.stream(anthropicParams);
    const { error } = await timedFailure(() => stream.finalMessage());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]?.path).toBe('content.0.input');
  });
});
