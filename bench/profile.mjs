/**
 * Profiles one contestant on one metric and prints where its CPU time goes (self time by function and by file).
 * A tool for investigating a missed target; not part of `npm run bench`.
 *
 *   node bench/profile.mjs <request|chat-stream|speech-stream> [--contestant="@minimax-ts/sdk"] [--endpoint=native]
 *                          [--n=5000] [--top=25] [--sdk=/path/to/a/build.mjs]
 *
 * `--sdk` profiles another build of our SDK (e.g. an experiment bundled with esbuild) instead of the package's dist.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatCallers, chatStreamers, createClients, speechStreamers } from './lib/contestants.mjs';
import { BENCH } from './lib/paths.mjs';
import { configureServer, startServer } from './lib/processes.mjs';
import { prepareSDK } from './lib/sdk-build.mjs';
import { parseArgs } from './lib/stats.mjs';
import { audioDigest } from './lib/wire.mjs';

const args = parseArgs();
const metric = process.argv[2];
const contestant = args.contestant ?? '@minimax-ts/sdk';
const endpoint = args.endpoint ?? 'native';
const n = Number(args.n ?? (metric === 'request' ? 5000 : 3));
const top = Number(args.top ?? 25);

if (args.child) {
  // Inside the profiled process: run the operation n times after a warm-up.
  const clients = await createClients(args['base-url'], args.sdk);
  const pick = (list) => list.find((c) => c.name === contestant && (c.endpoint ?? endpoint) === endpoint);
  let op;
  if (metric === 'request') op = pick(chatCallers(clients)).call;
  else if (metric === 'chat-stream') op = pick(chatStreamers(clients)).call;
  else if (metric === 'speech-stream') {
    const s = pick(speechStreamers(clients));
    op = () => s.call(audioDigest());
  } else throw new Error(`unknown metric ${metric}`);
  for (let i = 0; i < n; i++) await op();
  process.exit(0);
}

const sdk = args.sdk ? undefined : prepareSDK();
if (sdk) process.on('exit', sdk.dispose);
const server = await startServer();
if (metric === 'chat-stream')
  await configureServer(server.baseURL, {
    chatChunks: Number(args.chunks ?? 200_000),
    chatWrites: args.writes ?? 'slices', // `--writes=event`: one event per read
    prepare: true,
  });
if (metric === 'speech-stream') await configureServer(server.baseURL, { prepare: true });
const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
const child = spawn(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    join(BENCH, 'profile.mjs'),
    metric,
    ...process.argv.slice(3),
    '--child',
    `--base-url=${server.baseURL}`,
    `--sdk=${args.sdk ?? sdk.specifier}`,
  ],
  { stdio: 'inherit' },
);
await new Promise((resolve) => child.once('exit', resolve));
await server.stop();

const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
const self = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const dt = new Map();
profile.samples.forEach((id, i) => {
  dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
let total = 0;
const byFile = new Map();
for (const [id, us] of dt) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const file = url ? url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/work\/main\//, '') : '(native)';
  const name = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`;
  self.set(name, (self.get(name) ?? 0) + us);
  byFile.set(file, (byFile.get(file) ?? 0) + us);
  total += us;
}
const print = (title, map) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
print('self time by function', self);
print('self time by file', byFile);
console.log(`\nprofile: ${dir}`);
