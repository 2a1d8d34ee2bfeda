/**
 * Request overhead: client CPU per non-streaming chat call, in steady state. Every contestant runs in its own process
 * (bench/lib/worker.mjs) and first makes `--warmup` calls; then each round runs `--calls` sequential calls per
 * contestant, interleaved in batches of `--batch` (every contestant runs a batch, in an order rotated per batch,
 * until all have made their calls), so that the contestants of a round see the same machine conditions. CPU is the
 * worker's own `process.cpuUsage()` (the server is yet another process), summed over its batches and divided by its
 * calls. A contestant's ratio is taken within the round, against raw fetch on the same endpoint.
 */

import { chatCallers } from '../lib/contestants.mjs';
import { startWorker } from '../lib/processes.mjs';
import { median, parseArgs, report, rotate } from '../lib/stats.mjs';

const args = parseArgs();
const warmup = Number(args.warmup ?? 5000);
const rounds = Number(args.rounds ?? 5);
const calls = Number(args.calls ?? 2000);
const batch = Math.min(Number(args.batch ?? 100), calls);
const baseURL = args['base-url'];

const key = (c) => `${c.name}|${c.endpoint}`;
const workers = [];
for (const { name, endpoint } of chatCallers({ baseURL })) {
  workers.push(await startWorker({ metric: 'request', name, endpoint, baseURL, sdk: args.sdk }));
}

// Warm-up, interleaved in slices so that no contestant warms up on a cooler or hotter machine than the others.
const slice = Math.min(500, warmup);
for (let done = 0; done < warmup; done += slice) {
  for (const worker of workers) await worker.run({ n: Math.min(slice, warmup - done) });
}
process.stderr.write(`request-overhead: warm-up done (${warmup} calls each)\n`);

const samples = new Map(workers.map((w) => [key(w), { cpu: [], wall: [] }]));
for (let round = 0; round < rounds; round++) {
  for (const worker of workers) await worker.run({ n: 0, gc: true });
  const cpu = new Map(workers.map((w) => [key(w), 0]));
  const wall = new Map(workers.map((w) => [key(w), 0]));
  for (let done = 0, cycle = 0; done < calls; done += batch, cycle++) {
    const n = Math.min(batch, calls - done);
    for (const worker of rotate(workers, round + cycle)) {
      const result = await worker.run({ n });
      cpu.set(key(worker), cpu.get(key(worker)) + result.cpuUs);
      wall.set(key(worker), wall.get(key(worker)) + result.wallMs * 1000);
    }
  }
  for (const worker of workers) {
    samples.get(key(worker)).cpu.push(cpu.get(key(worker)) / calls);
    samples.get(key(worker)).wall.push(wall.get(key(worker)) / calls);
  }
  process.stderr.write(`request-overhead: round ${round + 1}/${rounds}\n`);
}
for (const worker of workers) worker.stop();

const results = workers.map((worker) => {
  const own = samples.get(key(worker));
  const raw = samples.get(`raw fetch|${worker.endpoint}`);
  const ratios = own.cpu.map((cpu, round) => cpu / raw.cpu[round]);
  return {
    name: worker.name,
    endpoint: worker.endpoint,
    cpuUs: median(own.cpu),
    wallUs: median(own.wall),
    ratio: median(ratios),
    ratios,
  };
});
report({ warmup, rounds, calls, batch, results });
