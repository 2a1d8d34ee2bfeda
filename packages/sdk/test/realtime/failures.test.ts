/**
 * Every way a speech session can fail, each a typed error with its code, trace id and the audio received before it;
 * an abort at each phase; hostile servers. Nothing hangs (each failure is bounded) and, once the file's servers are
 * closed, no socket or timer is left (the harness checks).
 */

import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  InvalidParamsError,
  PermissionDeniedError,
  RateLimitError,
  type SpeechSessionFailure,
} from '../../src/index.ts';
import { BOUND_MS, caught, closedPort, delay, timedFailure, useHarness } from '../faults/harness.ts';
import { frame, opening, startWsFault } from './ws-fault-server.ts';

const h = useHarness();
const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const TEXT = 'Real-time speech arrives chunk by chunk, long before the whole text is synthesized. '.repeat(20);
const scenario = (name: string) => ({ headers: { Prefer: `scenario=${name}` } });

async function mockClient(options = {}) {
  const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 2 } });
  return h.client(mock.url, options);
}

/** Opens a session on a scenario, sends the text and finishes; returns the error it must end with. */
async function failWith(name: string, options = {}) {
  const mm = await mockClient(options);
  return timedFailure(async () => {
    const session = await mm.speech.connect(voice, scenario(name));
    session.send(TEXT);
    const done = session.finish();
    for await (const _ of session) {
      // drain
    }
    await done;
  });
}

describe('task_failed, by code → the class of the error hierarchy', () => {
  it.each([
    [1000, InternalServerError],
    [1001, InternalServerError],
    [1002, RateLimitError],
    [1004, AuthenticationError],
    [1039, RateLimitError],
    [1042, InvalidParamsError],
    [2013, InvalidParamsError],
    [2201, InternalServerError],
    [2202, InvalidParamsError],
    [2206, InvalidParamsError],
  ])('%i → %o, with code, trace id and the audio received', async (code, ErrorClass) => {
    const { error, ms } = await failWith(`task_failed_${code}`);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(error).toBeInstanceOf(ErrorClass);
    const e = error as APIError & SpeechSessionFailure;
    expect(e.code).toBe(code);
    expect(e.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(e.message).toContain(`${code} `);
    expect(e.message).toContain('/ws/v1/t2a_v2');
    expect(e.partialAudio?.length).toBe(e.audioBytes);
    // codes about the key, the parameters or the event order fail before any audio; the others halfway through it
    if ([1004, 2013, 2202, 2206].includes(code)) expect(e.audioBytes).toBe(0);
    else expect(e.audioBytes).toBeGreaterThan(0);
  });

  it('a task_failed at start rejects connect() itself', async () => {
    const mm = await mockClient();
    const error = await caught(mm.speech.connect(voice, scenario('auth')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as APIError).hint).toContain('other region');
  });
});

describe('the upgrade refused → a class by HTTP status, with the status and trace id', () => {
  it.each([
    ['handshake_401', 401, AuthenticationError],
    ['http_403', 403, PermissionDeniedError],
    ['http_429', 429, RateLimitError],
    ['http_502', 502, InternalServerError],
  ])('%s', async (name, status, ErrorClass) => {
    const mm = await mockClient();
    const error = (await caught(mm.speech.connect(voice, scenario(name)))) as APIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a missing key is refused with 401 and never shows the key it did send', async () => {
    const mm = await mockClient();
    const error = (await caught(mm.speech.connect(voice, { headers: { Authorization: null } }))) as APIError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe(1004);
    expect(JSON.stringify(error)).not.toContain('test-key');
  });

  it('a refused connection and a dropped upgrade are APIConnectionError', async () => {
    const mm = h.client(`http://127.0.0.1:${await closedPort()}`);
    expect(await caught(mm.speech.connect(voice))).toBeInstanceOf(APIConnectionError);
    const reset = await caught((await mockClient()).speech.connect(voice, scenario('connection_reset')));
    expect(reset).toBeInstanceOf(APIConnectionError);
  });
});

describe('the connection lost mid-session', () => {
  it.each(['stream_cut', 'close_1011'])('%s → APIConnectionError with the audio received', async (name) => {
    const { error, ms } = await failWith(name);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as SpeechSessionFailure).audioBytes).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(/closed during the session \(close code (1006|1011)/);
  });

  it('a stall → APITimeoutError after idleTimeout', async () => {
    const { error, ms } = await failWith('stream_stall', { idleTimeout: 1_000 });
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
    expect((error as Error).message).toContain('1000 ms');
    expect((error as SpeechSessionFailure).audioBytes).toBeGreaterThan(0);
  });

  it('a server that never starts the task → APITimeoutError after timeout', async () => {
    const server = await startWsFault(() => {}); // upgrade, then silence
    h.server; // (harness closes its own servers; this one is closed below)
    const { error } = await timedFailure(() => h.client(server.url, { timeout: 300 }).speech.connect(voice));
    expect(error).toBeInstanceOf(APITimeoutError);
    await server.close();
  });
});

