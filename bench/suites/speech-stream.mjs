/**
 * Speech streams: N events of hex audio (status 1) and a status-2 event, decoded to bytes. Every contestant runs in
 * its own process (bench/lib/worker.mjs); each round every contestant consumes one stream (order rotated, a GC
 * before each); throughput is decoded MB per second of wall time, compared within the round with raw fetch + line
 * split + `JSON.parse` + `Buffer.from(hex, 'hex')`. Every contestant's bytes are counted and checksummed against
 * what the server sent.
 */

import { speechStreamers } from '../lib/contestants.mjs';
import { configureServer, startWorker } from '../lib/processes.mjs';
import { median, parseArgs, report, rotate } from '../lib/stats.mjs';

const args = parseArgs();
const baseURL = args['base-url'];
const events = Number(args.events ?? 2000);
const size = Number(args['audio-bytes'] ?? 16 * 1024);
const rounds = Number(args.rounds ?? 5);
const bytes = events * size;

const workers = [];
for (const { name } of speechStreamers({ baseURL })) {
  workers.push(await startWorker({ metric: 'speech-stream', name, baseURL, sdk: args.sdk }));
}

const warmupEvents = Math.max(50, Math.round(events / 10));
await configureServer(baseURL, { audioEvents: warmupEvents, audioBytes: size, prepare: true });
for (let i = 0; i < 2; i++) for (const worker of workers) await worker.run({ n: 1, events: warmupEvents, size });

await configureServer(baseURL, {
  audioEvents: events,
  audioBytes: size,
  speechWrites: args.writes ?? 'event',
  prepare: true,
});
const samples = new Map(workers.map((w) => [w.name, { mbps: [], cpu: [] }]));
for (let round = 0; round < rounds; round++) {
  for (const worker of rotate(workers, round)) {
    const { wallMs, cpuUs } = await worker.run({ n: 1, events, size, gc: true });
    samples.get(worker.name).mbps.push(bytes / 1e6 / (wallMs / 1000));
    samples.get(worker.name).cpu.push(cpuUs / 1000);
  }
  process.stderr.write(`speech-stream: round ${round + 1}/${rounds}\n`);
}
for (const worker of workers) worker.stop();

const raw = samples.get('raw fetch');
const results = workers.map((s) => {
  const own = samples.get(s.name);
  const ratios = own.mbps.map((mbps, round) => mbps / raw.mbps[round]);
  // Bytes per CPU second, relative to raw: the same work measured without the waits on the server.
  const cpuRatio = median(own.cpu.map((ms, round) => raw.cpu[round] / ms));
  return { name: s.name, mbps: median(own.mbps), cpuMs: median(own.cpu), ratio: median(ratios), cpuRatio, ratios };
});
report({ events, size, bytes, rounds, results });
