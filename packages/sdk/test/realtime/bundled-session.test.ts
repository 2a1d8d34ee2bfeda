/**
 * `mm.speech.connect()` in a bundled application. The session code is not part of the client (a single-file bundle
 * would carry ~12 kB of it for a call most applications never make): the client loads it at run time from
 * `@minimax-ts/sdk/realtime`, or the application passes it as the `openSpeechSession` option. Checked on real
 * esbuild bundles without code splitting, run in their own Node process against the mock's WebSocket.
 */

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type MockServer, startMock } from '@minimax-ts/mock';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, MiniMax } from '../../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);

async function bundle(code: string, outfile: string) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: ROOT, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    conditions: ['@minimax-ts/source'],
    target: 'es2022',
    // `ws` is CommonJS and requires Node builtins, which an ESM bundle reaches through this.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

/** An application that opens one session (with `ws` bundled in, as its WebSocket) and prints how it went. */
const app = (options: string, imports = '') => `import { MiniMax } from '@minimax-ts/sdk';
import { WebSocket } from 'ws';
${imports}
const mm = new MiniMax({ apiKey: 'k', baseURL: process.env.BASE_URL, webSocket: WebSocket, ${options} });
try {
  const session = await mm.speech.connect({ model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } });
  session.send('Hello from a bundle.');
  const done = session.finish();
  let bytes = 0;
  for await (const chunk of session) bytes += chunk.length;
  console.log(JSON.stringify({ bytes, summary: (await done).audioBytes }));
} catch (e) {
  console.log(JSON.stringify({ name: e.name, argument: e.argument, message: e.message }));
}`;

let mock: MockServer;
const outside = mkdtempSync(join(tmpdir(), 'minimax-session-bundle-')); // no node_modules to resolve from
// Inside the repository: `@minimax-ts/sdk/realtime` resolves from node_modules, to another copy than the bundled one.
const cache = join(ROOT, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const inside = mkdtempSync(join(cache, 'minimax-session-bundle-'));

beforeAll(async () => {
  mock = await startMock({ port: 0, ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
});
afterAll(async () => {
  await mock.close();
  rmSync(outside, { recursive: true, force: true });
  rmSync(inside, { recursive: true, force: true });
});

async function runBundled(dir: string, code: string, nodeArgs: string[] = []) {
  const outfile = join(dir, `app-${Math.random().toString(36).slice(2)}.mjs`);
  const inputs = await bundle(code, outfile);
  const { stdout } = await run(process.execPath, [...nodeArgs, outfile], {
    cwd: dir,
    env: { ...process.env, BASE_URL: mock.url },
  });
  return { inputs, outcome: JSON.parse(stdout.trim()) as Record<string, unknown> };
}

const isSessionCode = (path: string) => /lib\/speech-session(?!-types)/.test(path);

describe('a single-file bundle of the client', () => {
  it('carries no session code, and connect() says how to pass it where it cannot load it', async () => {
    const { inputs, outcome } = await runBundled(outside, app(''));
    expect(inputs.filter(isSessionCode)).toEqual([]);
    expect(outcome).toMatchObject({ name: 'InvalidArgumentError', argument: 'openSpeechSession' });
    expect(outcome.message).toContain("import { openSpeechSession } from '@minimax-ts/sdk/realtime'");
  });

  it('refuses the session code of another copy of the SDK (its errors would not be this client’s)', async () => {
    const { outcome } = await runBundled(inside, app(''), ['--conditions=@minimax-ts/source', '--import', 'tsx']);
    expect(outcome).toMatchObject({ name: 'InvalidArgumentError', argument: 'openSpeechSession' });
  });

  it('opens sessions with the openSpeechSession option', async () => {
    const { inputs, outcome } = await runBundled(
      outside,
      app('openSpeechSession', "import { openSpeechSession } from '@minimax-ts/sdk/realtime';"),
    );
    expect(inputs.some(isSessionCode)).toBe(true);
    expect(outcome.bytes).toBeGreaterThan(0);
    expect(outcome.bytes).toBe(outcome.summary);
  });
});

describe('the openSpeechSession option', () => {
  it('must be a function', () => {
    expect(() => new MiniMax({ apiKey: 'k', openSpeechSession: 'yes' as never })).toThrow(InvalidArgumentError);
  });
});
