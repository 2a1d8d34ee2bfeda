/**
 * Video V2 through the MSW handlers (no server) and the SDK, at the China host `region: 'cn'` resolves to: the same
 * lifecycle, listing, cancelling and OaiError statuses as the server mock, from the shared core.
 */
import { createHandlers } from '@minimax-ts/mock/msw';
import { InsufficientBalanceError, MiniMax, TaskFailedError } from '@minimax-ts/sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_PATH } from './helpers.ts';

const mock = createHandlers({ spec: SPEC_PATH, taskPolls: 2 });
const server = setupServer(...mock.handlers);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await mock.ready();
});
afterEach(() => mock.reset());
afterAll(() => server.close());

const mm = new MiniMax({ apiKey: 'test-key', region: 'cn', pollInterval: 5, logLevel: 'off', maxRetries: 0 });
const params = {
  model: 'MiniMax-H3',
  content: [{ type: 'text' as const, text: 'A lighthouse keeper climbs the stairs at dusk' }],
  resolution: '768P' as const,
  duration: 6,
  ratio: '9:16' as const,
};

describe('Video V2 over MSW (setupServer)', () => {
  it('generates at https://api.minimax.cn: progress through queued and running, then the MP4', async () => {
    expect(mm.baseURL).toBe('https://api.minimax.cn');
    const statuses: string[] = [];
    const video = await mm.video.v2.generate(params, { onProgress: (p) => statuses.push(p.status) });
    expect(statuses).toEqual(['queued', 'running', 'succeeded']);
    expect(video.url).toMatch(/^https:\/\/api\.minimax\.cn\/__download\//);
    expect(video.task).toMatchObject({ id: video.task_id, status: 'succeeded', resolution: '768P', ratio: '9:16' });
    const bytes = new Uint8Array(await (await fetch(video.url)).arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');
  });

  it('enhances a prompt, lists, and cancels a queued task', async () => {
    const prompt = await mm.video.v2.enhancePrompt({
      model: 'MiniMax-H3',
      content: params.content,
      duration: 6,
      ratio: '9:16',
    });
    expect(prompt).toMatch(/^integrated_multimodal_description: /m);
    const { task_id } = await mm.video.v2.create(params);
    const seen: string[] = [];
    for await (const task of mm.video.v2.list({ page_size: 1 })) seen.push(task.id);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(task_id);
    expect(await mm.video.v2.cancel(task_id)).toMatchObject({ outcome: 'cancelled', action: 'cancelled' });
  });

  it('maps a failed task and a 402', async () => {
    const failed = mm.video.v2.generate(params, { headers: { Prefer: 'scenario=task_fail' } });
    await expect(failed).rejects.toBeInstanceOf(TaskFailedError);
    await expect(failed).rejects.toMatchObject({ code: '1026', status: 'failed' });
    const broke = mm.video.v2.create(params, { headers: { Prefer: 'scenario=insufficient_balance' } });
    await expect(broke).rejects.toBeInstanceOf(InsufficientBalanceError);
    await expect(broke).rejects.toMatchObject({ status: 402, code: 1008, type: 'insufficient_balance_error' });
  });
});
