/**
 * Time faults: headers that never come (the total `timeout`), a body or a stream that stops sending (the total
 * `timeout` for JSON, `idleTimeout` for a stream). Each fails with `APITimeoutError` long before the server would
 * have answered, and never cuts a slow-but-alive stream.
 */

import { describe, expect, it } from 'vitest';
import { type APIError, APITimeoutError } from '../../src/index.ts';
import { answer, dataEvent, hang, OK, sequence, sse, stallAfterHeaders } from './fault-server.ts';
import {
  anthropicEvents,
  chat,
  chatChunk,
  chatEvents,
  chatFinish,
  completeChatEvents,
  image,
  PATHS,
} from './fixtures.ts';
import { BOUND_MS, timedFailure, useHarness } from './harness.ts';

const h = useHarness();

describe.concurrent('stream stall (idle timeout)', () => {
  it('fails a stalled native chat stream from the mock with APITimeoutError, keeping the text so far', async () => {
    const mock = await h.mock();
    const client = h.client(mock.url, { idleTimeout: 300 });
    const stream = await client.chat.create(
      { ...chat, stream: true },
      { headers: { Prefer: 'scenario=stream_stall, chunks=6' } },
    );
    let streamed = '';
    const { error, ms } = await timedFailure(async () => {
      for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
    });
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(streamed).not.toBe('');
    expect((error as APIError).partialText).toBe(streamed);
    expect(stream.currentText).toBe(streamed);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('fails a stalled OpenAI-compatible stream with the partial text on the error', async () => {
    const server = await h.server({ [PATHS.openai]: sse({ events: chatEvents('Hel', 'lo'), end: 'stall' }) });
    const stream = await h.client(server.url, { idleTimeout: 300 }).openai.chat.completions.create({
      ...chat,
      stream: true,
    });
    const { error, ms } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APIError).partialText).toBe('Hello');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('fails a stalled Anthropic-compatible stream with the partial text on the error', async () => {
    const server = await h.server({
      [PATHS.anthropic]: sse({ events: anthropicEvents('Bon', 'jour'), end: 'stall' }),
    });
    const stream = await h.client(server.url, { idleTimeout: 300 }).anthropic.messages.create({
      model: 'MiniMax-M2',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APIError).partialText).toBe('Bonjour');
  });

  it('fails a stream that sends headers and then nothing at all', async () => {
    const server = await h.server({ [PATHS.chat]: sse({ events: [], end: 'stall' }) });
    const stream = await h.client(server.url, { idleTimeout: 300 }).chat.create({ ...chat, stream: true });
    const { error, ms } = await timedFailure(() => stream.done());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('does not cut a slow stream that keeps sending, even past the total timeout', async () => {
    const pieces = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const server = await h.server({ [PATHS.chat]: sse({ events: completeChatEvents(...pieces), delayMs: 200 }) });
    // 10 events 200 ms apart last longer than `timeout` (which covers the headers only) but are never idle for long.
    // (`timeout` leaves the headers a second: on a loaded machine, with the file's other tests, 500 ms was flaky.)
    const client = h.client(server.url, { timeout: 1_000, idleTimeout: 3_000 });
    const stream = await client.chat.create({ ...chat, stream: true });
    expect(await stream.finalText()).toBe(pieces.join(''));
  });
});

describe.concurrent('slow headers (total timeout)', () => {
  it('fails a call whose answer the mock holds back, with APITimeoutError, long before the answer', async () => {
    const mock = await h.mock();
    const { error, ms } = await timedFailure(() =>
      h
        .client(mock.url, { timeout: 200, maxRetries: 0 })
        .voices.list({ voice_type: 'all' }, { headers: { Prefer: 'scenario=slow_headers, wait=20000' } }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APIError).path).toBe('/v1/get_voice');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('retries a read that timed out (server saw 1 + maxRetries)', async () => {
    const server = await h.server({ [PATHS.filesList]: hang });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url, { timeout: 500, maxRetries: 1 }).files.list({ purpose: 'voice_clone' }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.count(PATHS.filesList)).toBe(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('recovers when the retry of a timed-out read is answered', async () => {
    const server = await h.server({ [PATHS.voicesList]: sequence(hang, answer({ ...OK, system_voice: [] })) });
    const voices = await h.client(server.url, { timeout: 500 }).voices.list({ voice_type: 'all' });
    expect(voices.base_resp.status_code).toBe(0);
    expect(server.count(PATHS.voicesList)).toBe(2);
  });

  it('never retries a billable create that timed out: it may be running (server saw 1)', async () => {
    const server = await h.server({ [PATHS.image]: hang });
    const { error, ms } = await timedFailure(() => h.client(server.url, { timeout: 500 }).images.generate(image));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.count(PATHS.image)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('applies to a stream until its headers arrive', async () => {
    const server = await h.server({ [PATHS.chat]: hang });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url, { timeout: 500 }).chat.create({ ...chat, stream: true }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.count(PATHS.chat)).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('honours a per-request timeout over the client default', async () => {
    const server = await h.server({ [PATHS.filesList]: hang });
    const client = h.client(server.url, { timeout: 60_000, maxRetries: 0 });
    const { error, ms } = await timedFailure(() => client.files.list({ purpose: 'voice_clone' }, { timeout: 150 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe.concurrent('a JSON body that stops after the headers', () => {
  it('fails with APITimeoutError from the total timeout, and retries a read', async () => {
    const server = await h.server({ [PATHS.filesList]: stallAfterHeaders });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url, { timeout: 500, maxRetries: 1 }).files.list({ purpose: 'voice_clone' }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.count(PATHS.filesList)).toBe(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('does not retry a billable create whose answer stalled', async () => {
    const server = await h.server({ [PATHS.chat]: stallAfterHeaders });
    const { error } = await timedFailure(() => h.client(server.url, { timeout: 500 }).chat.create(chat));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.count(PATHS.chat)).toBe(1);
  });
});

// Keeps the SSE helpers honest: the same events, played to the end, give the whole text.
it('plays a complete stream to the end (fault server sanity check)', async () => {
  const server = await h.server({
    [PATHS.chat]: sse({ events: [...chatEvents('x', 'y'), dataEvent(chatChunk('z')), chatFinish()] }),
  });
  const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
  expect(await stream.finalText()).toBe('xyz');
});
