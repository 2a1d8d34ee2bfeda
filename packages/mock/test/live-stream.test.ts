/** Live bodies: back-pressure, cut, and nothing left running once the reader cancels or the host aborts. */
import { describe, expect, it } from 'vitest';
import { liveStream, MAX_WAIT_MS, sleep } from '../src/live-stream.ts';

const text = new TextDecoder();

describe('liveStream', () => {
  it('writes chunks as the reader pulls them and closes when the producer ends', async () => {
    const body = liveStream(new AbortController().signal, async (sink) => {
      await sink.write('a');
      await sink.write('b');
    });
    expect(text.decode(await new Response(body).arrayBuffer())).toBe('ab');
  });

  it('cut() errors the body after what was already written', async () => {
    const reader = liveStream(new AbortController().signal, async (sink) => {
      await sink.write('half');
      sink.cut();
    }).getReader();
    expect(text.decode((await reader.read()).value)).toBe('half');
    await expect(reader.read()).rejects.toThrow(/cut/);
  });

  it('a reader that cancels wakes a stalled producer, which sees gone', async () => {
    let sawGone = false;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const reader = liveStream(new AbortController().signal, async (sink) => {
      await sink.write('first');
      await sleep(Number.POSITIVE_INFINITY, sink.signal);
      sawGone = sink.gone;
      finished();
    }).getReader();
    await reader.read();
    await reader.cancel();
    await done;
    expect(sawGone).toBe(true);
  });

  it('the host aborting errors the body (the client sees a broken stream, not a clean end)', async () => {
    const host = new AbortController();
    const reader = liveStream(host.signal, async (sink) => {
      await sink.write('first');
      await sleep(Number.POSITIVE_INFINITY, sink.signal);
    }).getReader();
    await reader.read();
    host.abort();
    await expect(reader.read()).rejects.toThrow();
  });
});

describe('sleep', () => {
  it('caps a wait beyond what a timer holds instead of firing at once', async () => {
    const controller = new AbortController();
    const outcome = await Promise.race([
      sleep(MAX_WAIT_MS * 10, controller.signal).then(() => 'woke'),
      new Promise((r) => setTimeout(() => r('still waiting'), 100)),
    ]);
    controller.abort();
    expect(outcome).toBe('still waiting');
  });
});
