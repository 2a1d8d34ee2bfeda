/**
 * Throughput of `iterateSSE` against a naive "split lines + JSON.parse" loop over the same body.
 * Run: `npx tsx packages/sdk/test/bench/sse-throughput.ts [chunks]` (default 200,000 chunks).
 * Not part of the test run: timings on shared CI machines are too noisy to assert on.
 */

import { iterateSSE } from '../../src/internal/sse-stream.ts';

const CHUNKS = Number((globalThis as { process?: { argv: string[] } }).process?.argv[2] ?? 200_000);
const ROUNDS = 7;
const encoder = new TextEncoder();

function makeChunks(): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < CHUNKS; i++) {
    const frame = {
      id: '0601a2b3c4d5e6f7',
      object: 'chat.completion.chunk',
      created: 1_735_000_000 + i,
      model: 'MiniMax-M2',
      choices: [{ index: 0, delta: { content: `token ${i} 你好` }, finish_reason: null }],
    };
    chunks.push(encoder.encode(`data: ${JSON.stringify(frame)}\n\n`));
  }
  return chunks;
}

function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(chunks[index++]!);
      else controller.close();
    },
  });
}

async function naive(body: ReadableStream<Uint8Array>): Promise<number> {
  const decoder = new TextDecoder();
  let buffer = '';
  let count = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('data: ')) {
        JSON.parse(line.slice(6));
        count++;
      }
    }
  }
  return count;
}

async function ours(body: ReadableStream<Uint8Array>): Promise<number> {
  let count = 0;
  for await (const event of iterateSSE(body)) {
    JSON.parse(event.data);
    count++;
  }
  return count;
}

async function oursWithIdleTimeout(body: ReadableStream<Uint8Array>): Promise<number> {
  let count = 0;
  for await (const event of iterateSSE(body, { idleTimeoutMs: 60_000 })) {
    JSON.parse(event.data);
    count++;
  }
  return count;
}

async function time(run: (body: ReadableStream<Uint8Array>) => Promise<number>, chunks: Uint8Array[]): Promise<number> {
  const started = performance.now();
  const count = await run(bodyOf(chunks));
  if (count !== chunks.length) throw new Error(`expected ${chunks.length} events, got ${count}`);
  return performance.now() - started;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const chunks = makeChunks();
await time(naive, chunks); // warm-up
await time(ours, chunks);
const naiveTimes: number[] = [];
const ourTimes: number[] = [];
const idleTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  naiveTimes.push(await time(naive, chunks));
  ourTimes.push(await time(ours, chunks));
  idleTimes.push(await time(oursWithIdleTimeout, chunks));
}
const base = median(naiveTimes);
console.log(
  `naive: ${base.toFixed(1)} ms; iterateSSE: ${median(ourTimes).toFixed(1)} ms (ratio ${(median(ourTimes) / base).toFixed(3)}); ` +
    `with idleTimeoutMs: ${median(idleTimes).toFixed(1)} ms (ratio ${(median(idleTimes) / base).toFixed(3)})`,
);
