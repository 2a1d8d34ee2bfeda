import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../src/core/connection-errors.ts';
import { MiniMaxError } from '../src/core/minimax-error.ts';
import { DEFAULT_MAX_EVENT_BYTES, StreamEventTooLargeError } from '../src/core/stream-event-too-large-error.ts';
import type { SSEEvent } from '../src/internal/sse-parser.ts';
import { iterateSSE } from '../src/internal/sse-stream.ts';
import { SSE_FIXTURES } from './fixtures/sse-fixtures.ts';

const encoder = new TextEncoder();

/** A body that yields `chunks` and records whether (and why) it was cancelled. */
function bodyOf(chunks: Uint8Array[]): { body: ReadableStream<Uint8Array>; cancelled: () => unknown } {
  let cancelReason: unknown = 'not cancelled';
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(chunks[index++]!);
      else controller.close();
    },
    cancel(reason) {
      cancelReason = reason ?? 'cancelled';
    },
  });
  return { body, cancelled: () => cancelReason };
}

/** A body that never sends anything. */
function silentBody(): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let wasCancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull: () => new Promise(() => {}),
    cancel() {
      wasCancelled = true;
    },
  });
  return { body, cancelled: () => wasCancelled };
}

async function collect(iterable: AsyncIterable<SSEEvent>): Promise<SSEEvent[]> {
  const events: SSEEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

function splitAt(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(last, p));
    last = p;
  }
  chunks.push(bytes.subarray(last));
  return chunks;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('iterateSSE: decoding', () => {
  it.each(SSE_FIXTURES)('$name (split at every byte boundary)', async ({ text, events }) => {
    const bytes = encoder.encode(text);
    for (let i = 0; i <= bytes.length; i++) {
      const { body } = bodyOf(splitAt(bytes, [i]));
      expect(await collect(iterateSSE(body)), `split at byte ${i}`).toEqual(events);
    }
  });

  it('decodes multi-byte UTF-8 delivered one byte per chunk', async () => {
    const text = 'data: {"t":"你好, 世界 😀 ñ"}\n\n';
    const bytes = encoder.encode(text);
    const { body } = bodyOf([...bytes].map((b) => Uint8Array.of(b)));
    expect(await collect(iterateSSE(body))).toEqual([
      { data: '{"t":"你好, 世界 😀 ñ"}', event: undefined, id: undefined },
    ]);
  });

  it('strips a UTF-8 BOM', async () => {
    const { body } = bodyOf([Uint8Array.of(0xef, 0xbb), Uint8Array.of(0xbf), encoder.encode('data: x\n\n')]);
    expect(await collect(iterateSSE(body))).toEqual([{ data: 'x', event: undefined, id: undefined }]);
  });

  it('gives the same events for any chunking (property)', async () => {
    const text = SSE_FIXTURES.map((f) => f.text.replace(/\uFEFF/g, '').replace(/data: last$/, '')).join('');
    const bytes = encoder.encode(text);
    const { body: reference } = bodyOf([bytes]);
    const expected = await collect(iterateSSE(reference));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), async (cuts) => {
        const { body } = bodyOf(
          splitAt(
            bytes,
            [...new Set(cuts)].sort((a, b) => a - b),
          ),
        );
        expect(await collect(iterateSSE(body))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('iterateSSE: lifecycle', () => {
  it('cancels the body when the consumer breaks early', async () => {
    const { body, cancelled } = bodyOf([encoder.encode('data: 1\n\ndata: 2\n\n'), encoder.encode('data: 3\n\n')]);
    for await (const event of iterateSSE(body)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(cancelled()).not.toBe('not cancelled');
    expect(body.locked).toBe(false);
  });

  it('cancels the body when the consumer throws', async () => {
    const { body, cancelled } = bodyOf([encoder.encode('data: 1\n\n'), encoder.encode('data: 2\n\n')]);
    await expect(async () => {
      for await (const _ of iterateSSE(body)) throw new Error('consumer failed');
    }).rejects.toThrow('consumer failed');
    expect(cancelled()).not.toBe('not cancelled');
  });

  it('does not cancel a body read to its end', async () => {
    const { body, cancelled } = bodyOf([encoder.encode('data: 1\n\n')]);
    await collect(iterateSSE(body));
    expect(cancelled()).toBe('not cancelled');
    expect(body.locked).toBe(false);
  });

  it('refuses to iterate a body twice', async () => {
    const { body } = bodyOf([]);
    const iterable = iterateSSE(body);
    await collect(iterable);
    expect(() => iterable[Symbol.asyncIterator]()).toThrow(MiniMaxError);
  });

  it('keeps order when next() is called concurrently', async () => {
    const { body } = bodyOf([encoder.encode('data: 1\n\n'), encoder.encode('data: 2\n\ndata: 3\n\n')]);
    const iterator = iterateSSE(body)[Symbol.asyncIterator]();
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results.map((r) => (r.done ? 'done' : r.value.data))).toEqual(['1', '2', '3', 'done']);
  });

  it('wraps a body that errors mid-stream in APIConnectionError', async () => {
    const failure = new TypeError('terminated');
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(encoder.encode('data: 1\n\n'));
        } else controller.error(failure);
      },
    });
    const seen: string[] = [];
    const error = await (async () => {
      try {
        for await (const event of iterateSSE(body)) seen.push(event.data);
      } catch (err) {
        return err;
      }
    })();
    expect(seen).toEqual(['1']);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).cause).toBe(failure);
  });
});

