/**
 * The mock's speech WebSocket, driven by a raw `ws` client: every event it sends validates (ajv) against the spec's
 * `T2aWs*` schemas, the upgrade's auth and scenarios, pacing, the bidirectional endpoint's buffering, the errors
 * MiniMax documents for a misbehaving client, and the idle timeout.
 */

import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { MockServer } from '../src/types.ts';
import { SPEC, start } from './helpers.ts';

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(SPEC as object, 'spec');
const schemaOf = (name: string) => {
  const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
};
const SCHEMA_BY_EVENT: Record<string, string> = {
  connected_success: 'T2aWsConnectedSuccess',
  task_started: 'T2aWsTaskStarted',
  task_continued: 'T2aWsTaskContinued',
  sentence_start: 'T2aWsSentenceStart',
  sentence_end: 'T2aWsSentenceEnd',
  task_flushed: 'T2aWsTaskFlushed',
  task_canceled: 'T2aWsTaskCanceled',
  task_finished: 'T2aWsTaskFinished',
  task_failed: 'T2aWsTaskFailed',
};
const START = { event: 'task_start', model: 'speech-2.8-turbo', voice_setting: { voice_id: 'v' } };

let mock: MockServer;
beforeAll(async () => {
  mock = await start({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
});
afterAll(() => mock?.close());

interface Conversation {
  events: Array<Record<string, unknown>>;
  closeCode: number;
  status?: number;
  traceId?: string;
}

/** Opens a socket, sends `script`'s events as the server's answers come, and records everything until the close. */
function converse(
  path: string,
  script: (event: Record<string, unknown>, ws: WebSocket) => void,
  headers: Record<string, string> = { Authorization: 'Bearer t' },
): Promise<Conversation> {
  return new Promise((resolve) => {
    const result: Conversation = { events: [], closeCode: 0 };
    const ws = new WebSocket(`${mock.url.replace('http', 'ws')}${path}`, { headers });
    ws.on('upgrade', (res) => {
      result.traceId = String(res.headers['trace-id']);
    });
    ws.on('unexpected-response', (_req, res) => {
      result.status = res.statusCode;
      result.traceId = String(res.headers['trace-id']);
      res.resume();
      res.on('end', () => resolve(result));
    });
    ws.on('error', () => {});
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as Record<string, unknown>;
      result.events.push(event);
      script(event, ws);
    });
    ws.on('close', (code) => {
      result.closeCode = code;
      resolve(result);
    });
  });
}

const send = (ws: WebSocket, event: Record<string, unknown>) => ws.send(JSON.stringify(event));

/** The usual conversation: start, the given texts, finish. */
const speak = (texts: string[], extra?: (event: Record<string, unknown>, ws: WebSocket) => void) =>
  function script(event: Record<string, unknown>, ws: WebSocket) {
    if (event.event === 'connected_success') send(ws, START);
    if (event.event === 'task_started') {
      for (const text of texts) send(ws, { event: 'task_continue', text });
      send(ws, { event: 'task_finish' });
    }
    extra?.(event, ws);
  };

function expectValid(events: Array<Record<string, unknown>>) {
  for (const event of events) {
    const any = schemaOf('T2aWsServerEvent');
    expect(any(event), JSON.stringify(any.errors)).toBe(true);
    const own = schemaOf(SCHEMA_BY_EVENT[String(event.event)] as string);
    expect(own(event), `${event.event}: ${JSON.stringify(own.errors)}`).toBe(true);
  }
}

