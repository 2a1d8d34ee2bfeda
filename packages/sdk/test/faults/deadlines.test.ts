/**
 * Deadlines that span several steps, and the numbers that set them. `wait({ timeout })` must abort the poll in flight
 * (a hanging query endpoint must not stretch it by the request timeout times the retries); `streamTimeout` bounds a
 * stream from its request to its last event; and a timeout or interval that is NaN, 0, negative or too large for a
 * timer is refused before anything is sent.
 */

import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import {
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  InvalidArgumentError,
  MiniMax,
  type MiniMaxError,
} from '../../src/index.ts';
import { answer, type Handler, hang, OK, sequence, sse, stallAfterHeaders } from './fault-server.ts';
import { chat, completeChatEvents, PATHS } from './fixtures.ts';
import { BOUND_MS, timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const processing = answer({ ...OK, task_id: 't1', status: 'Processing' });

/** A handler that never answers, and records when the client gave up on the request (its socket closed). */
function hangRecordingClose(closed: number[]): Handler {
  return (req: IncomingMessage) =>
    new Promise<void>((resolve) => {
      req.socket.once('close', () => {
        closed.push(performance.now());
        resolve();
      });
    });
}

describe.concurrent('wait(): the timeout is a deadline that aborts the poll in flight', () => {
  it('a hanging query endpoint: APITimeoutError with the task id at the deadline, the request aborted', async () => {
    const closed: number[] = [];
    const server = await h.server({ [PATHS.videoQuery]: sequence(processing, hangRecordingClose(closed)) });
    // Default request timeout (10 min) and retries: only the wait's own deadline can end this.
    const client = h.client(server.url);
    const started = performance.now();
    const { error, ms } = await timedFailure(() => client.video.wait('t1', { timeout: 500 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as MiniMaxError).taskId).toBe('t1');
    expect((error as Error).message).toMatch(/Task t1 is still Processing after \d+ ms \(wait timeout 500 ms\)/);
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(BOUND_MS);
    await vi.waitFor(() => expect(closed).toHaveLength(1)); // the hanging poll was aborted, not left to run
    expect(closed[0]! - started).toBeLessThan(BOUND_MS);
    expect(server.count(PATHS.videoQuery)).toBe(2); // and never retried after the deadline
  });

  it('a poll whose body stalls after the headers is aborted too', async () => {
    const server = await h.server({ [PATHS.speechTaskQuery]: stallAfterHeaders });
    const { error, ms } = await timedFailure(() => h.client(server.url).speech.tasks.wait('123', { timeout: 300 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as MiniMaxError).taskId).toBe('123');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a poll interval longer than the timeout: fails at the deadline, not before it and not after the sleep', async () => {
    const server = await h.server({ [PATHS.videoQuery]: processing });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url).video.wait('t1', { timeout: 300, pollInterval: 60_000 }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("the caller's signal still wins: APIUserAbortError with the task id", async () => {
    const server = await h.server({ [PATHS.videoQuery]: hang });
    const { error } = await timedFailure(() =>
      h.client(server.url).video.wait('t1', { timeout: 60_000, signal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as MiniMaxError).taskId).toBe('t1');
  });
});

describe.concurrent('streamTimeout: a total deadline for a stream', () => {
  const slow = sse({ events: completeChatEvents('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), delayMs: 100 });

  it('cuts a stream that keeps sending past it: APITimeoutError with the text received', async () => {
    const server = await h.server({ [PATHS.chat]: slow });
    const client = h.client(server.url, { streamTimeout: 450 });
    const stream = await client.chat.create({ ...chat, stream: true });
    const { error, ms } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toContain('streamTimeout (450 ms)');
    expect((error as APIError).partialText).toBe(stream.currentText);
    expect(stream.currentText.length).toBeGreaterThan(0);
    expect(stream.currentText.length).toBeLessThan(10);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('is set per request too, and counts the wait for the headers', async () => {
    const server = await h.server({ [PATHS.openai]: hang, [PATHS.anthropic]: slow });
    const client = h.client(server.url);
    const { error, ms } = await timedFailure(() =>
      client.openai.chat.completions.create({ ...chat, stream: true }, { streamTimeout: 300 }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('leaves a stream that finishes in time alone', async () => {
    const server = await h.server({ [PATHS.chat]: sse({ events: completeChatEvents('He', 'llo'), delayMs: 20 }) });
    const stream = await h.client(server.url, { streamTimeout: 5_000 }).chat.create({ ...chat, stream: true });
    expect(await stream.finalText()).toBe('Hello');
  });
});

describe('numeric options are checked at construction and on every call', () => {
  const bad: Array<[string, unknown]> = [
    ['NaN', Number.NaN],
    ['0', 0],
    ['a negative number', -1],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '1000'],
    ['more than a timer holds', 2 ** 31],
  ];

  for (const option of ['timeout', 'idleTimeout', 'streamTimeout', 'pollInterval'] as const) {
    it.each(bad)(`${option}: %s is refused at construction`, (_what, value) => {
      expect(() => new MiniMax({ apiKey: 'k', [option]: value as number })).toThrow(InvalidArgumentError);
      expect(() => new MiniMax({ apiKey: 'k', [option]: value as number })).toThrow(new RegExp(`^${option}: `));
    });
  }

  it.each([
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['a string', '2'],
  ])('maxRetries: %s is refused', (_what, value) => {
    expect(() => new MiniMax({ apiKey: 'k', maxRetries: value as number })).toThrow(/^maxRetries: expected a whole/);
  });

  it('validate and logLevel must be one of their values', () => {
    expect(() => new MiniMax({ apiKey: 'k', validate: 'loose' as never })).toThrow(/^validate: /);
    expect(() => new MiniMax({ apiKey: 'k', logLevel: 'verbose' as never })).toThrow(/^logLevel: /);
  });

  it('per call: a bad request option fails before anything is sent', async () => {
    const server = await h.server({ [PATHS.voicesList]: answer(OK) });
    const client = h.client(server.url);
    for (const options of [{ timeout: Number.NaN }, { maxRetries: -2 }, { idleTimeout: 0 }, { streamTimeout: -5 }]) {
      const { error } = await timedFailure(() => client.voices.list({ voice_type: 'all' }, options));
      expect(error).toBeInstanceOf(InvalidArgumentError);
    }
    expect(server.count()).toBe(0);
  });

  it("per call: wait()'s timeout and pollInterval, before the first poll", async () => {
    const server = await h.server({ [PATHS.videoQuery]: processing });
    const client = h.client(server.url);
    for (const options of [
      { pollInterval: 0 },
      { pollInterval: Number.NaN },
      { timeout: Number.NaN },
      { timeout: -1 },
    ]) {
      const { error } = await timedFailure(() => client.video.wait('t1', options));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(Object.keys(options)[0]);
    }
    expect(server.count()).toBe(0);
  });
});