describe('iterateSSE: abort and idle timeout', () => {
  it('rejects with APIUserAbortError and cancels the body when the signal aborts', async () => {
    const { body, cancelled } = silentBody();
    const controller = new AbortController();
    const iterator = iterateSSE(body, { signal: controller.signal })[Symbol.asyncIterator]();
    const next = iterator.next();
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(APIUserAbortError);
    expect(cancelled()).toBe(true);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('rejects with the SDK error a signal was aborted with', async () => {
    const { body } = silentBody();
    const controller = new AbortController();
    const reason = new APITimeoutError({ message: 'total timeout' });
    const next = iterateSSE(body, { signal: controller.signal })[Symbol.asyncIterator]().next();
    controller.abort(reason);
    await expect(next).rejects.toBe(reason);
  });

  it('stops at once on abort, even with parsed events still queued', async () => {
    const { body, cancelled } = bodyOf([
      encoder.encode('data: 1\n\ndata: 2\n\ndata: 3\n\n'),
      encoder.encode('data: 4\n\n'),
    ]);
    const controller = new AbortController();
    const iterator = iterateSSE(body, { signal: controller.signal })[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.data).toBe('1');
    controller.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(cancelled()).not.toBe('not cancelled');
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { body, cancelled } = silentBody();
    const signal = AbortSignal.abort();
    await expect(collect(iterateSSE(body, { signal }))).rejects.toBeInstanceOf(APIUserAbortError);
    expect(cancelled()).toBe(true);
  });

  it('rejects with APITimeoutError when no byte arrives for idleTimeoutMs', async () => {
    vi.useFakeTimers();
    const { body, cancelled } = silentBody();
    const next = iterateSSE(body, { idleTimeoutMs: 5_000 })[Symbol.asyncIterator]().next();
    const outcome = next.then(
      () => 'resolved',
      (err: unknown) => err,
    );
    await vi.advanceTimersByTimeAsync(4_999);
    expect(cancelled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('5000 ms');
    expect(cancelled()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not time out while bytes keep arriving, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            if (sent++ < 10) controller.enqueue(encoder.encode(`data: ${sent}\n\n`));
            else controller.close();
            resolve();
          }, 400);
        }),
    });
    const done = collect(iterateSSE(body, { idleTimeoutMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await done).map((e) => e.data)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts only time spent waiting for bytes, not time the consumer spends', async () => {
    vi.useFakeTimers();
    const { body } = bodyOf([encoder.encode('data: 1\n\n'), encoder.encode('data: 2\n\n')]);
    const iterator = iterateSSE(body, { idleTimeoutMs: 1_000 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.data).toBe('1');
    await vi.advanceTimersByTimeAsync(5_000); // a slow consumer
    expect((await iterator.next()).value?.data).toBe('2');
    expect((await iterator.next()).done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('iterateSSE: maxEventBytes', () => {
  /** An endless body of `chunkSize`-byte chunks without a newline; counts the bytes it handed out. */
  function endlessLine(chunkSize: number): {
    body: ReadableStream<Uint8Array>;
    pulled: () => number;
    cancelled: () => boolean;
  } {
    let pulled = 0;
    let wasCancelled = false;
    const chunk = encoder.encode('x'.repeat(chunkSize));
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          wasCancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return { body, pulled: () => pulled, cancelled: () => wasCancelled };
  }

  it('fails with StreamEventTooLargeError and cancels a body that never sends a newline', async () => {
    const { body, pulled, cancelled } = endlessLine(4_096);
    const source = iterateSSE(body, {
      maxEventBytes: 100_000,
      request: { method: 'POST', url: 'https://api.minimax.io/v1/t2a_v2' },
    });
    const error = await collect(source).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StreamEventTooLargeError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as StreamEventTooLargeError).limit).toBe(100_000);
    expect((error as StreamEventTooLargeError).path).toBe('/v1/t2a_v2');
    expect(cancelled()).toBe(true);
    expect(pulled()).toBeLessThanOrEqual(100_000 + 2 * 4_096); // stopped right after the limit: memory bounded
  });

  it('hands out the events that fit, then fails on the one that does not', async () => {
    const text = `data: small\n\ndata: ${'y'.repeat(500)}\n\n`;
    const { body } = bodyOf([encoder.encode(text)]);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of iterateSSE(body, { maxEventBytes: 100 })) seen.push(event.data);
    })().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StreamEventTooLargeError);
    expect(seen).toEqual([]); // the chunk held both events; an error ends the iteration at once
  });

  it('defaults to 64 MiB, so large legitimate events pass', async () => {
    const big = 'a'.repeat(3_000_000);
    const { body } = bodyOf([encoder.encode(`data: ${big}\n\n`)]);
    const events = await collect(iterateSSE(body));
    expect(events[0]?.data.length).toBe(big.length);
    expect(DEFAULT_MAX_EVENT_BYTES).toBe(64 * 1024 * 1024);
  });
});