describe('speech WebSocket', () => {
  it('plays the protocol; every event validates against the spec; the 101 carries the Trace-Id', async () => {
    const c = await converse('/ws/v1/t2a_v2', speak(['Hello there. '.repeat(100), 'Bye.']));
    expectValid(c.events);
    const names = c.events.map((e) => e.event);
    expect(names[0]).toBe('connected_success');
    expect(names[1]).toBe('task_started');
    expect(names.at(-1)).toBe('task_finished');
    expect(c.closeCode).toBe(1000);
    expect(c.events[0]?.trace_id).toBe(c.traceId);
    const finals = c.events.filter((e) => e.is_final === true);
    expect(finals).toHaveLength(2);
    const audio = c.events.flatMap((e) =>
      (e.data as { audio?: string })?.audio ? [(e.data as { audio: string }).audio] : [],
    );
    const bytes = audio.reduce((n, hex) => n + hex.length / 2, 0);
    const sizes = finals.map((f) => (f.extra_info as { audio_size: number }).audio_size);
    expect(bytes).toBe(sizes[0]! + sizes[1]!);
    // deterministic: the same text gives the same audio
    const again = await converse('/ws/v1/t2a_v2', speak(['Bye.']));
    expect(again.events.find((e) => e.is_final)?.data).toEqual(finals[1]?.data);
  });

  it('buffers the bidirectional endpoint into sentences, flushes and cancels', async () => {
    let flushed = false;
    const c = await converse('/ws/v1/t2a_v2_bidi', (event, ws) => {
      if (event.event === 'connected_success') send(ws, START);
      if (event.event === 'task_started') {
        for (const token of ['One', ' sentence.', ' Two', ' halves']) send(ws, { event: 'task_continue', text: token });
        send(ws, { event: 'task_continue', text: '   ' });
        send(ws, { event: 'task_flush' });
      }
      if (event.event === 'task_flushed' && !flushed) {
        flushed = true;
        send(ws, { event: 'task_continue', text: 'Cancelled before it ends. '.repeat(50) });
        send(ws, { event: 'task_cancel' });
      }
      if (event.event === 'task_canceled') send(ws, { event: 'task_finish' });
    });
    expectValid(c.events);
    const names = c.events.map((e) => e.event).filter((n) => n !== 'task_continued');
    expect(names.slice(0, 8)).toEqual([
      'connected_success',
      'task_started',
      'sentence_start',
      'sentence_end',
      'sentence_start',
      'sentence_end',
      'task_flushed',
      'sentence_start',
    ]);
    expect(names.slice(-2)).toEqual(['task_canceled', 'task_finished']);
    expect(c.events.every((e) => typeof e.connect_id === 'string')).toBe(true);
  });

  it('answers a client that breaks the protocol as MiniMax documents it', async () => {
    const twice = await converse('/ws/v1/t2a_v2_bidi', (event, ws) => {
      if (event.event === 'connected_success') send(ws, START);
      if (event.event === 'task_started') send(ws, START);
    });
    expect(twice.events.at(-1)).toMatchObject({ event: 'task_failed', base_resp: { status_code: 2206 } });
    const early = await converse('/ws/v1/t2a_v2', (event, ws) => {
      if (event.event === 'connected_success') send(ws, { event: 'task_continue', text: 'hi' });
    });
    expect(early.events.at(-1)).toMatchObject({ event: 'task_failed', base_resp: { status_code: 2202 } });
    const noVoice = await converse('/ws/v1/t2a_v2', (event, ws) => {
      if (event.event === 'connected_success') send(ws, { event: 'task_start', model: 'm' });
    });
    expect(noVoice.events.at(-1)).toMatchObject({ event: 'task_failed', base_resp: { status_code: 2013 } });
    const soft = await converse('/ws/v1/t2a_v2', speak(['  ', 'x'.repeat(10_001), 'Fine.']));
    const codes = soft.events.map((e) => (e.base_resp as { status_code: number }).status_code).filter((c) => c !== 0);
    expect(codes).toEqual([2203, 2204]);
    expect(soft.events.at(-1)?.event).toBe('task_finished');
    for (const c of [twice, early, noVoice, soft]) expectValid(c.events);
  });

  it('refuses a missing key with 401 + base_resp 1004 and a Trace-Id; unknown paths 404, unknown scenarios 400', async () => {
    const noKey = await converse('/ws/v1/t2a_v2', () => {}, {});
    expect(noKey.status).toBe(401);
    expect(noKey.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((await converse('/ws/v1/nope', () => {})).status).toBe(404);
    expect((await converse('/ws/v1/t2a_v2?__scenario=nope', () => {})).status).toBe(400);
    expect((await converse('/ws/v1/t2a_v2?__scenario=handshake_401', () => {})).status).toBe(401);
  });

  it.each([
    ['rate_limit', 1002],
    ['base_resp_2201', 2201],
    ['auth', 1004],
  ])('scenario %s → task_failed %i, then close', async (name, code) => {
    const c = await converse(`/ws/v1/t2a_v2?__scenario=${name}`, speak(['Hello there. '.repeat(100)]));
    expect(c.events.at(-1)).toMatchObject({ event: 'task_failed', base_resp: { status_code: code } });
    expectValid(c.events);
  });

  it('paces the first audio (first_audio=ms) and closes an idle connection with 2201 (idle=ms)', async () => {
    const started = performance.now();
    let firstAudio = 0;
    await converse(
      '/ws/v1/t2a_v2?__first_audio=120',
      speak(['Hi.'], (event) => {
        if (event.event === 'task_continued') firstAudio ||= performance.now() - started;
      }),
    );
    expect(firstAudio).toBeGreaterThanOrEqual(120);
    const idle = await converse('/ws/v1/t2a_v2?__idle=100', (event, ws) => {
      if (event.event === 'connected_success') send(ws, START);
    });
    expect(idle.events.at(-1)).toMatchObject({ event: 'task_failed', base_resp: { status_code: 2201 } });
  });
});
