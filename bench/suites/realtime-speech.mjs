/**
 * Real-time speech: time to first audio (TTFA) and total time for one 2,000-character text, over MiniMax's speech
 * WebSocket served by the mock with pacing off. Contestants: our SDK (`mm.speech.connect`), a raw `ws` client doing
 * the same protocol by hand (connected_success → task_start → task_started → task_continue + task_finish → hex audio
 * decoded with `Buffer.from` → task_finished), and, for reference, our SDK's HTTP SSE stream (`mm.speech.stream`)
 * from the bench server, sized to the same audio (16 KiB events, as many as the WebSocket's bytes need). Each round runs every contestant once (order rotated, a GC before each); ratios are taken within the
 * round against the raw `ws` client, and medians are reported. The SDK's and the raw client's audio must be the same
 * bytes (count and checksum), or the run fails. A round's time for a contestant is the mean of `--sessions` (5)
 * sessions in a row.
 */

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { benchPath, ROOT } from '../lib/paths.mjs';
import { configureServer, startServer as startBenchServer } from '../lib/processes.mjs';
import { collect, median, parseArgs, report, rotate } from '../lib/stats.mjs';

const args = parseArgs();
const rounds = Number(args.rounds ?? 7);
const chars = Number(args.chars ?? 2000);
/** Sessions per contestant per round, averaged: one 50 ms session alone is at the mercy of a GC or the scheduler. */
const sessions = Number(args.sessions ?? 5);
const { MiniMax } = await import(args.sdk ?? '@minimax-ts/sdk');

const SENTENCE = 'Voice agents need the first audio fast, so speech is streamed while it is synthesized. ';
const TEXT = SENTENCE.repeat(Math.ceil(chars / SENTENCE.length)).slice(0, chars);
const START = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };

const server = await startServer();
const bench = args['base-url'] ? { baseURL: args['base-url'], stop: async () => {} } : await startBenchServer();
const mm = new MiniMax({ apiKey: 'bench-key', baseURL: server.baseURL, logLevel: 'off', maxRetries: 0 });
const sse = new MiniMax({ apiKey: 'bench-key', baseURL: bench.baseURL, logLevel: 'off', maxRetries: 0 });
const wsURL = `${server.baseURL.replace('http', 'ws')}/ws/v1/t2a_v2`;

/** Each contestant resolves with { ttfa, total, bytes, sha } (ms from its start). */
const contestants = [
  {
    name: 'raw ws',
    run: () =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        const hash = createHash('sha1');
        let bytes = 0;
        let ttfa;
        const ws = new WebSocket(wsURL, { headers: { Authorization: 'Bearer bench-key' } });
        ws.on('error', reject);
        ws.on('message', (data) => {
          const event = JSON.parse(String(data));
          if (event.base_resp?.status_code) return reject(new Error(`server error ${event.base_resp.status_code}`));
          if (event.event === 'connected_success') ws.send(JSON.stringify({ event: 'task_start', ...START }));
          else if (event.event === 'task_started') {
            ws.send(JSON.stringify({ event: 'task_continue', text: TEXT }));
            ws.send(JSON.stringify({ event: 'task_finish' }));
          } else if (event.event === 'task_continued' && event.data?.audio) {
            ttfa ??= performance.now() - t0;
            const chunk = Buffer.from(event.data.audio, 'hex');
            bytes += chunk.length;
            hash.update(chunk);
          } else if (event.event === 'task_finished') {
            ws.close();
            resolve({ ttfa, total: performance.now() - t0, bytes, sha: hash.digest('hex') });
          }
        });
      }),
  },
  {
    name: '@minimax-ts/sdk (WebSocket)',
    run: async () => {
      const t0 = performance.now();
      const hash = createHash('sha1');
      let bytes = 0;
      let ttfa;
      const session = await mm.speech.connect(START);
      session.send(TEXT);
      const done = session.finish();
      for await (const chunk of session) {
        ttfa ??= performance.now() - t0;
        bytes += chunk.length;
        hash.update(chunk);
      }
      await done;
      return { ttfa, total: performance.now() - t0, bytes, sha: hash.digest('hex') };
    },
  },
  {
    name: '@minimax-ts/sdk (HTTP SSE)',
    run: async () => {
      const t0 = performance.now();
      let bytes = 0;
      let ttfa;
      const stream = await sse.speech.stream({ ...START, text: TEXT });
      for await (const chunk of stream) {
        ttfa ??= performance.now() - t0;
        bytes += chunk.length;
      }
      return { ttfa, total: performance.now() - t0, bytes, sha: '' };
    },
  },
];

const samples = Object.fromEntries(contestants.map((c) => [c.name, []]));
try {
  const { bytes } = await contestants[0].run();
  await configureServer(bench.baseURL, { audioEvents: Math.ceil(bytes / 16_384), audioBytes: 16_384, prepare: true });
  for (let warm = 0; warm < 2; warm++) for (const c of contestants) await c.run();
  for (let round = 0; round < rounds; round++) {
    // Contestants alternate session by session (A B C A B C …), so a burst of load on the machine hits them alike.
    const runs = Object.fromEntries(contestants.map((c) => [c.name, []]));
    for (let i = 0; i < sessions; i++) {
      for (const c of rotate(contestants, round + i)) {
        collect();
        runs[c.name].push(await c.run());
      }
    }
    const results = {};
    for (const c of contestants) {
      const list = runs[c.name];
      const mean = (key) => list.reduce((n, r) => n + r[key], 0) / list.length;
      results[c.name] = { ...list[0], ttfa: mean('ttfa'), total: mean('total') };
    }
    const raw = results['raw ws'];
    const sdk = results['@minimax-ts/sdk (WebSocket)'];
    if (sdk.bytes !== raw.bytes || sdk.sha !== raw.sha) {
      throw new Error(`the SDK's audio differs from the raw client's (${sdk.bytes} vs ${raw.bytes} bytes)`);
    }
    for (const c of contestants) {
      const r = results[c.name];
      samples[c.name].push({ ...r, ttfaRatio: r.ttfa / raw.ttfa, totalRatio: r.total / raw.total });
    }
    process.stderr.write(`bench: realtime round ${round + 1}/${rounds}\n`);
  }
} finally {
  await server.stop();
  await bench.stop();
}

report({
  chars: TEXT.length,
  rounds,
  sessions,
  results: contestants.map(({ name }) => {
    const list = samples[name];
    return {
      name,
      bytes: list[0]?.bytes,
      ttfaMs: median(list.map((s) => s.ttfa)),
      totalMs: median(list.map((s) => s.total)),
      ttfaRatio: median(list.map((s) => s.ttfaRatio)),
      totalRatio: median(list.map((s) => s.totalRatio)),
      ttfaRatios: list.map((s) => Number(s.ttfaRatio.toFixed(2))),
      totalRatios: list.map((s) => Number(s.totalRatio.toFixed(2))),
    };
  }),
});

function startServer() {
  const child = spawn(
    process.execPath,
    ['--conditions=@minimax-ts/source', '--import', 'tsx', benchPath('lib', 'realtime-mock.mjs')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`realtime mock exited early (${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!out.includes('\n')) return;
      child.removeAllListeners('exit');
      const { port } = JSON.parse(out.split('\n')[0]);
      resolve({
        baseURL: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
