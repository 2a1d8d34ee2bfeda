/**
 * Cold start: a fresh `node` process that does `await import(pkg)` (the package as installed, ESM), against a fresh
 * `node` that imports nothing. Runs are interleaved; the metric is the median process wall time minus bare node's,
 * and the median in-process `await import()` time is reported beside it.
 */

import { spawnSync } from 'node:child_process';
import { ROOT } from '../lib/paths.mjs';
import { median, parseArgs, report } from '../lib/stats.mjs';

const args = parseArgs();
const runs = Number(args.runs ?? 20);
// Our SDK resolves by name from the run's copy of the build (`--sdk-cwd`), the peers from the repository root.
const contestants = [
  { name: 'bare node', specifier: undefined },
  { name: '@minimax-ts/sdk', specifier: '@minimax-ts/sdk', cwd: args['sdk-cwd'] ?? ROOT },
  { name: 'openai', specifier: 'openai' },
  { name: '@anthropic-ai/sdk', specifier: '@anthropic-ai/sdk' },
  { name: 'mmx-cli/sdk', specifier: 'mmx-cli/sdk' },
];

function once(specifier, cwd = ROOT) {
  const code = specifier
    ? `const t = performance.now(); const m = await import(${JSON.stringify(specifier)}); if (!Object.keys(m).length) throw new Error('empty module'); process.stdout.write(String(performance.now() - t));`
    : `const t = performance.now(); process.stdout.write(String(performance.now() - t));`;
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (child.status !== 0) throw new Error(`import ${specifier} failed: ${child.stderr}`);
  return { wall, importMs: Number(child.stdout) };
}

const samples = new Map(contestants.map((c) => [c.name, { wall: [], importMs: [] }]));
for (const c of contestants) once(c.specifier, c.cwd); // fill the OS file cache: every contestant starts equally warm
for (let i = 0; i < runs; i++) {
  for (const c of contestants) {
    const { wall, importMs } = once(c.specifier, c.cwd);
    samples.get(c.name).wall.push(wall);
    samples.get(c.name).importMs.push(importMs);
  }
}
const bare = median(samples.get('bare node').wall);
const results = contestants.map((c) => {
  const s = samples.get(c.name);
  return { name: c.name, wallMs: median(s.wall), coldStartMs: median(s.wall) - bare, importMs: median(s.importMs) };
});
report({ runs, results });
