/**
 * A stream whose server never ends a line (a broken proxy, a hostile server): the client must stop at
 * `maxEventBytes` with a typed error that keeps the text received before it, instead of buffering without limit.
 * The memory bound itself is measured in `npm run bench` (a 400 MB body), not here.
 */

import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { APIConnectionError, InvalidArgumentError, MiniMax, StreamEventTooLargeError } from '../../src/index.ts';
import type { Handler } from './fault-server.ts';
import { chat, chatEvents, PATHS } from './fixtures.ts';
import { timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const LINE = 'x'.repeat(64 * 1024);
/** Far more than any limit below, so a client that does not stop would read for a long time. */
const MAX_WRITTEN = 256 * 1024 * 1024;

/** Handler: a few chat deltas, then one line that never ends (until the client goes away). */
const endlessLineAfter =
  (events: string[]): Handler =>
  async (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    for (const event of events) await write(res, event);
    await write(res, 'data: {"choices":[{"delta":{"content":"');
    for (let written = 0; written < MAX_WRITTEN && !res.destroyed; written += LINE.length) await write(res, LINE);
    res.end();
  };

function write(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) resolve();
    else res.write(text, () => resolve());
  });
}

describe('maxEventBytes', () => {
  it('stops a line that never ends with StreamEventTooLargeError, keeping the text streamed before it', async () => {
    const server = await h.server({ [PATHS.chat]: endlessLineAfter(chatEvents('Hel', 'lo')) });
    const stream = await h.client(server.url, { maxEventBytes: 1024 * 1024 }).chat.create({ ...chat, stream: true });
    let streamed = '';
    const { error } = await timedFailure(async () => {
      for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
    });
    expect(error).toBeInstanceOf(StreamEventTooLargeError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as StreamEventTooLargeError).limit).toBe(1024 * 1024);
    expect((error as StreamEventTooLargeError).partialText).toBe('Hello');
    expect((error as Error).message).toMatch(/maxEventBytes/);
    expect(streamed).toBe('Hello');
  });

  it('takes the limit per request too', async () => {
    const server = await h.server({ [PATHS.chat]: endlessLineAfter([]) });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true }, { maxEventBytes: 200_000 });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(StreamEventTooLargeError);
    expect((error as StreamEventTooLargeError).limit).toBe(200_000);
  });

  it.each([0, -1, Number.NaN, '1mb'])('refuses maxEventBytes %s', (value) => {
    expect(() => new MiniMax({ apiKey: 'k', maxEventBytes: value as number })).toThrow(InvalidArgumentError);
  });
});
