/**
 * The relay (`@minimax-ts/sdk/relay`) and the browser client (`@minimax-ts/sdk/realtime`) together: a browser-side
 * session with no key streams speech from the mock through a relay that holds it. The relay authenticates the browser,
 * never shows the key, checks what the browser sends, and turns a refused upstream into MiniMax's typed error.
 */

import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { InvalidArgumentError } from '../../src/index.ts';
import { createSpeechRelay, type SpeechRelayOptions } from '../../src/node/relay.ts';
import { APIConnectionError, AuthenticationError, connectSpeechSession } from '../../src/realtime.ts';
import { caught, useHarness } from '../faults/harness.ts';
import { startRefusing, startWsFault } from './ws-fault-server.ts';

const h = useHarness();
const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A backend with the relay mounted on its `upgrade` event; the browser authenticates with `?token=ok`. */
async function backend(upstream: string, extra: Partial<SpeechRelayOptions> = {}): Promise<string> {
  const relay = createSpeechRelay({
    apiKey: 'server-secret-key',
    baseURL: upstream,
    authenticate: (req) => new URL(req.url ?? '/', 'http://x').searchParams.get('token') === 'ok',
    ...extra,
  });
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!relay.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        relay.close();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address() as { port: number };
  return `ws://127.0.0.1:${address.port}/speech`;
}

describe('relay + browser client', () => {
  it('streams a session from the mock through the relay, both endpoints', async () => {
    const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 1 } });
    const relayURL = await backend(mock.url);
    for (const bidirectional of [false, true]) {
      const session = await connectSpeechSession(
        `${relayURL}?token=ok`,
        { ...voice, bidirectional },
        { webSocket: WebSocket },
      );
      session.send('Hello from a browser. It never held the key.');
      const done = session.finish();
      const audio = await session.collect();
      const summary = await done;
      expect(audio.length).toBe(summary.audioBytes);
      expect(summary.extraInfo?.audio_size).toBeGreaterThan(0);
      expect(Boolean(summary.connectId)).toBe(bidirectional);
    }
  });

  it('sends the server key upstream, never to the browser, and refuses a browser that does not authenticate', async () => {
    const upstream = await startWsFault((ws) => ws.send(JSON.stringify({ event: 'connected_success' })));
    closers.push(() => upstream.close());
    const relayURL = await backend(upstream.url);
    const seen: string[] = [];
    const raw = new WebSocket(`${relayURL}?token=ok`);
    raw.on('message', (data) => {
      seen.push(String(data));
      raw.close();
    });
    await new Promise((resolve) => raw.on('close', resolve));
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer server-secret-key');
    expect(seen.join('')).not.toContain('server-secret-key');
    const refused = await caught(connectSpeechSession(`${relayURL}?token=bad`, voice, { webSocket: WebSocket }));
    expect(refused).toBeInstanceOf(AuthenticationError); // the relay answered the upgrade 401
  });

  it('a refused upstream key reaches the browser as AuthenticationError 1004 with the upstream trace id', async () => {
    const upstream = await startRefusing(
      'HTTP/1.1 401 Unauthorized\r\nTrace-Id: up-trace\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
    closers.push(() => upstream.close());
    const error = await caught(
      connectSpeechSession(`${await backend(upstream.url)}?token=ok`, voice, { webSocket: WebSocket }),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe(1004);
    expect((error as AuthenticationError).traceId).toBe('up-trace');
  });

  it('closes both sides on an event it does not forward, and lets the backend rewrite task_start', async () => {
    const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
    const starts: unknown[] = [];
    const relayURL = await backend(mock.url, {
      onTaskStart: (event) => {
        starts.push(event);
        return { ...event, model: 'speech-2.8-hd' };
      },
    });
    const raw = new WebSocket(`${relayURL}?token=ok`);
    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    raw.on('open', () => raw.send(JSON.stringify({ event: 'delete_everything' })));
    expect(await closed).toBe(1008);
    const session = await connectSpeechSession(`${relayURL}?token=ok`, voice, { webSocket: WebSocket });
    expect(starts).toEqual([{ event: 'task_start', ...voice }]);
    session.abort();
    expect(await caught(session.finish())).toBeInstanceOf(Error);
  });

  it('needs authenticate() and a key', () => {
    expect(() => createSpeechRelay({} as never)).toThrow(/authenticate/);
    expect(() => createSpeechRelay({ authenticate: () => true, apiKey: '' })).toThrow(/key/);
  });

  it('a dead relay is an APIConnectionError', async () => {
    const error = await caught(connectSpeechSession('ws://127.0.0.1:1/speech', voice, { webSocket: WebSocket }));
    expect(error).toBeInstanceOf(APIConnectionError);
    const bad = await caught(connectSpeechSession('/speech', voice, { webSocket: WebSocket })); // no page to resolve it
    expect(bad).toBeInstanceOf(InvalidArgumentError);
  });
});
