/**
 * Speech sessions against the mock's WebSocket, over real sockets: the whole protocol on both endpoints, the events,
 * the soft refusals, schema validation of every server event, 50 sessions at once, and no handle left behind.
 */

import * as zod from '@minimax-ts/generated/zod';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type APIError, InvalidArgumentError, MiniMaxError, RateLimitError } from '../../src/index.ts';
import { useHarness } from '../faults/harness.ts';

const h = useHarness();
const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const SENTENCE = 'The real danger is not that computers start thinking like people. ';

let mockURL = '';

async function client(ws: { firstAudioDelayMs?: number; chunkDelayMs?: number } = {}) {
  const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0, ...ws } });
  mockURL = mock.url;
  return h.client(mock.url, { validate: 'strict' });
}

describe('speech session (/ws/v1/t2a_v2)', () => {
  it('runs the whole protocol: audio chunks as they come, then the summary', async () => {
    const mm = await client({ chunkDelayMs: 1 });
    const session = await mm.speech.connect(voice);
    expect(session.state).toBe('started');
    expect(session.traceId).toMatch(/^[0-9a-f]{32}$/);
    const events: string[] = [];
    session.on('event', (event) => events.push(String(event.event)));
    const finals: unknown[] = [];
    session.on('final', (info) => finals.push(info));
    session.send(SENTENCE.repeat(30));
    session.send('And a second request.');
    const done = session.finish();
    const chunks: Uint8Array[] = [];
    for await (const bytes of session) chunks.push(bytes);
    const summary = await done;
    expect(session.state).toBe('finished');
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(chunks.length).toBeGreaterThan(2);
    expect(total).toBe(summary.audioBytes);
    expect(summary.extraInfos).toHaveLength(2);
    expect(summary.extraInfos.reduce((n, i) => n + (i.audio_size ?? 0), 0)).toBe(total);
    expect(finals).toEqual(summary.extraInfos);
    expect(summary.extraInfo?.usage_characters).toBe('And a second request.'.length);
    expect(summary.sessionId).toMatch(/^\d+$/);
    expect(summary.finishedEvent?.event).toBe('task_finished');
    expect(events.at(-1)).toBe('task_finished');
    expect(Array.from(chunks[0]?.subarray(0, 3) ?? [])).toEqual([0x49, 0x44, 0x33]); // the mock's ID3 tag
  });

  it('yields an is_final frame that repeats the whole audio once, not twice', async () => {
    const mm = await client();
    const session = await mm.speech.connect(voice, { headers: { Prefer: 'scenario=final_aggregate' } });
    session.send(SENTENCE.repeat(20));
    const done = session.finish();
    const audio = await session.collect();
    expect(audio.length).toBe((await done).extraInfo?.audio_size);
  });

  it('accepts a server that closes after the last audio without task_finished', async () => {
    const mm = await client();
    const session = await mm.speech.connect(voice, { headers: { Prefer: 'scenario=no_task_finished' } });
    session.send(SENTENCE);
    const summary = await session.finish();
    expect(summary.finishedEvent).toBeUndefined();
    expect(summary.audioBytes).toBeGreaterThan(0);
  });

  it('reports soft refusals as typed warnings and goes on (2203 empty text, 2205 resend later)', async () => {
    const mm = await client();
    const session = await mm.speech.connect(voice, { headers: { Prefer: 'scenario=base_resp_2205' } });
    const warnings: APIError[] = [];
    session.on('warning', (w) => warnings.push(w));
    session.send(SENTENCE); // refused: too much queued
    session.send('   '); // whitespace only: 2203
    session.send(SENTENCE); // synthesized
    const summary = await session.finish();
    expect(warnings.map((w) => [w.constructor, w.code])).toEqual([
      [RateLimitError, 2205],
      [warnings[1]?.constructor, 2203],
    ]);
    expect(warnings[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(summary.warnings).toEqual(warnings);
    expect(summary.extraInfos).toHaveLength(1);
    await session.collect();
  });

  it('splits text over 10,000 characters instead of having it skipped (2204), and skips empty text', async () => {
    const mm = await client();
    const session = await mm.speech.connect(voice);
    session.send('');
    session.send(SENTENCE.repeat(200)); // 13,400 characters → two requests
    const summary = await session.finish();
    expect(summary.warnings).toEqual([]);
    expect(summary.extraInfos).toHaveLength(2);
    expect(summary.extraInfos.reduce((n, i) => n + (i.usage_characters ?? 0), 0)).toBe(SENTENCE.length * 200);
  });

  it('refuses bad arguments before connecting, and misuse after finishing', async () => {
    const mm = await client();
    await expect(mm.speech.connect({ ...voice, model: '' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(mm.speech.connect({ model: 'm' } as never)).rejects.toThrow(/voice_setting/);
    const session = await mm.speech.connect(voice);
    expect(() => session.send(42 as never)).toThrow(InvalidArgumentError);
    await expect(session.flush()).rejects.toThrow(/bidirectional/);
    await session.finish();
    expect(() => session.send('late')).toThrow(MiniMaxError);
    await session.collect();
    await expect(session.collect()).rejects.toThrow(/iterated once/);
  });

  it('runs 50 sessions at once, each with its own audio', async () => {
    const mm = await client({ chunkDelayMs: 2 });
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const session = await mm.speech.connect(voice);
        session.send(`Session number ${i}. ${SENTENCE}`);
        const done = session.finish();
        const audio = await session.collect();
        return { audio, summary: await done };
      }),
    );
    for (const { audio, summary } of results) expect(audio.length).toBe(summary.extraInfo?.audio_size);
    expect(new Set(results.map((r) => r.summary.sessionId)).size).toBe(50);
  });
});

describe('speech session (/ws/v1/t2a_v2_bidi)', () => {
  it('buffers tokens into sentences, flushes, cancels and finishes', async () => {
    const mm = await client({ chunkDelayMs: 1 });
    const session = await mm.speech.connect({ ...voice, bidirectional: true });
    const sentences: string[] = [];
    session.on('sentence_start', () => sentences.push('start')).on('sentence_end', () => sentences.push('end'));
    const audio: Uint8Array[] = [];
    session.on('audio', (bytes) => audio.push(bytes));
    await session.sendAll(['Hello', ' there', ', how are', ' you?', ' I am', ' fine. Unpunctuated tail']);
    await session.flush(); // the tail is synthesized now, and its audio came before task_flushed
    expect(sentences).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
    const flushedBytes = audio.reduce((n, a) => n + a.length, 0);
    session.send(SENTENCE.repeat(40));
    await session.cancel();
    session.send('After the barge-in.');
    const summary = await session.finish();
    expect(summary.connectId).toMatch(/^\d+$/);
    expect(summary.audioBytes).toBeGreaterThan(flushedBytes);
    expect(summary.finishedEvent?.event).toBe('task_finished');
  });
});

describe('contract', () => {
  it('every event the mock sends validates against its schema in spec/ (zT2aWsServerEvent and its own)', async () => {
    const mm = await client();
    const seen: Record<string, unknown>[] = [];
    const byEvent: Record<string, { safeParse(v: unknown): { success: boolean } }> = {
      connected_success: zod.zT2aWsConnectedSuccess,
      task_started: zod.zT2aWsTaskStarted,
      task_continued: zod.zT2aWsTaskContinued,
      sentence_start: zod.zT2aWsSentenceStart,
      sentence_end: zod.zT2aWsSentenceEnd,
      task_flushed: zod.zT2aWsTaskFlushed,
      task_canceled: zod.zT2aWsTaskCanceled,
      task_finished: zod.zT2aWsTaskFinished,
      task_failed: zod.zT2aWsTaskFailed,
    };
    for (const bidirectional of [false, true]) {
      const session = await mm.speech.connect({ ...voice, bidirectional });
      session.on('event', (event) => seen.push(event as Record<string, unknown>));
      session.send('One sentence. Two');
      session.send('   ');
      if (bidirectional) {
        await session.flush();
        await session.cancel();
      }
      await session.finish();
    }
    const failing = await mm.speech.connect(voice, { headers: { Prefer: 'scenario=tpm' } });
    failing.on('event', (event) => seen.push(event as Record<string, unknown>));
    failing.send(SENTENCE.repeat(20));
    await expect(failing.finish()).rejects.toBeInstanceOf(RateLimitError);
    // The opening events come before a session exists to listen: read them with a raw client.
    const raw = new WebSocket(`${mockURL.replace('http', 'ws')}/ws/v1/t2a_v2`, {
      headers: { Authorization: 'Bearer k' },
    });
    await new Promise<void>((resolve) => {
      raw.on('message', (data) => {
        const event = JSON.parse(String(data)) as Record<string, unknown>;
        seen.push(event);
        if (event.event === 'connected_success') raw.send(JSON.stringify({ event: 'task_start', ...voice }));
        else raw.close();
      });
      raw.on('close', () => resolve());
    });
    const kinds = new Set(seen.map((e) => String(e.event)));
    expect([...kinds].sort()).toEqual(Object.keys(byEvent).sort());
    for (const event of seen) {
      expect(zod.zT2aWsServerEvent.safeParse(event).success, JSON.stringify(event).slice(0, 200)).toBe(true);
      expect(byEvent[String(event.event)]?.safeParse(event).success, String(event.event)).toBe(true);
    }
  });
});
