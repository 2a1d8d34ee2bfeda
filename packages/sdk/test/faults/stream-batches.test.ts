/**
 * Streams whose reads carry many events at once (a fast server, a proxy that buffers): the events a read holds are
 * handed out without a promise each (`SSEEventIterator.takeQueued`), and the text is kept as pieces joined when read
 * (`TextBuffer`). Every observable behaviour must be the one-event-at-a-time behaviour: each item in order, the text
 * and the `text` listeners' snapshots, the aggregate message, the text attached to an error, an error frame queued
 * behind deltas, and an abort that stops at once even with parsed events still queued.
 */

import { describe, expect, it } from 'vitest';
import { APIConnectionError, type APIError, APIUserAbortError, RateLimitError } from '../../src/index.ts';
import { dataEvent, type Handler } from './fault-server.ts';
import { anthropicEvents, anthropicParams, chat, chatEvents, chatFinish, PATHS } from './fixtures.ts';
import { timedFailure, useHarness } from './harness.ts';

const h = useHarness();

/** Handler: the whole event stream in one write (one or a few reads on the client), then `end`. */
const oneWrite =
  (events: string[], end: 'clean' | 'stall' | 'reset' = 'clean', tail = ''): Handler =>
  (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write(events.join('') + tail);
    if (end === 'clean') res.end();
    else if (end === 'reset') setTimeout(() => res.socket?.destroy(), 20);
    else req.socket.once('close', () => res.destroy());
  };

/** More pieces than `TextBuffer` joins at once, some non-ASCII. */
const pieces = Array.from({ length: 2500 }, (_, i) => (i % 5 === 0 ? `，${i}` : ` ${i}`));
const whole = pieces.join('');

describe('a read holding thousands of events', () => {
  it('native chat: every chunk in order, the text, each snapshot, currentText mid-stream', async () => {
    const server = await h.server({ [PATHS.chat]: oneWrite([...chatEvents(...pieces), chatFinish()]) });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const snapshotLengths: number[] = [];
    let lastSnapshot = '';
    stream.on('text', (_delta, snapshot) => {
      snapshotLengths.push(snapshot.length);
      lastSnapshot = snapshot;
    });
    const deltas: string[] = [];
    let midway = '';
    for await (const chunk of stream) {
      const content = chunk.choices?.[0]?.delta?.content;
      if (content) deltas.push(content);
      if (deltas.length === 1200 && midway === '') midway = stream.currentText;
    }
    expect(deltas).toEqual(pieces);
    expect(midway).toBe(pieces.slice(0, 1200).join(''));
    expect(lastSnapshot).toBe(whole);
    let length = 0;
    expect(snapshotLengths).toEqual(pieces.map((piece) => (length += piece.length)));
    expect(await stream.finalText()).toBe(whole);
  });

  it('OpenAI-compatible: finalText and finalMessage carry every piece', async () => {
    const server = await h.server({ [PATHS.openai]: oneWrite([...chatEvents(...pieces), chatFinish()]) });
    const stream = await h.client(server.url).openai.chat.completions.create({ ...chat, stream: true });
    expect(await stream.finalText()).toBe(whole);
    expect((await stream.finalMessage()).choices[0]?.message.content).toBe(whole);
  });

  it('Anthropic-compatible: each block gets its own text, with or without content_block_stop', async () => {
    const second = pieces.slice(0, 1500).map((p) => p.toUpperCase());
    const events = [
      ...anthropicEvents(...pieces),
      dataEvent({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
      dataEvent(
        { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '>' } },
        'content_block_start',
      ),
      ...second.map((text) =>
        dataEvent(
          { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text } },
          'content_block_delta',
        ),
      ),
      // No content_block_stop for block 1: message_stop settles it.
      dataEvent({ type: 'message_stop' }, 'message_stop'),
    ];
    const server = await h.server({ [PATHS.anthropic]: oneWrite(events) });
    const stream = await h.client(server.url).anthropic.messages.create({ ...anthropicParams, stream: true });
    let texts = '';
    stream.on('text', (delta) => {
      texts += delta;
    });
    let atMessage: unknown;
    stream.on('message', (message) => {
      atMessage = message.content.map((block) => (block as { text?: string }).text);
    });
    const message = await stream.finalMessage();
    const blockTexts = message.content.map((block) => (block as { text?: string }).text);
    expect(blockTexts).toEqual([whole, `>${second.join('')}`]);
    expect(atMessage).toEqual(blockTexts);
    expect(texts).toBe(whole + second.join(''));
    expect(await stream.finalText()).toBe(`${whole}>${second.join('')}`);
  });

  it('cut after thousands of deltas: APIConnectionError whose partialText is every delta', async () => {
    const server = await h.server({
      [PATHS.chat]: oneWrite(chatEvents(...pieces), 'reset', 'data: {"id":"c1","obj'),
    });
    const stream = await h.client(server.url, { maxRetries: 0 }).chat.create({ ...chat, stream: true });
    const { error } = await timedFailure(() => stream.finalText());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).partialText).toBe(whole);
  });

  it('an error frame queued behind deltas in the same read: its typed error, with the text before it', async () => {
    const events = [
      ...chatEvents(...pieces.slice(0, 40)),
      dataEvent({ base_resp: { status_code: 1002, status_msg: 'rate limit' } }),
    ];
    const server = await h.server({ [PATHS.chat]: oneWrite([...events, ...chatEvents('never')]) });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    const seen: string[] = [];
    const { error } = await timedFailure(async () => {
      for await (const chunk of stream) seen.push(chunk.choices?.[0]?.delta?.content ?? '');
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(seen).toEqual(pieces.slice(0, 40));
    expect((error as APIError).partialText).toBe(pieces.slice(0, 40).join(''));
  });

  it('stream.abort() with events still queued: the next step fails at once, nothing queued is yielded', async () => {
    const server = await h.server({ [PATHS.chat]: oneWrite(chatEvents(...pieces), 'stall') });
    const stream = await h.client(server.url).chat.create({ ...chat, stream: true });
    let items = 0;
    const { error } = await timedFailure(async () => {
      for await (const _ of stream) {
        items++;
        stream.abort();
      }
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(items).toBe(1);
  });

  it("the caller's signal aborted with events still queued: APIUserAbortError, nothing queued is yielded", async () => {
    const server = await h.server({ [PATHS.anthropic]: oneWrite(anthropicEvents(...pieces), 'stall') });
    const controller = new AbortController();
    const stream = await h
      .client(server.url)
      .anthropic.messages.create({ ...anthropicParams, stream: true }, { signal: controller.signal });
    let items = 0;
    const { error } = await timedFailure(async () => {
      for await (const _ of stream) {
        items++;
        if (items === 3) controller.abort();
      }
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(items).toBe(3);
  });
});
