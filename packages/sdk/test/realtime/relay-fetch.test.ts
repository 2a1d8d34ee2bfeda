/**
 * `@minimax-ts/sdk/relay/fetch` in Node, with stand-ins for what Deno and Bun hand it (a standard server socket and
 * `Deno.upgradeWebSocket`'s response; Bun's `server.upgrade` and `ServerWebSocket`) and the mock upstream: routing,
 * authentication, refusals, a whole session each way, and `close()`. The real runtimes run the same relay in
 * tests/release/relay-runtimes.test.ts.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { type BunSocketLike, createFetchSpeechRelay, type FetchSpeechRelayOptions } from '../../src/relay-fetch.ts';
import { useHarness } from '../faults/harness.ts';

const h = useHarness();
const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const relays: Array<{ close(): void }> = [];
afterEach(() => {
  for (const relay of relays.splice(0)) relay.close();
});

function relayFor(baseURL: string, extra: Partial<FetchSpeechRelayOptions> = {}) {
  const relay = createFetchSpeechRelay({
    apiKey: 'server-secret-key',
    baseURL,
    authenticate: (req) => new URL(req.url).searchParams.get('token') === 'ok',
    ...extra,
  });
  relays.push(relay);
  return relay;
}

const upgradeRequest = (path = '/speech?token=ok', headers: Record<string, string> = { upgrade: 'websocket' }) =>
  new Request(`http://relay.local${path}`, { headers });

/** A standard server socket as Deno gives it: CONNECTING until the 101 response is sent, then events. */
class FakeServerSocket {
  readyState = 0;
  readonly sent: Array<Record<string, unknown>> = [];
  readonly #listeners = new Map<string, Array<(event: { data?: unknown }) => void>>();
  closedWith: { code?: number | undefined; reason?: string | undefined } | undefined;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  #emit(type: string, data?: unknown): void {
    for (const listener of this.#listeners.get(type) ?? []) listener({ data });
  }
  open(): void {
    this.readyState = 1;
    this.#emit('open');
  }
  deliver(data: unknown): void {
    this.#emit('message', data);
  }
  send(text: string): void {
    if (this.readyState !== 1) throw new Error('InvalidStateError: not open');
    this.sent.push(JSON.parse(text));
  }
  close(code?: number, reason?: string): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedWith = { code, reason };
    this.#emit('close');
  }
}

