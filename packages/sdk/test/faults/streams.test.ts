/**
 * Faults inside a 200 stream: the connection cut in the middle of an event, and the errors MiniMax sends as events.
 * Each surfaces as a typed error carrying the text received before it, and a billable stream is never replayed.
 */

import { describe, expect, it } from 'vitest';
import { APIConnectionError, type APIError, ContentSensitiveError, RateLimitError } from '../../src/index.ts';
import { dataEvent, sse } from './fault-server.ts';
import { anthropicEvents, anthropicParams, chat, chatEvents, PATHS, speech } from './fixtures.ts';
import { BOUND_MS, timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const mockScenario = (name: string) => ({ headers: { Prefer: `scenario=${name}, chunks=6` } });

describe('stream cut mid-event (mock `stream_cut`)', () => {
  it('native chat: APIConnectionError with the text so far on the error and on the stream', async () => {
    const mock = await h.mock();
    const stream = await h.client(mock.url).chat.create({ ...chat, stream: true }, mockScenario('stream_cut'));
    let streamed = '';
    const { error, ms } = await timedFailure(async () => {
      for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
    });
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(streamed).not.toBe('');
    expect((error as APIError).partialText).toBe(streamed);
    expect(stream.currentText).toBe(streamed);
    expect(stream.ended).toBe(false);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('OpenAI-compatible: APIConnectionError with the text so far', async () => {
    const mock = await h.mock();
    const stream = await h
      .client(mock.url)
      .openai.chat.completions.create({ ...chat, stream: true }, mockScenario('stream_cut'));
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).partialText).toBe(texts.join(''));
  });

  it('Anthropic-compatible: APIConnectionError with the text so far', async () => {
    const mock = await h.mock();
    const stream = await h
      .client(mock.url)
      .anthropic.messages.create({ ...anthropicParams, stream: true }, mockScenario('stream_cut'));
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    const { error } = await timedFailure(() => stream.finalMessage());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).partialText).toBe(text);
  });

  it('speech: APIConnectionError, and the audio already yielded is still counted', async () => {
    const mock = await h.mock();
    const stream = await h.client(mock.url).speech.stream(speech, mockScenario('stream_cut'));
    const chunks: Uint8Array[] = [];
    const { error } = await timedFailure(async () => {
      for await (const bytes of stream) chunks.push(bytes);
    });
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(stream.byteLength).toBe(chunks.reduce((n, c) => n + c.length, 0));
  });
});

describe('stream cut, byte for byte (fault server)', () => {
  it('half an event, then the connection drops: APIConnectionError with the complete events text', async () => {
    const server = await h.server({
      [PATHS.chat]: sse({ events: chatEvents('Hel', 'lo'), tail: 'data: {"id":"c1","obj', end: 'reset' }),
    });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).partialText).toBe('Hello');
    expect(server.count(PATHS.chat)).toBe(1);
  });

  it('half an event, then a clean end of the body: APIConnectionError, never a bare SyntaxError', async () => {
    const server = await h.server({
      [PATHS.openai]: sse({ events: chatEvents('Hel', 'lo'), tail: 'data: {"id":"c1","obj', end: 'clean' }),
    });
    const stream = await h.client(server.url).openai.chat.completions.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).partialText).toBe('Hello');
  });

  it('cut between two events: APIConnectionError with the text so far', async () => {
    const server = await h.server({
      [PATHS.anthropic]: sse({ events: anthropicEvents('Bon', 'jour'), end: 'reset' }),
    });
    const stream = await h.client(server.url).anthropic.messages.create({ ...anthropicParams, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).partialText).toBe('Bonjour');
  });

  it('a cut before any event: APIConnectionError with empty partial text', async () => {
    const server = await h.server({ [PATHS.chat]: sse({ events: [], tail: 'data: {"id"', end: 'reset' }) });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.done());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).partialText).toBe('');
  });
});

describe('SSE error events', () => {
  it('native chat: a base_resp frame mid-stream → ContentSensitiveError (1027) with the partial text and trace id', async () => {
    const mock = await h.mock();
    const stream = await h.client(mock.url).chat.create({ ...chat, stream: true }, mockScenario('stream_error'));
    let streamed = '';
    const { error } = await timedFailure(async () => {
      for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
    });
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect((error as APIError).code).toBe(1027);
    expect((error as APIError).traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((error as APIError).partialText).toBe(streamed);
    expect(streamed).not.toBe('');
  });

  it('OpenAI-compatible: an error object mid-stream → ContentSensitiveError with the partial text', async () => {
    const mock = await h.mock();
    const stream = await h
      .client(mock.url)
      .openai.chat.completions.create({ ...chat, stream: true }, mockScenario('stream_error'));
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect((error as APIError).code).toBe(1027);
    expect((error as APIError).partialText).not.toBe('');
  });

  it('Anthropic-compatible: `event: error` → ContentSensitiveError with the partial text', async () => {
    const mock = await h.mock();
    const stream = await h
      .client(mock.url)
      .anthropic.messages.create({ ...anthropicParams, stream: true }, mockScenario('stream_error'));
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect((error as APIError).traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof (error as APIError).partialText).toBe('string');
  });

  it('speech: a base_resp frame mid-stream → ContentSensitiveError', async () => {
    const mock = await h.mock();
    const stream = await h.client(mock.url).speech.stream(speech, mockScenario('stream_error'));
    const { error } = await timedFailure(() => stream.collect());
    expect(error).toBeInstanceOf(ContentSensitiveError);
  });

  it('an OpenAI-style `event: error` with a rate-limit body is typed, and the stream is not replayed', async () => {
    const server = await h.server({
      [PATHS.openai]: sse({
        events: [
          ...chatEvents('Hi'),
          dataEvent({ type: 'error', error: { type: 'rate_limit_error', message: 'too many tokens (1039)' } }, 'error'),
        ],
      }),
    });
    const stream = await h.client(server.url).openai.chat.completions.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as APIError).code).toBe(1039);
    expect((error as APIError).partialText).toBe('Hi');
    expect(server.count(PATHS.openai)).toBe(1);
  });
});
