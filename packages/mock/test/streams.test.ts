/** Streams: the spec's SSE examples frame by frame, stretched to N chunks, spread over time, ending as the real API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.ts';
import { ANTHROPIC, CHAT, OPENAI, parseSse, post, requestExample, SPEECH, sseExample, start } from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await start();
});
afterAll(() => mock.close());

async function stream(path: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await post(mock, path, { ...requestExample('post', path), stream: true, ...extra }, headers);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseSse(await res.text());
}

// biome-ignore lint/suspicious/noExplicitAny: poking at parsed test JSON
const json = (data: string) => JSON.parse(data) as Record<string, any>;

describe('streams', () => {
  it('serves the spec example frame by frame, ending exactly as the example ends', async () => {
    for (const path of [CHAT, OPENAI, ANTHROPIC, SPEECH]) {
      const example = sseExample(path);
      const frames = await stream(path);
      expect(frames.length, path).toBe(example.length);
      expect(frames.map((f) => f.event)).toEqual(example.map((f) => f.event));
      const last = example.at(-1)!;
      if (last.data === '[DONE]') expect(frames.at(-1)!.data).toBe('[DONE]');
      else expect(frames.at(-1)!.data).not.toBe('[DONE]');
    }
  });

  it('native chat: N chunks on request, and the aggregated final frame is the concatenation of the deltas', async () => {
    const frames = await stream(CHAT, {}, { Prefer: 'chunks=40' });
    const data = frames.filter((f) => f.data !== '[DONE]').map((f) => json(f.data));
    const chunks = data.filter((d) => d.object === 'chat.completion.chunk');
    expect(chunks).toHaveLength(40);
    const final = data.find((d) => d.object === 'chat.completion')!;
    expect(final).toBeDefined();
    const content = chunks.map((c) => c.choices[0].delta.content ?? '').join('');
    expect(final.choices[0].message.content).toBe(content);
    // The frame order survives: all chunks, then the aggregate.
    expect(data.indexOf(final)).toBeGreaterThan(data.indexOf(chunks.at(-1)!));
  });

  it('anthropic: N deltas keep the message_start … message_stop envelope', async () => {
    const frames = await stream(ANTHROPIC, {}, { Prefer: 'chunks=25' });
    expect(frames[0]!.event).toBe('message_start');
    expect(frames.at(-1)!.event).toBe('message_stop');
    expect(frames.filter((f) => f.event === 'content_block_delta')).toHaveLength(25);
  });

  it('speech: the final event repeats the whole audio, unless stream_options.exclude_aggregated_audio', async () => {
    const frames = (await stream(SPEECH, {}, { Prefer: 'chunks=7' })).map((f) => json(f.data));
    const chunks = frames.filter((f) => f.data?.status === 1);
    const final = frames.find((f) => f.data?.status === 2)!;
    expect(chunks).toHaveLength(7);
    expect(final.data.audio).toBe(chunks.map((c) => c.data.audio).join(''));

    const excluded = (await stream(SPEECH, { stream_options: { exclude_aggregated_audio: true } })).map((f) =>
      json(f.data),
    );
    expect(excluded.find((f) => f.data?.status === 2)!.data.audio).toBe('');
    expect(excluded.filter((f) => f.data?.status === 1).length).toBeGreaterThan(0);
  });

  it('repeats the Trace-Id header in the events that carry trace_id', async () => {
    const res = await post(mock, SPEECH, { ...requestExample('post', SPEECH), stream: true });
    const traceId = res.headers.get('trace-id');
    const frames = parseSse(await res.text()).map((f) => json(f.data));
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    for (const f of frames) if ('trace_id' in f) expect(f.trace_id).toBe(traceId);
  });

  it('spreads events over time (Prefer: delay=ms) as real chunked HTTP', async () => {
    const started = Date.now();
    const res = await post(
      mock,
      CHAT,
      { ...requestExample('post', CHAT), stream: true },
      { Prefer: 'delay=60, chunks=6' },
    );
    const reader = res.body!.getReader();
    const first = await reader.read();
    const firstAt = Date.now() - started;
    expect(first.done).toBe(false);
    while (!(await reader.read()).done) {}
    const total = Date.now() - started;
    // 7 frames (6 chunks + aggregate) → 6 gaps of 60 ms after the first frame.
    expect(total).toBeGreaterThanOrEqual(6 * 60 - 20);
    expect(firstAt).toBeLessThan(total - 200);
    expect(res.headers.get('content-length')).toBeNull();
  });

  it('completes 100 concurrent streams without error', async () => {
    const runs = Array.from({ length: 100 }, (_, i) => {
      const path = [CHAT, OPENAI, ANTHROPIC, SPEECH][i % 4]!;
      return stream(path, {}, { Prefer: 'chunks=20, delay=2' });
    });
    const results = await Promise.all(runs);
    expect(results).toHaveLength(100);
    for (const frames of results) expect(frames.length).toBeGreaterThanOrEqual(20);
  });
});