describe('abort at each phase → APIUserAbortError, the socket closed', () => {
  it('before open: nothing is sent', async () => {
    const server = await startWsFault(() => {});
    const error = await caught(h.client(server.url).speech.connect(voice, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
    await server.close();
  });

  it('during the handshake (an upgrade never answered)', async () => {
    const held: Socket[] = [];
    const server = await startWsFault(
      () => {},
      (_req, socket) => Boolean(held.push(socket)),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { error, ms } = await timedFailure(() =>
      h.client(server.url).speech.connect(voice, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(ms).toBeLessThan(BOUND_MS);
    await server.close();
  });

  it.each(['after task_started', 'mid-audio', 'during finish'])('%s', async (phase) => {
    const mm = await mockClient();
    const controller = new AbortController();
    const session = await mm.speech.connect(voice, { signal: controller.signal });
    let received = 0;
    if (phase === 'mid-audio') session.on('audio', () => received++ === 2 && controller.abort());
    if (phase !== 'after task_started') session.send(TEXT);
    const done = session.finish();
    if (phase !== 'mid-audio') controller.abort();
    const error = await caught(done);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(await caught(session.collect())).toBe(error);
    expect(session.state).toBe('failed');
  });

  it('abort() and break out of for-await end the session too', async () => {
    const mm = await mockClient();
    const session = await mm.speech.connect(voice);
    session.send(TEXT);
    for await (const _ of session) break;
    expect(await caught(session.finish())).toBeInstanceOf(APIUserAbortError);
    const other = await mm.speech.connect(voice);
    other.abort();
    expect(await caught(other.finish())).toBeInstanceOf(APIUserAbortError);
  });
});

describe('hostile servers', () => {
  const afterContinue = (reply: (ws: import('ws').WebSocket) => void) =>
    opening((ws, event) => {
      if (event.event === 'task_continue') reply(ws);
    });

  it.each([
    ['a frame that is not JSON', afterContinue((ws) => ws.send('{"event":"task_contin')), /not JSON/],
    ['a binary frame', afterContinue((ws) => ws.send(Buffer.from([1, 2, 3]))), /binary frame of 3 bytes/],
    ['a JSON array', afterContinue((ws) => ws.send('[1,2]')), /not an object/],
    [
      'audio that is not hex',
      afterContinue((ws) => ws.send(frame('task_continued', { data: { audio: 'zz' } }))),
      /not hex/,
    ],
    [
      'audio before task_started',
      (ws: import('ws').WebSocket) => {
        ws.send(frame('connected_success'));
        ws.on('message', () => ws.send(frame('task_continued', { data: { audio: '00' } })));
      },
      /audio before task_started/,
    ],
  ])('%s → APIConnectionError', async (_name, script, message) => {
    const server = await startWsFault(script as never);
    const error = await caught(
      (async () => {
        const session = await h.client(server.url).speech.connect(voice);
        session.send('Hello.');
        await session.finish();
      })(),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(message);
    await server.close();
  });

  it('a frame over maxMessageBytes → APIConnectionError, nothing buffered past the limit', async () => {
    const huge = frame('task_continued', { data: { audio: 'ab'.repeat(600_000) } });
    const server = await startWsFault(afterContinue((ws) => ws.send(huge)));
    const session = await h.client(server.url).speech.connect(voice, { maxMessageBytes: 1_000_000 });
    session.send('Hello.');
    const error = await caught(session.finish());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/[Mm]ax payload|1009/);
    await server.close();
  });

  it('a non-zero base_resp on task_started fails the opening with its class', async () => {
    const server = await startWsFault((ws) => {
      ws.send(frame('connected_success'));
      ws.on('message', () =>
        ws.send(frame('task_started', { base_resp: { status_code: 2202, status_msg: 'illegal event' } })),
      );
    });
    const error = await caught(h.client(server.url).speech.connect(voice));
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect((error as APIError).code).toBe(2202);
    await server.close();
  });

  it('sends task_start once, even when the server repeats connected_success', async () => {
    const starts: unknown[] = [];
    const server = await startWsFault((ws) => {
      ws.send(frame('connected_success'));
      ws.send(frame('connected_success'));
      ws.on('message', (data) => {
        starts.push(JSON.parse(String(data)));
        ws.send(frame('task_started'));
      });
    });
    const session = await h.client(server.url).speech.connect(voice);
    await delay(50);
    expect(starts).toEqual([{ event: 'task_start', ...voice }]);
    session.abort();
    await server.close();
  });

  it('takes trace_id from base_resp when the root has none (China host)', async () => {
    const server = await startWsFault(
      afterContinue((ws) =>
        ws.send(
          JSON.stringify({
            event: 'task_failed',
            base_resp: { status_code: 1002, status_msg: 'rl', trace_id: 'cn-trace' },
          }),
        ),
      ),
    );
    const session = await h.client(server.url).speech.connect(voice);
    session.send('Hello.');
    const error = (await caught(session.finish())) as APIError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.traceId).toBe('cn-trace');
    await server.close();
  });

  it('sends the key only as Authorization: Bearer on the upgrade, and never reconnects', async () => {
    const server = await startWsFault(afterContinue((ws) => ws.terminate()));
    const session = await h.client(server.url).speech.connect(voice);
    session.send('Hello.');
    expect(await caught(session.finish())).toBeInstanceOf(APIConnectionError);
    await delay(100);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer test-key');
    expect(server.requests[0]?.url).toBe('/ws/v1/t2a_v2');
    await server.close();
  });
});
