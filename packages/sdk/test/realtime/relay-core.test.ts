/**
 * The relay's session core (`lib/relay-pipe.ts`), which every relay adapter (Node's `ws`, Deno's standard socket,
 * Bun's handler object) drives, tested with a fake browser side against the mock and hostile upstreams: what goes
 * up, what comes down, and that every failure closes both sides with a code that says why. Run with both upstream
 * openers: `ws` directly (the Node relay) and `openSocket` (the fetch relay: `ws` loaded at run time).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openSocket } from '../../src/internal/websocket.ts';
import { connectWs, type WsClass } from '../../src/internal/websocket-adapters.ts';
import type { SocketRequest } from '../../src/internal/websocket-types.ts';
import { type RelayOptions, relaySetup } from '../../src/lib/relay-options.ts';
import { type PipeOptions, pipeSession, type RelayClientEvents } from '../../src/lib/relay-pipe.ts';
import { useHarness } from '../faults/harness.ts';
import { frame, opening, startRefusing, startWsFault, type WsFaultServer } from './ws-fault-server.ts';

const h = useHarness();
const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

type Opener = PipeOptions<string>['openUpstream'];
const OPENERS: Array<[string, Opener]> = [
  ['ws', (request: SocketRequest) => connectWs(WebSocket as unknown as WsClass, request)],
  ['openSocket', (request: SocketRequest) => openSocket(undefined, request)],
];

/** A fake browser side: what the relay sent it, and how it was closed. */
function fakeClient() {
  const sent: Array<Record<string, unknown>> = [];
  let closedWith: (close: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    closedWith = resolve;
  });
  return {
    sent,
    closed,
    client: {
      send: (text: string) => sent.push(JSON.parse(text)),
      close: (code: number, reason: string) => closedWith({ code, reason }),
    },
  };
}

