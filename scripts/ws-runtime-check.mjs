/**
 * Which WebSocket carries a speech session on each server runtime, by evidence: the SDK (bundled from its sources,
 * `ws` left external as in the published package) opens a session against the mock and reads a refused key (HTTP
 * 401), on every runtime given; the global `WebSocket` is probed the same way for comparison. Runtimes are binaries
 * you pass (none is installed by the repo):
 *
 *   node --conditions=@minimax-ts/source --import tsx scripts/ws-runtime-check.mjs [--runtime name=/path/to/binary ...]
 *   e.g. --runtime node22=/tmp/rt/node_modules/node22/bin/node --runtime bun=/tmp/rt/node_modules/.bin/bun
 *        --runtime deno=/tmp/rt/node_modules/.bin/deno
 */

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runtime: { type: 'string', multiple: true, default: [] } } });
const runtimes = [[`node${process.versions.node.split('.')[0]}`, process.execPath]];
for (const spec of values.runtime) runtimes.push(spec.split('='));

const client = `
import { MiniMax } from '@minimax-ts/sdk';
const url = globalThis.Deno ? Deno.args[0] : process.argv[2];
const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const out = { runtime: globalThis.Deno ? 'deno ' + Deno.version.deno : globalThis.Bun ? 'bun ' + Bun.version : 'node ' + process.version };
const mm = new MiniMax({ apiKey: 'runtime-check', baseURL: url, logLevel: 'off' });
try {
  const t0 = performance.now();
  const session = await mm.speech.connect(voice);
  session.send('Checking this runtime. Audio should arrive in chunks.');
  const done = session.finish();
  const bytes = (await session.collect()).length;
  const summary = await done;
  out.sdkSession = { ok: bytes === summary.extraInfo?.audio_size && bytes > 0, bytes, ms: Math.round(performance.now() - t0) };
} catch (e) { out.sdkSession = { ok: false, error: e.name + ': ' + e.message }; }
try {
  await mm.speech.connect(voice, { headers: { Prefer: 'scenario=handshake_401' } });
  out.sdkRefused = { ok: false, error: 'connected' };
} catch (e) { out.sdkRefused = { ok: e.name === 'AuthenticationError' && e.status === 401 && /^[0-9a-f]{32}$/.test(e.traceId ?? ''), error: e.name, status: e.status, traceId: e.traceId }; }
if (typeof globalThis.WebSocket === 'function') {
  const wsURL = url.replace('http', 'ws') + '/ws/v1/t2a_v2';
  out.globalHeaders = await new Promise((resolve) => {
    const ws = new WebSocket(wsURL, { headers: { Authorization: 'Bearer k' } });
    ws.onmessage = (e) => { resolve(JSON.parse(String(e.data)).event === 'connected_success' ? 'header sent' : 'unexpected'); ws.close(); };
    ws.onerror = (e) => resolve('error: ' + (e.message ?? ''));
  });
  out.globalRefused = await new Promise((resolve) => {
    const ws = new WebSocket(wsURL + '?__scenario=handshake_401', { headers: { Authorization: 'Bearer k' } });
    ws.onerror = (e) => resolve('error event: ' + JSON.stringify(e.message ?? null));
    ws.onopen = () => resolve('opened?');
  });
} else out.globalHeaders = 'no global WebSocket';
console.log(JSON.stringify(out));
`;

const dir = join(root, 'node_modules', '.cache', 'ws-runtime-check');
mkdirSync(dir, { recursive: true });
const bundle = join(dir, 'client.mjs');
await esbuild.build({
  stdin: { contents: client, resolveDir: root, loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  conditions: ['@minimax-ts/source'],
  external: ['ws', '@minimax-ts/generated/zod', 'node:*'],
  outfile: bundle,
  logLevel: 'warning',
});
writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');

const { startMock } = await import('../packages/mock/src/index.ts').catch(() => ({ startMock: undefined }));
if (!startMock)
  throw new Error('run with: node --conditions=@minimax-ts/source --import tsx scripts/ws-runtime-check.mjs');
const mock = await startMock({ port: 0, ws: { firstAudioDelayMs: 0, chunkDelayMs: 0 } });
let failed = 0;
try {
  for (const [name, binary] of runtimes) {
    const args = name.startsWith('deno') ? ['run', '-A', bundle, mock.url] : [bundle, mock.url];
    // Asynchronous: the mock answering the child runs in this process.
    const run = await new Promise((resolve) => {
      const child = spawn(binary, args, { cwd: dir, timeout: 120_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', (error) => resolve({ stdout, stderr, error }));
      child.on('close', () => resolve({ stdout, stderr }));
    });
    const line = run.stdout?.trim().split('\n').at(-1) ?? '';
    let report;
    try {
      report = JSON.parse(line);
    } catch {
      report = { error: (run.stderr || run.stdout || String(run.error)).slice(0, 400) };
    }
    if (!report.sdkSession?.ok || !report.sdkRefused?.ok) failed++;
    console.log(`${name}: ${JSON.stringify(report)}`);
  }
} finally {
  await mock.close();
}
process.exit(failed ? 1 : 0);
