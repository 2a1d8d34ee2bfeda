/**
 * A/B of two builds of our SDK in one process, for the before/after numbers of a fix (bench/FIXES.md): the same
 * operation through build A and build B, interleaved, plus raw fetch as the floor. Not part of `npm run bench`.
 *
 *   node --expose-gc bench/ab.mjs --a=/tmp/before.mjs --b=/tmp/after.mjs [--metric=request|chat-stream|speech-stream]
 *                                 [--endpoint=native|openai|anthropic] [--rounds=9] [--calls=100]
 *
 * `B/A per round` is the median of each round's B ÷ A, steadier on a shared machine than the ratio of the medians.
 * The order alternates every round, but a build can still gain a little from being loaded first: for a small
 * difference, run it both ways (`--a`/`--b` swapped) and take both results.
 *
 * A build is an ESM bundle of packages/sdk/src with `@minimax-ts/generated` external, e.g.
 * `npx esbuild packages/sdk/src/index.ts --bundle --format=esm --platform=neutral --external:@minimax-ts/generated
 *  --external:@minimax-ts/generated/zod --outfile=/tmp/after.mjs` (place it where `@minimax-ts/generated` resolves).
 */

import { chatCallers, chatStreamers, createClients, speechStreamers } from './lib/contestants.mjs';
import { configureServer, startServer } from './lib/processes.mjs';
import { collect, cpuSince, median, parseArgs } from './lib/stats.mjs';
import { audioDigest, expectedAudioDigest, REPLY_TEXT, streamText } from './lib/wire.mjs';

const args = parseArgs();
const metric = args.metric ?? 'request';
const endpoint = args.endpoint ?? 'native';
const rounds = Number(args.rounds ?? 9);
const calls = Number(args.calls ?? 100); // request metric: calls per sample
const server = await startServer();
const builds = { A: await createClients(server.baseURL, args.a), B: await createClients(server.baseURL, args.b) };

const pick = (list, name) => list.find((c) => c.name === name && (c.endpoint ?? endpoint) === endpoint);
let ops;
let unit;
if (metric === 'request') {
  const make = (clients, name) => {
    const call = pick(chatCallers(clients), name).call;
    return async () => {
      for (let i = 0; i < calls; i++) if ((await call()) !== REPLY_TEXT) throw new Error('wrong text');
    };
  };
  ops = {
    raw: make(builds.A, 'raw fetch'),
    A: make(builds.A, '@minimax-ts/sdk'),
    B: make(builds.B, '@minimax-ts/sdk'),
  };
  unit = 'µs CPU per call';
  for (let i = 0; i < 3000 / calls; i++) for (const op of Object.values(ops)) await op(); // warm-up: 3,000 calls each
} else if (metric === 'chat-stream') {
  await configureServer(server.baseURL, { chatChunks: 200_000, prepare: true });
  const expected = streamText(200_000);
  const make = (clients, name) => {
    const call = pick(chatStreamers(clients), name).call;
    return async () => {
      if ((await call()) !== expected) throw new Error('wrong text');
    };
  };
  ops = {
    raw: make(builds.A, 'raw fetch'),
    A: make(builds.A, '@minimax-ts/sdk'),
    B: make(builds.B, '@minimax-ts/sdk'),
  };
  unit = 'ms CPU per 200,000-chunk stream';
} else {
  await configureServer(server.baseURL, { prepare: true });
  const expected = expectedAudioDigest(2000, 16 * 1024);
  const make = (clients, name) => {
    const call = speechStreamers(clients).find((c) => c.name === name).call;
    return async () => {
      const digest = audioDigest();
      await call(digest);
      if (digest.value.sum !== expected.sum || digest.value.bytes !== expected.bytes) throw new Error('wrong bytes');
    };
  };
  ops = {
    raw: make(builds.A, 'raw fetch'),
    A: make(builds.A, '@minimax-ts/sdk'),
    B: make(builds.B, '@minimax-ts/sdk'),
  };
  unit = 'ms CPU per 2,000-event speech stream';
}

const cpu = { raw: [], A: [], B: [] };
const wall = { raw: [], A: [], B: [] };
const names = Object.keys(ops);
for (let round = 0; round < rounds + 1; round++) {
  for (const name of round % 2 ? names : [...names].reverse()) {
    collect();
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await ops[name]();
    if (round === 0) continue; // warm-up round
    const scale = metric === 'request' ? calls : 1000; // µs per call, or ms per stream
    cpu[name].push(cpuSince(c0) / scale);
    wall[name].push(((performance.now() - w0) * 1000) / scale);
  }
}
await server.stop();
const row = (name) =>
  `${name.padEnd(4)} CPU ${median(cpu[name]).toFixed(1).padStart(7)}  wall ${median(wall[name]).toFixed(1).padStart(7)}  CPU vs raw ${(median(cpu[name]) / median(cpu.raw)).toFixed(2)}×`;
console.log(`${metric} (${endpoint}), ${unit}, median of ${rounds} rounds`);
for (const name of names) console.log(row(name));
console.log(
  `B vs A: CPU ${(median(cpu.B) / median(cpu.A)).toFixed(2)}×, wall ${(median(wall.B) / median(wall.A)).toFixed(2)}×;` +
    ` B/A per round (median) ${median(cpu.B.map((b, i) => b / cpu.A[i])).toFixed(3)}×`,
);
