/**
 * Drift check: rebuilds the effective spec and regenerates the client, then fails on any difference from what is
 * committed. Runs in `npm test`, so a hand edit to generated code or a forgotten regeneration cannot land.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildEffectiveSpec, serializeSpec } from './lib/build.ts';
import { generateClient } from './lib/generate-client.ts';
import { effectiveSpecPath, generatedSrcDir, overlaysDir, repoRoot, upstreamSpecPath } from './lib/spec-paths.ts';

const problems: string[] = [];
const built = await buildEffectiveSpec({ upstreamPath: upstreamSpecPath, overlaysDir });
if (built.errors.length > 0) {
  console.error(`check:generated: the spec build fails:\n  - ${built.errors.join('\n  - ')}`);
  process.exit(1);
}
const specText = serializeSpec(built.spec);
if ((await readFile(effectiveSpecPath, 'utf8').catch(() => '')) !== specText) {
  problems.push('spec/minimax.openapi.json differs from what `npm run spec:build` produces');
}

const work = await mkdtemp(join(tmpdir(), 'minimax-generated-'));
try {
  const specCopy = join(work, 'spec.json');
  await writeFile(specCopy, specText);
  const outDir = join(work, 'src');
  await generateClient({ input: specCopy, output: outDir });
  problems.push(...(await diffTrees(outDir, generatedSrcDir)));
} finally {
  await rm(work, { recursive: true, force: true });
}

// Also catch files git knows about that the generator no longer writes (and vice versa), as a reviewer would.
const status = execFileSync(
  'git',
  ['status', '--porcelain', '--', 'packages/generated/src', 'spec/minimax.openapi.json'],
  {
    cwd: repoRoot,
    encoding: 'utf8',
  },
).trim();
if (status) problems.push(`uncommitted generated output:\n${status}`);

if (problems.length > 0) {
  console.error('check:generated failed — run `npm run spec:build && npm run generate` and commit:');
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('check:generated: effective spec and generated client are up to date.');

async function diffTrees(expectedDir: string, actualDir: string): Promise<string[]> {
  const list = async (dir: string) =>
    new Set(
      (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name))),
    );
  const [expected, actual] = await Promise.all([list(expectedDir), list(actualDir)]);
  const out: string[] = [];
  for (const f of expected) {
    if (!actual.has(f)) out.push(`packages/generated/src/${f} is missing`);
    else if ((await readFile(join(expectedDir, f), 'utf8')) !== (await readFile(join(actualDir, f), 'utf8')))
      out.push(`packages/generated/src/${f} differs from the generator's output`);
  }
  for (const f of actual)
    if (!expected.has(f)) out.push(`packages/generated/src/${f} is not produced by the generator`);
  return out;
}
