import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  ContentSensitiveError,
  InsufficientBalanceError,
  InternalServerError,
  InvalidParamsError,
  RateLimitError,
  UsageLimitError,
} from '../../src/index.ts';
import { closedPort, recordingFetch, useMock } from './mock-fixture.ts';

const mock = useMock();
const chat = { model: 'MiniMax-M2', messages: [{ role: 'user' as const, content: 'Hi' }] };
const speech = { model: 'speech-2.6-hd', text: 'Hi', voice_setting: { voice_id: 'English_Graceful_Lady' } };

describe('base_resp errors answered as HTTP 200', () => {
  it.each([
    ['rate_limit', RateLimitError, 1002],
    ['tpm', RateLimitError, 1039],
    ['auth', AuthenticationError, 1004],
    ['invalid_key', AuthenticationError, 2049],
    ['balance', InsufficientBalanceError, 1008],
    ['sensitive_input', ContentSensitiveError, 1026],
    ['sensitive_output', ContentSensitiveError, 1027],
    ['invalid_params', InvalidParamsError, 2013],
    ['usage_limit', UsageLimitError, 2056],
    ['internal_error', InternalServerError, 1024],
  ] as const)('%s → %s (%i), with the trace id', async (scenario, ErrorClass, code) => {
    const error = await mock
      .client({ maxRetries: 0 })
      .chat.create(chat, mock.scenario(scenario))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as APIError).code).toBe(code);
    expect((error as APIError).status).toBe(200);
    expect((error as APIError).traceId).toBeTruthy();
  });

  it('explains that a 2049 key may belong to the other region', async () => {
    const error = (await mock
      .client({ maxRetries: 0 })
      .chat.create(chat, mock.scenario('invalid_key'))
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(error.hint).toMatch(/api\.minimaxi\.com/);
  });
});

describe('retries', () => {
  it('retries a billable create after a rate-limit answer (it provably did not run)', async () => {
    const recorder = recordingFetch();
    const client = mock.client({ fetch: recorder.fetch });
    const completion = await client.chat.create(chat, mock.scenario('rate_limit_once', ', retry_after=0'));
    expect(completion.base_resp.status_code).toBe(0);
    expect(recorder.calls).toEqual(['POST /v1/text/chatcompletion_v2', 'POST /v1/text/chatcompletion_v2']);
  });

  it('never retries a billable create after a 500 (it may have run)', async () => {
    const recorder = recordingFetch();
    const error = await mock
      .client({ fetch: recorder.fetch })
      .images.generate({ model: 'image-01', prompt: 'x' }, mock.scenario('http_500_once'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(recorder.calls).toHaveLength(1);
  });

  it('retries a read after a 500 and succeeds', async () => {
    const recorder = recordingFetch();
    const client = mock.client({ fetch: recorder.fetch });
    const voices = await client.voices.list({ voice_type: 'all' }, mock.scenario('http_502_once'));
    expect(voices.base_resp.status_code).toBe(0);
    expect(recorder.calls).toHaveLength(2);
  });

  it('honours Retry-After on a 429', async () => {
    const recorder = recordingFetch();
    const started = Date.now();
    await mock.client({ fetch: recorder.fetch }).chat.create(chat, mock.scenario('http_429_once', ', retry_after=1'));
    expect(recorder.calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up after maxRetries with the last error', async () => {
    const recorder = recordingFetch();
    const error = await mock
      .client({ fetch: recorder.fetch, maxRetries: 1 })
      .chat.create(chat, mock.scenario('rate_limit', ', retry_after=0'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(recorder.calls).toHaveLength(2);
  });
});

describe('streams under failure', () => {
  it('raises the JSON error MiniMax sends instead of SSE to a rate-limited stream', async () => {
    const error = await mock
      .client({ maxRetries: 0 })
      .speech.stream(speech, mock.scenario('rate_limit'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it('raises an error event inside a 200 stream, keeping the partial text', async () => {
    const stream = await mock.client().chat.create({ ...chat, stream: true }, mock.scenario('stream_error'));
    const error = (await stream.finalText().catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(typeof error.partialText).toBe('string');
  });

  it('raises a typed connection error when the stream is cut mid-event', async () => {
    const stream = await mock.client().chat.create({ ...chat, stream: true }, mock.scenario('stream_cut'));
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(stream.currentText).toBe(text);
  });

  it('fails a stalled stream with APITimeoutError after the idle timeout', async () => {
    const started = Date.now();
    const stream = await mock
      .client({ idleTimeout: 200 })
      .chat.create({ ...chat, stream: true }, mock.scenario('stream_stall'));
    const error = await stream.done().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('fails slow headers with APITimeoutError after the request timeout', async () => {
    const error = await mock
      .client({ timeout: 200, maxRetries: 0 })
      .voices.list({ voice_type: 'all' }, mock.scenario('slow_headers', ', wait=3000'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
  });

  it('cancels the HTTP body when the consumer breaks out of the loop', async () => {
    const stream = await mock.client().chat.create({ ...chat, stream: true }, { headers: { Prefer: 'chunks=50' } });
    let seen = 0;
    for await (const _ of stream) {
      seen++;
      if (seen === 2) break;
    }
    expect(seen).toBe(2);
    expect(stream.ended).toBe(false);
  });

  it('aborts mid-stream with APIUserAbortError', async () => {
    const controller = new AbortController();
    const stream = await mock
      .client()
      .chat.create(
        { ...chat, stream: true },
        { signal: controller.signal, headers: { Prefer: 'chunks=50, delay=20' } },
      );
    const error = await (async () => {
      for await (const _ of stream) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it('aborts before sending', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(mock.client().chat.create(chat, { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });
});

describe('connection failures', () => {
  it('maps a refused connection to APIConnectionError after retrying (nothing was sent)', async () => {
    const recorder = recordingFetch();
    const client = mock.client({
      baseURL: `http://127.0.0.1:${await closedPort()}`,
      fetch: recorder.fetch,
      maxRetries: 1,
    });
    const error = await client.chat.create(chat).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(recorder.calls).toHaveLength(2);
  });
});
