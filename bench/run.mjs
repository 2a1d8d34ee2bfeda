/**
 * `npm run bench`: runs every benchmark against the bench server and writes bench/RESULTS.md (and results.json).
 *
 *   node bench/run.mjs [--quick] [--only=request,chat-stream,chat-events,speech-stream,realtime,lossless-json,bundle,cold-start,memory] [--out=path]
 *   node bench/run.mjs --render     # rewrite RESULTS.md from RESULTS.json (after editing FIXES.md)
 *
 * `--quick` shrinks every size and round count (a smoke run in well under a minute); its results go to
 * bench/RESULTS.quick.md so that they never overwrite the full run's.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchPath, ROOT } from './lib/paths.mjs';
import { runSuite, startServer } from './lib/processes.mjs';
import { renderResults } from './lib/render.mjs';
import { prepareSDK } from './lib/sdk-build.mjs';
import { parseArgs } from './lib/stats.mjs';

const args = parseArgs();
const quick = Boolean(args.quick);

if (args.render) {
  // Rewrites RESULTS.md from RESULTS.json (e.g. after editing FIXES.md), without measuring anything.
  const out = args.out ?? benchPath(quick ? 'RESULTS.quick.md' : 'RESULTS.md');
  const { meta, results } = JSON.parse(readFileSync(out.replace(/\.md$/, '.json'), 'utf8'));
  const notes = existsSync(benchPath('FIXES.md')) ? readFileSync(benchPath('FIXES.md'), 'utf8') : '';
  writeFileSync(out, renderResults(meta, results, notes));
  process.exit(0);
}
const ALL = [
  'request',
  'chat-stream',
  'chat-events',
  'speech-stream',
  'realtime',
  'lossless-json',
  'bundle',
  'cold-start',
  'memory',
];
const only = args.only ? String(args.only).split(',') : ALL;
for (const name of only) if (!ALL.includes(name)) throw new Error(`unknown suite ${name}; known: ${ALL.join(', ')}`);

// Speech rounds are short (~0.3 s) and noisy on a small machine, so they get more of them.
const sizes = quick
  ? {
      warmup: 1000,
      rounds: 3,
      calls: 300,
      chunks: 50_000,
      chatRounds: 3,
      events: 500,
      speechRounds: 5,
      realtimeRounds: 5,
      fileBytes: 2 ** 28,
      coldRuns: 6,
      chatEvents: 10_000,
      losslessRounds: 3,
      losslessScale: 0.2,
      endlessLineBytes: 200 * 2 ** 20,
    }
  : {
      warmup: 5000,
      rounds: 5,
      calls: 2000,
      chunks: 200_000,
      chatRounds: 7,
      events: 2000,
      speechRounds: 15,
      realtimeRounds: 15,
      fileBytes: 2 ** 30,
      coldRuns: 20,
      chatEvents: 50_000,
      losslessRounds: 7,
      losslessScale: 1,
      endlessLineBytes: 400 * 2 ** 20,
    };
if (args.rounds) sizes.rounds = sizes.chatRounds = sizes.speechRounds = sizes.realtimeRounds = Number(args.rounds);

const log = (line) => process.stderr.write(`${line}\n`);
const started = Date.now();
const sdk = prepareSDK(log);
process.on('exit', sdk.dispose);
const build = sdk.how;
log(`bench: our SDK from ${build}, copied to ${sdk.cwd}; ${quick ? 'quick' : 'full'} run of ${only.join(', ')}`);

const suite = (name) => benchPath('suites', `${name}.mjs`);
const results = {};
const server = await startServer();
try {
  const common = [`--base-url=${server.baseURL}`, `--sdk=${sdk.specifier}`];
  if (only.includes('request')) {
    log('bench: request overhead…');
    results.request = await runSuite(suite('request-overhead'), [
      ...common,
      `--warmup=${sizes.warmup}`,
      `--rounds=${sizes.rounds}`,
      `--calls=${sizes.calls}`,
    ]);
  }
  if (only.includes('chat-stream')) {
    log('bench: chat streams…');
    results.chatStream = await runSuite(suite('chat-stream'), [
      ...common,
      `--chunks=${sizes.chunks}`,
      `--rounds=${sizes.chatRounds}`,
      `--warmup-chunks=${Math.round(sizes.chunks / 10)}`,
    ]);
  }
  if (only.includes('chat-events')) {
    log('bench: chat stream, one event per read…');
    results.chatEvents = await runSuite(suite('chat-events'), [
      ...common,
      `--events=${sizes.chatEvents}`,
      `--rounds=${sizes.chatRounds}`,
    ]);
  }
  if (only.includes('speech-stream')) {
    log('bench: speech streams…');
    results.speechStream = await runSuite(suite('speech-stream'), [
      ...common,
      `--events=${sizes.events}`,
      `--rounds=${sizes.speechRounds}`,
    ]);
  }
  if (only.includes('realtime')) {
    log('bench: real-time speech (WebSocket)…');
    results.realtime = await runSuite(suite('realtime-speech'), [...common, `--rounds=${sizes.realtimeRounds}`]);
  }
  if (only.includes('memory')) {
    results.memory = [];
    log('bench: memory, a line that never ends…');
    results.memory.push(
      await runSuite(suite('memory-case'), [
        ...common,
        '--case=endless-line',
        '--contestant=sdk',
        `--bytes=${sizes.endlessLineBytes}`,
      ]),
    );
    for (const kind of ['content', 'upload']) {
      for (const contestant of ['sdk', 'raw']) {
        log(`bench: memory, ${kind} by ${contestant}…`);
        results.memory.push(
          await runSuite(suite('memory-case'), [
            ...common,
            `--case=${kind}`,
            `--contestant=${contestant}`,
            `--bytes=${sizes.fileBytes}`,
          ]),
        );
      }
    }
  }
} finally {
  await server.stop();
}
if (only.includes('cold-start')) {
  log('bench: cold start…');
  results.coldStart = await runSuite(suite('cold-start'), [`--sdk-cwd=${sdk.cwd}`, `--runs=${sizes.coldRuns}`], {
    nodeArgs: [],
  });
}
if (only.includes('lossless-json')) {
  log('bench: lossless JSON…');
  results.losslessJSON = await runSuite(suite('lossless-json'), [
    `--rounds=${sizes.losslessRounds}`,
    `--scale=${sizes.losslessScale}`,
  ]);
}
if (only.includes('bundle')) {
  log('bench: bundle size…');
  results.bundle = await runSuite(suite('bundle'), [], { nodeArgs: [] });
}

const version = (pkg) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const git = (...a) => {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const meta = {
  date: new Date().toISOString(),
  quick,
  seconds: Math.round((Date.now() - started) / 1000),
  sizes,
  build,
  machine: {
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
  },
  versions: {
    '@minimax-ts/sdk': `${version('@minimax-ts/sdk')} (git ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', 'packages/sdk/src', 'packages/generated/src') ? ', uncommitted changes' : ''})`,
    openai: version('openai'),
    '@anthropic-ai/sdk': version('@anthropic-ai/sdk'),
    'mmx-cli': version('mmx-cli'),
    esbuild: version('esbuild'),
  },
};

const outMarkdown = args.out ?? benchPath(quick ? 'RESULTS.quick.md' : 'RESULTS.md');
const outJSON = outMarkdown.replace(/\.md$/, '.json');
// A partial run (--only) keeps the other metrics of the previous run of the same kind.
const previous =
  only.length < ALL.length && existsSync(outJSON) ? JSON.parse(readFileSync(outJSON, 'utf8')).results : {};
const merged = { ...previous, ...results };
const fixes = existsSync(benchPath('FIXES.md')) ? readFileSync(benchPath('FIXES.md'), 'utf8') : '';
writeFileSync(outJSON, `${JSON.stringify({ meta, results: merged }, null, 2)}\n`);
writeFileSync(outMarkdown, renderResults(meta, merged, fixes));
log(`bench: done in ${meta.seconds} s → ${outMarkdown}`);