/** Bun's `ServerWebSocket`: the data given to `server.upgrade`, `send`, `close`. */
function fakeBunSocket(data: unknown) {
  const sent: Array<Record<string, unknown>> = [];
  const socket = {
    data,
    sent,
    closedWith: undefined as { code?: number | undefined; reason?: string | undefined } | undefined,
    send: (text: string) => sent.push(JSON.parse(text)),
    close(code?: number, reason?: string) {
      socket.closedWith ??= { code, reason };
    },
  } satisfies BunSocketLike & Record<string, unknown>;
  return socket;
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

const session = [
  { event: 'task_start', ...voice },
  { event: 'task_continue', text: 'Hello from a browser, through Deno or Bun.' },
  { event: 'task_finish' },
];

describe('relay/fetch: routing and refusals', () => {
  const accept = () => {
    throw new Error('accept must not be called');
  };

  it('leaves other paths to the caller, synchronously (so `?? app(req)` works)', () => {
    const relay = relayFor('http://127.0.0.1:1');
    expect(relay.handleRequest(upgradeRequest('/other?token=ok'), accept)).toBeUndefined();
    expect(relay.handleBunRequest(upgradeRequest('/speech/x'), { upgrade: () => true })).toBeUndefined();
  });

  it('answers 426 to plain HTTP, 401 when authenticate refuses, 500 when it throws, 400 when accept fails', async () => {
    const relay = relayFor('http://127.0.0.1:1');
    const plain = await relay.handleRequest(upgradeRequest('/speech?token=ok', {}), accept);
    expect([plain?.status, plain?.headers.get('upgrade')]).toEqual([426, 'websocket']);
    expect((await relay.handleRequest(upgradeRequest('/speech?token=bad'), accept))?.status).toBe(401);
    const throwing = relayFor('http://127.0.0.1:1', {
      authenticate: () => {
        throw new Error('session store down');
      },
    });
    expect((await throwing.handleRequest(upgradeRequest(), accept))?.status).toBe(500);
    expect((await relay.handleRequest(upgradeRequest(), accept))?.status).toBe(400);
    const bun = await relay.handleBunRequest(upgradeRequest(), { upgrade: () => false });
    expect(bun?.status).toBe(400);
    const refused = await relay.handleBunRequest(upgradeRequest('/speech?token=bad'), {
      upgrade: () => expect.fail('upgraded a refused browser'),
    });
    expect(refused?.status).toBe(401);
  });

  it('needs authenticate() and a key', () => {
    expect(() => createFetchSpeechRelay({} as never)).toThrow(/createFetchSpeechRelay needs `authenticate/);
    expect(() => createFetchSpeechRelay({ authenticate: () => true, apiKey: '' })).toThrow(/no API key/);
  });
});

describe('relay/fetch: sessions from the mock', () => {
  it('a standard server socket (Deno): the whole session, starting once the socket is open', async () => {
    const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
    const relay = relayFor(mock.url);
    for (const path of ['/speech?token=ok', '/speech?token=ok&endpoint=t2a_v2_bidi']) {
      const socket = new FakeServerSocket();
      const ok = new Response(null, { status: 200 }); // stands for Deno's 101, which `Response` cannot build
      const response = await relay.handleRequest(upgradeRequest(path), () => ({ socket, response: ok }));
      expect(response).toBe(ok);
      socket.open();
      await until(() => socket.sent.length === 1, 'connected_success');
      for (const event of session) socket.deliver(JSON.stringify(event));
      await until(() => socket.closedWith !== undefined, 'the end of the session');
      expect(socket.closedWith).toEqual({ code: 1000, reason: '' });
      expect(socket.sent.at(-1)?.event).toBe('task_finished');
      expect(socket.sent.some((e) => (e.data as { audio?: string } | undefined)?.audio)).toBe(true);
      expect(JSON.stringify(socket.sent)).not.toContain('server-secret-key');
      // Only the bidirectional endpoint names a connect_id: `?endpoint=t2a_v2_bidi` reached it.
      expect(Boolean(socket.sent[0]?.connect_id)).toBe(path.includes('bidi'));
    }
  });

  it('Bun: handleBunRequest upgrades with the relay data, bunWebSocket runs the session', async () => {
    const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
    const relay = relayFor(mock.url, { maxMessageBytes: 1000 });
    expect(relay.bunWebSocket.maxPayloadLength).toBe(1000);
    let ws: ReturnType<typeof fakeBunSocket> | undefined;
    const result = await relay.handleBunRequest(upgradeRequest(), {
      upgrade: (_request, { data }) => {
        ws = fakeBunSocket(data);
        return true;
      },
    });
    expect(result).toBeUndefined(); // Bun's convention once the request is upgraded
    const socket = ws as ReturnType<typeof fakeBunSocket>;
    relay.bunWebSocket.open(socket);
    await until(() => socket.sent.length === 1, 'connected_success');
    for (const event of session) relay.bunWebSocket.message(socket, JSON.stringify(event));
    await until(() => socket.closedWith !== undefined, 'the end of the session');
    expect(socket.closedWith).toEqual({ code: 1000, reason: '' });
    expect(socket.sent.at(-1)?.event).toBe('task_finished');
    relay.bunWebSocket.close(socket, 1000, ''); // Bun reports the close afterwards: nothing breaks
  });

  it('refuses a binary frame (1003) on both, and closes a Bun socket the relay did not upgrade (1011)', async () => {
    const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
    const relay = relayFor(mock.url);
    const socket = new FakeServerSocket();
    await relay.handleRequest(upgradeRequest(), () => ({ socket, response: new Response(null) }));
    socket.open();
    await until(() => socket.sent.length === 1, 'connected_success');
    socket.deliver(new ArrayBuffer(4));
    await until(() => socket.closedWith !== undefined, 'the close');
    expect(socket.closedWith?.code).toBe(1003);
    const bun = fakeBunSocket(undefined);
    await relay.handleBunRequest(upgradeRequest(), {
      upgrade: (_request, { data }) => {
        Object.assign(bun, { data });
        return true;
      },
    });
    relay.bunWebSocket.open(bun);
    relay.bunWebSocket.message(bun, new Uint8Array([1]));
    expect(bun.closedWith?.code).toBe(1003);
    const stranger = fakeBunSocket({ user: 'someone else' });
    relay.bunWebSocket.open(stranger);
    expect(stranger.closedWith).toEqual({ code: 1011, reason: 'relay: not a relayed socket' });
  });

  it('close() ends every live session with 1001', async () => {
    const mock = await h.mock({ ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
    const relay = relayFor(mock.url);
    const sockets = [new FakeServerSocket(), new FakeServerSocket()];
    for (const socket of sockets) {
      await relay.handleRequest(upgradeRequest(), () => ({ socket, response: new Response(null) }));
      socket.open();
    }
    await until(() => sockets.every((s) => s.sent.length === 1), 'both sessions');
    relay.close();
    expect(sockets.map((s) => s.closedWith)).toEqual([
      { code: 1001, reason: 'relay: closed' },
      { code: 1001, reason: 'relay: closed' },
    ]);
  });
});
