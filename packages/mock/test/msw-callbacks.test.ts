/**
 * Task callbacks under MSW (`setupServer`, unhandled requests are errors): the mock's callback requests bypass MSW
 * and reach the real receiver — even when the receiver's origin is the very base URL the handlers intercept, where a
 * plain fetch would have been answered by the mock itself.
 */
import { createHandlers } from '@minimax-ts/mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from './callback-receiver.ts';
import { SPEC_PATH } from './helpers.ts';

let receiver: Receiver;
let mock: ReturnType<typeof createHandlers>;
let server: ReturnType<typeof setupServer>;

beforeAll(async () => {
  receiver = await startReceiver();
  // The mock intercepts the receiver's own origin: API calls go to the mock, callbacks must not.
  mock = createHandlers({ spec: SPEC_PATH, baseUrl: receiver.url, taskPolls: 2, taskStepMs: 5 });
  server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  await mock.ready();
});
afterAll(async () => {
  mock.close();
  server.close();
  await receiver.close();
});

describe('callbacks under MSW', () => {
  it('a V2 task calls the real receiver back: challenge, then each status', async () => {
    const created = await fetch(`${receiver.url}/v2/video_generation`, {
      method: 'POST',
      headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        model: 'MiniMax-H3',
        content: [{ type: 'text', text: 'Waves at dawn' }],
        resolution: '768P',
        duration: 6,
        ratio: '16:9',
        callback_url: `${receiver.url}/hook`,
      }),
    });
    const { task_id } = (await created.json()) as { task_id: string };
    const received = await receiver.waitFor(4);
    expect(received.map((r) => r.path)).toEqual(['/hook', '/hook', '/hook', '/hook']);
    expect(received[0]!.json).toHaveProperty('challenge');
    expect(received.slice(1).map((r) => (r.json!.task as { status: string }).status)).toEqual([
      'queued',
      'running',
      'succeeded',
    ]);
    expect((received[3]!.json!.task as { id: string }).id).toBe(task_id);
  });
});
