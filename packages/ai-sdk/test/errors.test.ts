/**
 * Failures surface as the AI SDK's `APICallError` with the sdk's typed error as `cause`, and the two retry layers
 * never send a billable request again after it may have run.
 */

import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import {
  APIConnectionError,
  InsufficientBalanceError,
  InternalServerError,
  MiniMaxError,
  RateLimitError,
} from '@minimax-ts/sdk';
import { generateImage, experimental_generateSpeech as generateSpeech, generateText, RetryError } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { createMiniMax } from '../src/index.ts';
import { closedPort, recordingFetch, useMock } from './fixture.ts';

const mock = useMock();

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('errors', () => {
  it('a rate limit: APICallError with status, headers, body, isRetryable, and the RateLimitError as cause', async () => {
    const { minimax } = mock.provider({ maxRetries: 0 });
    const error = await failure(
      generateText({
        model: minimax('MiniMax-M2.7'),
        prompt: 'Hi',
        headers: mock.scenario('rate_limit'),
        maxRetries: 0,
      }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.url).toBe(`${mock.url}/anthropic/v1/messages`);
    expect(apiError.requestBodyValues).toMatchObject({ model: 'MiniMax-M2.7', max_tokens: 65536 });
    expect(apiError.responseHeaders?.['trace-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(apiError.responseBody).toContain('rate_limit_error');
    expect(apiError.cause).toBeInstanceOf(RateLimitError);
    expect((apiError.cause as RateLimitError).code).toBe(1002);
    expect(apiError.message).toBe((apiError.cause as RateLimitError).message);
  });

  it('a 5xx after the request was sent is sent once, whatever both layers allow', async () => {
    const { minimax, sent } = mock.provider({ maxRetries: 2 });
    const error = await failure(
      generateText({
        model: minimax('MiniMax-M2.7'),
        prompt: 'Hi',
        headers: mock.scenario('internal_error'),
        maxRetries: 2,
      }),
    );
    expect(sent).toHaveLength(1);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as APICallError).statusCode).toBe(500);
    expect((error as APICallError).cause).toBeInstanceOf(InternalServerError);
  });

  it("insufficient balance disguised as the Anthropic endpoint's HTTP 500 is never retried", async () => {
    const { minimax, sent } = mock.provider();
    const error = await failure(
      generateText({ model: minimax('MiniMax-M2.7'), prompt: 'Hi', headers: mock.scenario('balance') }),
    );
    expect(sent).toHaveLength(1);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as APICallError).cause).toBeInstanceOf(InsufficientBalanceError);
  });

  it("a native endpoint's HTTP-200 failure keeps status 200, with the MiniMax code on the cause", async () => {
    const { minimax, sent } = mock.provider();
    const error = await failure(
      generateSpeech({ model: minimax.speech('speech-2.8-hd'), text: 'Hi', headers: mock.scenario('balance') }),
    );
    expect(sent).toHaveLength(1);
    expect((error as APICallError).statusCode).toBe(200);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as APICallError).cause).toMatchObject({ name: 'InsufficientBalanceError', code: 1008 });
  });

  it("a proxy's HTML error page: the text is the response body, not retried", async () => {
    const { minimax, sent } = mock.provider();
    const error = await failure(
      generateImage({ model: minimax.image('image-01'), prompt: 'A cat', headers: mock.scenario('http_503') }),
    );
    expect(sent).toHaveLength(1);
    expect((error as APICallError).statusCode).toBe(503);
    expect((error as APICallError).responseBody).toMatch(/<html/i);
    expect((error as APICallError).isRetryable).toBe(false);
  });

  it('a rate limit the sdk retries away never reaches the AI SDK', async () => {
    const { minimax, sent } = mock.provider({ maxRetries: 1 });
    const result = await generateText({
      model: minimax('MiniMax-M2.7'),
      prompt: 'Hi',
      headers: mock.scenario('http_429_once', ', retry_after=0'),
      maxRetries: 0,
    });
    expect(result.text).toMatch(/^9\.9 is bigger/);
    expect(sent).toHaveLength(2);
  });

  it('retries multiply on a persistent rate limit: (1 + sdk) × (1 + AI SDK) attempts', async () => {
    const { minimax, sent } = mock.provider({ maxRetries: 1 });
    const error = await failure(
      generateText({
        model: minimax('MiniMax-M2.7'),
        prompt: 'Hi',
        headers: mock.scenario('http_429', ', retry_after=0'),
        maxRetries: 1,
      }),
    );
    expect(sent).toHaveLength(4);
    expect(RetryError.isInstance(error)).toBe(true);
    expect((error as RetryError).reason).toBe('maxRetriesExceeded');
    expect((error as RetryError).errors).toHaveLength(2);
    expect((error as RetryError).lastError).toMatchObject({ isRetryable: true, statusCode: 429 });
  });

  it('a refused connection (nothing was sent) is retryable', async () => {
    const recorder = recordingFetch();
    const minimax = createMiniMax({
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${await closedPort()}`,
      maxRetries: 0,
      logLevel: 'off',
      fetch: recorder.fetch,
    });
    const error = await failure(generateText({ model: minimax('MiniMax-M2.7'), prompt: 'Hi', maxRetries: 0 }));
    expect(recorder.sent).toHaveLength(1);
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).statusCode).toBeUndefined();
    expect((error as APICallError).cause).toBeInstanceOf(APIConnectionError);
  });

  it('an abort is the AI SDK’s abort, not an API error', async () => {
    const { minimax } = mock.provider();
    const controller = new AbortController();
    const call = generateText({
      model: minimax('MiniMax-M2.7'),
      prompt: 'Hi',
      headers: mock.scenario('slow_headers', ', wait=2000'),
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(call);
    expect((error as Error).name).toBe('AbortError');
    expect(APICallError.isInstance(error)).toBe(false);
  });

  it('a bad provider option is refused before anything is sent', async () => {
    const { minimax, sent } = mock.provider();
    const error = await failure(
      generateText({
        model: minimax('MiniMax-M2.7'),
        prompt: 'Hi',
        providerOptions: { minimax: { thinking: { type: 'on' } } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('providerOptions.minimax.thinking.type');
    expect(sent).toHaveLength(0);
  });

  it('a missing API key fails the call, not the import or the provider', async () => {
    vi.stubEnv('MINIMAX_API_KEY', '');
    try {
      const minimax = createMiniMax({ baseURL: mock.url });
      const model = minimax('MiniMax-M2.7');
      const error = await failure(generateText({ model, prompt: 'Hi' }));
      expect(error).toBeInstanceOf(MiniMaxError);
      expect((error as Error).message).toMatch(/MINIMAX_API_KEY/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
