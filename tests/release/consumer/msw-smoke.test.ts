/**
 * The consumer's MSW test: `@minimax-ts/mock/msw` handlers in `setupServer`, the published SDK pointed at its
 * default host, no server and no network. A template: the release test copies it into the consumer project and
 * runs it with the consumer's own vitest once `@minimax-ts/mock` is published (see scripts/release/mock-package.ts).
 */
import { createHandlers } from '@minimax-ts/mock/msw';
import { MiniMax, RateLimitError } from '@minimax-ts/sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

const mock = createHandlers({ streamDelayMs: 0 });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const mm = new MiniMax({ apiKey: 'test-key', maxRetries: 0 });
const request = { model: 'MiniMax-M2', messages: [{ role: 'user' as const, content: 'Hi' }] };

it('answers chat from the MSW handlers', async () => {
  const completion = await mm.chat.create(request);
  expect(completion.choices?.[0]?.message?.content).toEqual(expect.any(String));
});

it('streams chat from the MSW handlers', async () => {
  const stream = await mm.chat.create({ ...request, stream: true });
  expect((await stream.finalText()).length).toBeGreaterThan(0);
});

it('raises the typed error a scenario asks for', async () => {
  await expect(mm.chat.create(request, { headers: { Prefer: 'scenario=rate_limit' } })).rejects.toBeInstanceOf(
    RateLimitError,
  );
});
