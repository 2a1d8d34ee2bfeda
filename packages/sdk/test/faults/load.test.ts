/**
 * Load: 1,000 concurrent calls and 100 concurrent streams against one mock, all in flight together, with retries
 * off so that no failure can hide behind a retry. Zero failures, every answer complete, and (the harness checks
 * it after the mock closes) no socket or timer left behind.
 */

import { expect, it } from 'vitest';
import type { MiniMax } from '../../src/index.ts';
import { anthropicParams, chat, image, video } from './fixtures.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
const CALLS = 1_000;
const STREAMS = 100;
const CHUNKS = 20;

/** One non-streaming call of a kind picked by `i`, resolving to a check of its answer. */
function call(client: MiniMax, i: number): Promise<boolean> {
  switch (i % 6) {
    case 0:
      return client.chat.create(chat).then((r) => r.base_resp.status_code === 0 && !!r.choices?.[0]?.message?.content);
    case 1:
      return client.voices.list({ voice_type: 'all' }).then((r) => r.base_resp.status_code === 0);
    case 2:
      return client.images.generate(image).then((r) => (r.data?.image_urls?.length ?? 0) > 0);
    case 3:
      return client.video.create(video).then((r) => typeof r.task_id === 'string' && r.task_id !== '');
    case 4:
      return client.openai.chat.completions.create(chat).then((r) => r.object === 'chat.completion');
    default:
      return client.anthropic.messages.create(anthropicParams).then((r) => r.type === 'message');
  }
}

/** One stream, driven to its end; resolves to whether the text streamed equals the final aggregated message. */
async function stream(client: MiniMax): Promise<boolean> {
  const s = await client.chat.create({ ...chat, stream: true }, { headers: { Prefer: `chunks=${CHUNKS}` } });
  let streamed = '';
  let chunks = 0;
  for await (const chunk of s) {
    streamed += chunk.choices[0]?.delta?.content ?? '';
    chunks++;
  }
  return chunks === CHUNKS && (await s.finalText()) === streamed;
}

it(`${CALLS} concurrent calls and ${STREAMS} concurrent streams: zero failures`, async () => {
  const mock = await h.mock({ streamDelayMs: 2 });
  const client = h.client(mock.url, { maxRetries: 0, timeout: 60_000, idleTimeout: 30_000 });
  const results = await Promise.allSettled([
    ...Array.from({ length: CALLS }, (_, i) => call(client, i)),
    ...Array.from({ length: STREAMS }, () => stream(client)),
  ]);
  const failures = results.flatMap((r, i) =>
    r.status === 'rejected' ? [`#${i}: ${String(r.reason)}`] : r.value ? [] : [`#${i}: incomplete answer`],
  );
  expect(failures.slice(0, 5)).toEqual([]);
  expect(results).toHaveLength(CALLS + STREAMS);
}, 60_000);
