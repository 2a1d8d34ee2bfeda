/**
 * `@minimax-ts/sdk/relay/fetch` on the runtimes it is for, for real: the pinned Bun and Deno of the matrix
 * (`tests/release/runtimes`) run relay/relay-server.mjs — `Bun.serve` with `server.upgrade` and `bunWebSocket`,
 * `Deno.serve` with `Deno.upgradeWebSocket` — against the repository's build, upstream the mock (and a server that
 * refuses every upgrade); this process is the browser, with the SDK's browser client. Deno runs twice: with the two
 * `ws` variables granted (upstream through `ws`, which reports a refused upgrade) and without (the global
 * `WebSocket` with `{ headers }`, which cannot). A runtime that is not installed is skipped loudly, never silently.
 */

import { fileURLToPath } from 'node:url';
import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { APIConnectionError, AuthenticationError, connectSpeechSession } from '../../packages/sdk/src/realtime.ts';
import { startRefusing, type WsFaultServer } from '../../packages/sdk/test/realtime/ws-fault-server.ts';
import { type Daemon, run, startDaemon } from '../../scripts/release/child-process.ts';
import { findRuntimes, type Runtime, type RuntimeFound } from '../../scripts/release/runtimes.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('./relay/relay-server.mjs', import.meta.url));
const MINUTE = 60_000;
const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const WS_VARIABLES = ',WS_NO_BUFFER_UTIL,WS_NO_UTF_8_VALIDATE';

interface Variant {
  name: string;
  runtime: 'Bun' | 'Deno';
  /** Whether the relay reaches MiniMax through `ws` (which reports a refused upgrade) or the global WebSocket. */
  ws: boolean;
}
const VARIANTS: Variant[] = [
  { name: 'Bun', runtime: 'Bun', ws: true },
  { name: 'Deno', runtime: 'Deno', ws: true },
  { name: 'Deno without the ws variables (global WebSocket upstream)', runtime: 'Deno', ws: false },
];

let mock: MockServer | undefined;
let refusing: WsFaultServer | undefined;
let runtimes: Runtime[] = [];
const servers: Daemon[] = [];

beforeAll(async () => {
  // The relay runs from `dist`, as a published package would (turbo: cached when nothing changed).
  await run('npm', ['run', 'build'], { cwd: repoRoot, env: process.env, timeoutMs: 10 * MINUTE });
  mock = await startMock({ port: 0, ws: { firstAudioDelayMs: 0, chunkDelayMs: 1 } });
  refusing = await startRefusing(
    'HTTP/1.1 401 Unauthorized\r\nTrace-Id: refused-trace\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
  );
  runtimes = await findRuntimes(repoRoot, process.env);
}, 11 * MINUTE);

afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  await mock?.close();
  await refusing?.close();
});

/** Starts the relay server on `variant`'s runtime; its base URL (ws://127.0.0.1:port). */
async function startRelay(runtime: Runtime & RuntimeFound, variant: Variant): Promise<string> {
  let args = [...runtime.command.args(script, '127.0.0.1'), `${refusing?.url}`];
  if (!variant.ws) args = args.map((arg) => arg.replace(WS_VARIABLES, ''));
  const server = await startDaemon(runtime.command.file, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      MINIMAX_API_KEY: 'runtime-relay-key',
      MINIMAX_BASE_URL: `${mock?.url}`,
    },
    timeoutMs: MINUTE,
    ready: /"port":(\d+)/,
  });
  servers.push(server);
  return `ws://127.0.0.1:${server.match[1]}`;
}

describe.each(VARIANTS)('relay/fetch on $name', (variant) => {
  let relayURL: string | undefined;
  let missing = '';

  beforeAll(async () => {
    const runtime = runtimes.find((r) => r.name === variant.runtime);
    if (runtime && !('missing' in runtime)) relayURL = await startRelay(runtime, variant);
    else missing = runtime && 'missing' in runtime ? runtime.missing : `${variant.runtime} is not in the matrix`;
  }, MINUTE);

  /** The relay's URL, or a skip nobody can miss: a warning line, and the reason as the test's skip note. */
  const relayOrSkip = (skip: (note: string) => never): string => {
    if (relayURL) return relayURL;
    console.warn(`\n!!! [relay-runtimes] SKIPPED ${variant.name}: ${missing}\n`);
    return skip(missing);
  };

  it('streams a session through the relay, both endpoints: audio bytes, then task_finished', async ({ skip }) => {
    const relay = relayOrSkip(skip);
    for (const bidirectional of [false, true]) {
      const session = await connectSpeechSession(
        `${relay}/speech?token=ok`,
        { ...voice, bidirectional },
        { webSocket: WebSocket },
      );
      session.send(`Hello from ${variant.name}. The browser never held the key.`);
      const done = session.finish();
      const audio = await session.collect();
      const summary = await done; // resolves on task_finished
      expect(audio.length).toBeGreaterThan(0);
      expect(audio.length).toBe(summary.audioBytes);
      expect(summary.extraInfo?.audio_size).toBeGreaterThan(0); // extra_info of the final chunk (per clip, not the total)
      expect(Boolean(summary.connectId)).toBe(bidirectional);
    }
  });

  it('refuses a browser that does not authenticate (401), and a message it does not forward (1008)', async ({
    skip,
  }) => {
    const relay = relayOrSkip(skip);
    const refused = await connectSpeechSession(`${relay}/speech?token=bad`, voice, { webSocket: WebSocket }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AuthenticationError);
    const raw = new WebSocket(`${relay}/speech?token=ok`);
    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    raw.on('open', () => raw.send(JSON.stringify({ event: 'delete_everything' })));
    expect(await closed).toBe(1008);
  });

  it(
    variant.ws
      ? 'a refused upstream key reaches the browser as AuthenticationError 1004 with the upstream trace id'
      : 'a refused upstream key closes the browser (the global WebSocket cannot say why)',
    async ({ skip }) => {
      const relay = relayOrSkip(skip);
      const error = await connectSpeechSession(`${relay}/refused?token=ok`, voice, { webSocket: WebSocket }).catch(
        (e: unknown) => e,
      );
      if (variant.ws) {
        expect(error).toBeInstanceOf(AuthenticationError);
        expect((error as AuthenticationError).code).toBe(1004);
        expect((error as AuthenticationError).traceId).toBe('refused-trace');
      } else {
        expect(error).toBeInstanceOf(APIConnectionError);
      }
    },
  );
});
