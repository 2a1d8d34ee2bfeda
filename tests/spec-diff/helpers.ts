/**
 * Fixtures for spec-diff: candidates are the vendored upstream file with a small edit applied, written to a temp
 * folder (no 75 KB copies committed), plus a CLI runner and a throwaway copy of the repository layout.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { diffSpecs } from '../../scripts/lib/spec-diff/diff.ts';
import type { Change } from '../../scripts/lib/spec-diff/model.ts';
import { repoRoot, upstreamSpecPath } from '../../scripts/lib/spec-paths.ts';

// biome-ignore lint/suspicious/noExplicitAny: fixtures poke into the document freely.
export type Doc = Record<string, any>;

export const upstreamText = await readFile(upstreamSpecPath, 'utf8');
export const upstream = (): Doc => JSON.parse(upstreamText) as Doc;

/** The schemas of a document. */
export const S = (doc: Doc) => doc.components.schemas;

/** The diff from upstream to `edit(copy of upstream)`. */
export function diffWith(edit: (doc: Doc) => void): Change[] {
  const doc = upstream();
  edit(doc);
  return diffSpecs(upstream(), doc);
}

/** The only change, asserting there is exactly one (besides documentation). */
export function only(changes: Change[]): Change {
  const structural = changes.filter((c) => c.kind !== 'documentation-changed');
  expect(structural.map((c) => c.message)).toHaveLength(1);
  return structural[0] as Change;
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'spec-diff-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Writes `edit(copy of upstream)` as JSON to a temp file and returns its path. */
export async function candidate(edit: (doc: Doc) => void, name = 'candidate.json'): Promise<string> {
  const doc = upstream();
  edit(doc);
  return writeTemp(name, `${JSON.stringify(doc, null, 2)}\n`);
}

export async function writeTemp(name: string, text: string): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, text);
  return path;
}

export function find(changes: Change[], kind: Change['kind'], match: Partial<Change> = {}): Change | undefined {
  return changes.find(
    (c) =>
      c.kind === kind &&
      Object.entries(match).every(([k, v]) => JSON.stringify(c[k as keyof Change]) === JSON.stringify(v)),
  );
}

/** Runs the real command (`tsx scripts/spec-diff.ts`) as a child process. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, join(repoRoot, 'scripts', 'spec-diff.ts'), ...args],
      { cwd: repoRoot, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** A copy of what spec-diff reads and writes (spec/, the sdk sources), for `--update` tests. */
export async function repoCopy(): Promise<string> {
  const root = await tempDir('spec-diff-repo-');
  await cp(join(repoRoot, 'spec'), join(root, 'spec'), { recursive: true });
  await cp(join(repoRoot, 'packages', 'sdk', 'src'), join(root, 'packages', 'sdk', 'src'), { recursive: true });
  await mkdir(join(root, 'packages', 'generated', 'src'), { recursive: true });
  await cp(join(repoRoot, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  return root;
}