/** Starts a session from a fake browser to `upstream`, with the relay's defaults unless `extra` says otherwise. */
function relayed(upstream: string, open: Opener, extra: Partial<RelayOptions<string>> = {}, query = '') {
  const setup = relaySetup('test', {
    authenticate: () => true,
    apiKey: 'server-secret-key',
    baseURL: upstream,
    ...extra,
  });
  const fake = fakeClient();
  const events: RelayClientEvents = pipeSession(
    fake.client,
    'the request',
    setup.pipe(new URL(`http://relay.local/speech${query}`), open),
  );
  const send = (event: Record<string, unknown>) => events.message(JSON.stringify(event));
  return { ...fake, events, send };
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

/** A hostile upstream that records what it received and whether the relay closed it. */
async function recordingUpstream(script = opening(() => {})) {
  const received: string[] = [];
  let upstreamClosed = false;
  const server: WsFaultServer = await startWsFault((ws, req) => {
    ws.on('message', (data) => received.push(String(data)));
    ws.on('close', () => {
      upstreamClosed = true;
    });
    script(ws, req);
  });
  closers.push(() => server.close());
  return { server, received, closed: () => upstreamClosed };
}

/** What a browser may send that the relay refuses, and the close code that says so. */
const CLIENT_FAULTS: Array<{ name: string; message: string | Uint8Array; code: number }> = [
  { name: 'text that is not JSON', message: 'hello', code: 1007 },
  { name: 'an unknown event', message: JSON.stringify({ event: 'delete_everything' }), code: 1008 },
  { name: 'JSON that is not an event', message: '[1,2]', code: 1008 },
  { name: 'a binary frame', message: new Uint8Array([1, 2, 3]), code: 1003 },
  // 40,000 characters, 80,000 bytes in UTF-8: over the 64 KiB default although its length is not.
  {
    name: 'a message over maxMessageBytes',
    message: JSON.stringify({ event: 'task_continue', text: 'é'.repeat(40_000) }),
    code: 1009,
  },
];

describe.each(OPENERS)('relay session core (upstream through %s)', (_name, open) => {
  it('relays a whole session from the mock, both endpoints, with the server key upstream only', async () => {
    const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
    for (const query of ['', '?endpoint=t2a_v2_bidi']) {
      const s = relayed(mock.url, open, {}, query);
      s.send({ event: 'task_start', ...voice });
      s.send({ event: 'task_continue', text: 'Hello through the relay.' });
      s.send({ event: 'task_finish' });
      expect(await s.closed).toEqual({ code: 1000, reason: '' }); // MiniMax closes after task_finished
      const names = s.sent.map((e) => e.event);
      expect(names[0]).toBe('connected_success');
      expect(names).toContain('task_started');
      expect(names.at(-1)).toBe('task_finished');
      const audio = s.sent.map((e) => (e.data as { audio?: string } | undefined)?.audio ?? '').join('');
      expect(audio.length).toBeGreaterThan(0);
      expect(JSON.stringify(s.sent)).not.toContain('server-secret-key');
    }
  });

  it('sends Authorization: Bearer with the server key, and task_start rewritten by onTaskStart, in order', async () => {
    const up = await recordingUpstream();
    const s = relayed(up.server.url, open, {
      onTaskStart: async (event, req) => {
        await new Promise((resolve) => setTimeout(resolve, 20)); // a task_continue must not overtake it
        return { ...event, model: 'speech-2.8-hd', seen: req };
      },
    });
    s.send({ event: 'task_start', ...voice });
    s.send({ event: 'task_continue', text: 'second' });
    await until(() => up.received.length === 2, 'both events upstream');
    expect(up.server.requests[0]?.headers.authorization).toBe('Bearer server-secret-key');
    expect(JSON.parse(up.received[0] as string)).toMatchObject({
      event: 'task_start',
      model: 'speech-2.8-hd',
      seen: 'the request',
    });
    expect(JSON.parse(up.received[1] as string)).toEqual({ event: 'task_continue', text: 'second' });
    s.events.closed(); // the browser went away: the upstream is closed too
    await until(up.closed, 'the upstream to close');
  });

  it('an onTaskStart that throws refuses the session (1008) and closes the upstream', async () => {
    const up = await recordingUpstream();
    const s = relayed(up.server.url, open, {
      onTaskStart: () => {
        throw new Error('voice not allowed');
      },
    });
    await until(() => s.sent.length === 1, 'connected_success');
    s.send({ event: 'task_start', ...voice });
    expect(await s.closed).toEqual({ code: 1008, reason: 'relay: task_start refused' });
    await until(up.closed, 'the upstream to close');
    expect(up.received).toEqual([]);
  });

  it.each(CLIENT_FAULTS)('closes both sides on $name ($code), forwarding nothing', async ({ message, code }) => {
    const up = await recordingUpstream();
    const s = relayed(up.server.url, open);
    await until(() => s.sent.length === 1, 'connected_success');
    s.events.message(message);
    expect((await s.closed).code).toBe(code);
    await until(up.closed, 'the upstream to close');
    expect(up.received).toEqual([]);
  });

  it('a refused upstream upgrade becomes task_failed with MiniMax code and trace id, then 1011', async () => {
    const body = JSON.stringify({ base_resp: { status_code: 1002, status_msg: 'rate limited' } });
    const upstream = await startRefusing(
      `HTTP/1.1 429 Too Many Requests\r\nTrace-Id: up-trace\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    closers.push(() => upstream.close());
    const s = relayed(upstream.url, open);
    expect(await s.closed).toEqual({ code: 1011, reason: 'relay: upstream refused' });
    expect(s.sent).toEqual([
      {
        event: 'task_failed',
        trace_id: 'up-trace',
        base_resp: { status_code: 1002, status_msg: 'rate limited' },
        relay_status: 429,
      },
    ]);
  });

  it('a 401 without a MiniMax body is reported as 1004 (a bad server key)', async () => {
    const upstream = await startRefusing('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    closers.push(() => upstream.close());
    const s = relayed(upstream.url, open);
    await s.closed;
    expect(s.sent[0]).toMatchObject({ event: 'task_failed', base_resp: { status_code: 1004 }, relay_status: 401 });
  });

  it('an unreachable upstream closes the browser with 1011', async () => {
    const s = relayed('http://127.0.0.1:1', open);
    s.send({ event: 'task_start', ...voice });
    expect(await s.closed).toEqual({ code: 1011, reason: 'relay: upstream connection failed' });
  });

  it('an upstream that closes abnormally mid-session closes the browser with 1011 and the code', async () => {
    const up = await recordingUpstream(opening((ws) => ws.close(4003, 'gone')));
    const s = relayed(up.server.url, open);
    s.send({ event: 'task_start', ...voice });
    s.send({ event: 'task_continue', text: 'x' });
    expect(await s.closed).toEqual({ code: 1011, reason: 'relay: upstream closed (4003)' });
    expect(s.sent.map((e) => e.event)).toEqual(['connected_success', 'task_started']);
  });

  it('closes both sides after idleTimeout of silence (4001) and after maxSessionMs in all (4000)', async () => {
    const silent = await recordingUpstream(() => {});
    const idle = relayed(silent.server.url, open, { idleTimeout: 60 });
    expect(await idle.closed).toEqual({ code: 4001, reason: 'relay: idle timeout' });
    await until(silent.closed, 'the upstream to close');
    // An upstream that keeps talking is not idle, but the session limit still ends it.
    const chatty = await recordingUpstream((ws) => {
      const timer = setInterval(() => ws.send(frame('connected_success')), 10);
      ws.on('close', () => clearInterval(timer));
    });
    const long = relayed(chatty.server.url, open, { idleTimeout: 60_000, maxSessionMs: 120 });
    expect(await long.closed).toEqual({ code: 4000, reason: 'relay: session time limit' });
    await until(chatty.closed, 'the upstream to close');
  });

  it('stop() (the server going away) closes both sides with 1001', async () => {
    const up = await recordingUpstream();
    const s = relayed(up.server.url, open);
    await until(() => s.sent.length === 1, 'connected_success');
    s.events.stop();
    expect(await s.closed).toEqual({ code: 1001, reason: 'relay: closed' });
    await until(up.closed, 'the upstream to close');
  });

  it('holds events until the upstream opens, and cuts off a browser that floods before it does', async () => {
    const stalled = await startWsFault(
      () => {},
      () => true, // never answers the upgrade
    );
    closers.push(() => stalled.close());
    const s = relayed(stalled.url, open);
    for (let i = 0; i <= 256; i++) s.send({ event: 'task_continue', text: String(i) });
    expect(await s.closed).toEqual({ code: 1008, reason: 'relay: too many events before the upstream opened' });
  });
});

describe('relay session core without a WebSocket', () => {
  it('an opener that fails closes the browser with 1011', async () => {
    const s = relayed('http://127.0.0.1:1', () => Promise.reject(new Error('no WebSocket')));
    expect(await s.closed).toEqual({ code: 1011, reason: 'relay: no WebSocket to reach MiniMax' });
  });

  it('refuses to be created without authenticate() or a key', () => {
    expect(() => relaySetup('createX', {} as never)).toThrow(/createX needs `authenticate/);
    expect(() => relaySetup('createX', { authenticate: () => true, apiKey: '' })).toThrow(/no API key/);
  });
});
