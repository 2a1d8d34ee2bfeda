/**
 * Chat stream, one event per read: the server writes each SSE event on its own and yields to its event loop before
 * the next (`chatWrites: 'event'`), so the client reads about one event at a time, as from a real LLM. The per-read
 * costs that the 16 KiB-write chat-stream suite amortises over dozens of events (a read, its promises, the decode,
 * the idle watchdog) are paid here for every event. Our SDK's native stream against raw fetch + line split +
 * `JSON.parse`, each contestant in its own process; the text is checked. The target is on client CPU: the wall time
 * of a stream written one event per turn is set by the server's pace, the same for both.
 */

import { configureServer, startWorker } from '../lib/processes.mjs';
import { median, parseArgs, report, rotate } from '../lib/stats.mjs';

const args = parseArgs();
const baseURL = args['base-url'];
const events = Number(args.events ?? 50_000);
const rounds = Number(args.rounds ?? 7);

const workers = [];
for (const name of ['raw fetch', '@minimax-ts/sdk']) {
  workers.push(await startWorker({ metric: 'chat-stream', name, endpoint: 'native', baseURL, sdk: args.sdk }));
}

try {
  const warmup = Math.round(events / 10);
  await configureServer(baseURL, { chatWrites: 'event', chatChunks: warmup, prepare: true });
  for (let i = 0; i < 2; i++) for (const worker of workers) await worker.run({ n: 1, chunks: warmup });

  await configureServer(baseURL, { chatWrites: 'event', chatChunks: events, prepare: true });
  const samples = new Map(workers.map((w) => [w.name, { wall: [], cpu: [], reads: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const worker of rotate(workers, round)) {
      const { wallMs, cpuUs, reads } = await worker.run({ n: 1, chunks: events, gc: true });
      const own = samples.get(worker.name);
      own.wall.push(wallMs);
      own.cpu.push(cpuUs / 1000);
      own.reads.push(reads);
    }
    process.stderr.write(`chat-events: round ${round + 1}/${rounds}\n`);
  }
  const raw = samples.get('raw fetch');
  const results = workers.map(({ name }) => {
    const own = samples.get(name);
    return {
      name,
      ms: median(own.wall),
      cpuMs: median(own.cpu),
      ratio: median(own.wall.map((v, i) => v / raw.wall[i])),
      cpuRatio: median(own.cpu.map((v, i) => v / raw.cpu[i])),
      cpuRatios: own.cpu.map((v, i) => v / raw.cpu[i]),
    };
  });
  // Raw fetch counts its reads: how close to one event per read the stream really was.
  report({ events, rounds, eventsPerRead: events / median(raw.reads), results });
} finally {
  for (const worker of workers) worker.stop();
  await configureServer(baseURL, { chatWrites: 'slices' });
}
