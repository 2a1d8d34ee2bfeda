/**
 * Chat streams: an N-chunk SSE stream consumed as text. Every contestant runs in its own process
 * (bench/lib/worker.mjs); each round, every contestant consumes one stream (order rotated per round, a GC before
 * each); the wall time from the call to the last byte is compared, within the round, with raw fetch + line split +
 * `JSON.parse` on the same endpoint. Every contestant's reassembled text is compared with the text the server sent.
 */

import { chatStreamers } from '../lib/contestants.mjs';
import { configureServer, startWorker } from '../lib/processes.mjs';
import { median, parseArgs, report, rotate } from '../lib/stats.mjs';
import { streamText } from '../lib/wire.mjs';

const args = parseArgs();
const baseURL = args['base-url'];
const chunks = Number(args.chunks ?? 200_000);
const rounds = Number(args.rounds ?? 5);
const warmupChunks = Number(args['warmup-chunks'] ?? 20_000);

const key = (s) => `${s.name}|${s.endpoint}`;
const workers = [];
for (const { name, endpoint } of chatStreamers({ baseURL })) {
  workers.push(await startWorker({ metric: 'chat-stream', name, endpoint, baseURL, sdk: args.sdk }));
}

// Warm-up on shorter streams: JIT every path before anything is timed.
await configureServer(baseURL, { chatChunks: warmupChunks, prepare: true });
for (let i = 0; i < 2; i++) for (const worker of workers) await worker.run({ n: 1, chunks: warmupChunks });

await configureServer(baseURL, { chatChunks: chunks, prepare: true });
const samples = new Map(workers.map((w) => [key(w), { wall: [], cpu: [] }]));
for (let round = 0; round < rounds; round++) {
  for (const worker of rotate(workers, round)) {
    const { wallMs, cpuUs } = await worker.run({ n: 1, chunks, gc: true });
    samples.get(key(worker)).wall.push(wallMs);
    samples.get(key(worker)).cpu.push(cpuUs / 1000);
  }
  process.stderr.write(`chat-stream: round ${round + 1}/${rounds}\n`);
}
for (const worker of workers) worker.stop();

const results = workers.map((s) => {
  const own = samples.get(key(s));
  const raw = samples.get(`raw fetch|${s.endpoint}`);
  const ratios = own.wall.map((ms, round) => ms / raw.wall[round]);
  const cpuRatio = median(own.cpu.map((ms, round) => ms / raw.cpu[round]));
  return {
    name: s.name,
    endpoint: s.endpoint,
    ms: median(own.wall),
    cpuMs: median(own.cpu),
    ratio: median(ratios),
    cpuRatio,
    ratios,
  };
});
report({ chunks, rounds, textLength: streamText(chunks).length, results });
