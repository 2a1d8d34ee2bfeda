/**
 * `npm test`: every check of the repository, and the time each took. The static checks (spec, lint, types,
 * generated code, packaging) share no state, so they run as many at a time as there are cores (two on CI), longest
 * first; their output is printed whole when each ends, never interleaved. Then the vitest projects, the release
 * test (publish, install by name, runtime matrix) and last the sdk, mock and ai-sdk projects again on Node 22 and
 * 24, each alone: their timing-sensitive tests must not fight for the CPU. The first failing phase ends the run (phases already running finish, so their output is complete).
 *
 *   npm test
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

interface Phase {
  /** The npm script that runs it. */
  script: string;
  /** Output streamed as it comes (a long phase that runs alone) rather than printed whole at its end. */
  live?: boolean;
}

/** Longest first, so the short ones fill the other core while the long ones run. */
const STATIC: Phase[] = [
  { script: 'check:packages' },
  { script: 'typecheck' },
  { script: 'check:generated' },
  { script: 'spec:lint' },
  { script: 'lint' },
  { script: 'check:upstream' },
];
const SEQUENTIAL: Phase[] = [
  { script: 'test:unit', live: true },
  { script: 'test:release', live: true },
  { script: 'test:newer-node', live: true },
];

interface Outcome {
  script: string;
  ms: number;
  ok: boolean;
}

function runPhase(phase: Phase): Promise<Outcome> {
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', phase.script], {
    stdio: phase.live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.once('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.once('close', (code) => {
      const outcome = { script: phase.script, ms: Date.now() - started, ok: code === 0 };
      const status = outcome.ok ? 'ok' : `FAILED (exit ${code})`;
      if (!phase.live) process.stdout.write(Buffer.concat(chunks));
      console.log(`── npm test: ${phase.script} ${status} in ${seconds(outcome.ms)}\n`);
      resolve(outcome);
    });
  });
}

/** Runs `phases` with at most `slots` at a time; stops starting new ones after a failure. */
async function runPool(phases: Phase[], slots: number): Promise<Outcome[]> {
  const queue = [...phases];
  const outcomes: Outcome[] = [];
  const worker = async () => {
    for (let phase = queue.shift(); phase; phase = queue.shift()) {
      const outcome = await runPhase(phase);
      outcomes.push(outcome);
      if (!outcome.ok) queue.length = 0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(slots, phases.length) }, worker));
  return outcomes;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const started = Date.now();
const slots = Math.max(1, Math.min(availableParallelism(), 4));
console.log(`── npm test: static checks, ${slots} at a time: ${STATIC.map((p) => p.script).join(', ')}\n`);
const outcomes = await runPool(STATIC, slots);
const staticMs = Date.now() - started;
if (outcomes.every((o) => o.ok)) {
  for (const phase of SEQUENTIAL) {
    const outcome = await runPhase(phase);
    outcomes.push(outcome);
    if (!outcome.ok) break;
  }
}

const width = Math.max(...outcomes.map((o) => o.script.length));
console.log('── npm test: where the time went (wall clock)');
for (const o of outcomes)
  console.log(`   ${o.script.padEnd(width)}  ${seconds(o.ms).padStart(8)}${o.ok ? '' : '  FAILED'}`);
console.log(`   ${'static checks'.padEnd(width)}  ${seconds(staticMs).padStart(8)}  (${slots} at a time)`);
console.log(`   ${'total'.padEnd(width)}  ${seconds(Date.now() - started).padStart(8)}`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
