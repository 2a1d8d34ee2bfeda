/**
 * The Node 24 consumer: a second fresh project, for what the repository's Node 20 cannot run. `ai` 7 needs Node ≥ 22
 * and msw 3 Node ≥ 22.12, so neither can be a root devDependency: both are pinned in `tests/release/runtimes`, next
 * to the published packages' own third-party dependencies at the versions those pin, so that lockfile alone seeds this
 * project (as the root lockfile seeds the first consumer). `npm run runtimes:install` put their tarballs in npm's
 * cache; the scope comes from the local registry, by name. Under the pinned Node 24 it then runs the AI SDK provider's
 * ai 7 smoke (`packages/ai-sdk/test/ai7/smoke.mjs`) against the mock, and the consumer's MSW test with msw 3.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunResult, run } from './child-process.ts';
import { type ConsumerProject, createConsumer, SCOPE } from './consumer.ts';
import { type Lockfile, lockedVersion } from './lockfile-seed.ts';
import type { LocalRegistry } from './registry.ts';
import { type PackageJson, thirdPartyDependencies } from './workspace-packages.ts';

export const RUNTIMES_MANIFEST = 'tests/release/runtimes/package.json';
const RUNTIMES_LOCKFILE = 'tests/release/runtimes/package-lock.json';
/** What the Node 24 consumer uses itself (its devDependencies), at the runtimes lockfile's versions. */
export const NODE24_TOOLS = ['ai', 'msw', 'vitest', 'zod'];
/** The ai 7 smoke, copied into the project under this name. */
const AI7_SMOKE = { name: 'ai7-smoke.mjs', source: 'packages/ai-sdk/test/ai7/smoke.mjs' };

export async function readRuntimesLockfile(repoRoot: string): Promise<Lockfile> {
  return JSON.parse(await readFile(join(repoRoot, RUNTIMES_LOCKFILE), 'utf8')) as Lockfile;
}

/** The version range a manifest asks for a dependency, wherever it declares it. */
function requested(manifest: PackageJson, name: string): string | undefined {
  return manifest.dependencies?.[name] ?? manifest.optionalDependencies?.[name] ?? manifest.peerDependencies?.[name];
}

/**
 * Where the runtimes lockfile cannot seed the Node 24 consumer: a tool or a third-party dependency of a published
 * package it does not hold at the top level, or holds at another version than the exact one a package pins (a range
 * is left to npm). Empty when it can.
 */
export function runtimesPinGaps(lock: Lockfile, manifests: PackageJson[]): string[] {
  const gaps: string[] = [];
  for (const name of NODE24_TOOLS) {
    if (!lockedVersion(lock, name)) gaps.push(`it does not pin ${name}, which the Node 24 consumer uses`);
  }
  for (const manifest of manifests) {
    for (const name of thirdPartyDependencies(manifest, SCOPE)) {
      const wanted = requested(manifest, name);
      const locked = lockedVersion(lock, name);
      if (!locked) gaps.push(`it does not pin ${name}, a dependency of ${manifest.name}`);
      else if (wanted && /^\d+\.\d+\.\d+$/.test(wanted) && wanted !== locked) {
        gaps.push(`it pins ${name}@${locked}, ${manifest.name} depends on ${name}@${wanted}`);
      }
    }
  }
  return gaps.map((gap) => `${RUNTIMES_MANIFEST}: ${gap}`);
}

/** Writes the Node 24 consumer: the first consumer's setup, seeded from the runtimes lockfile. */
export function createNode24Consumer(options: {
  dir: string;
  repoRoot: string;
  registry: LocalRegistry;
  lock: Lockfile;
  extras: string[];
  env: NodeJS.ProcessEnv;
}): Promise<ConsumerProject> {
  return createConsumer({
    ...options,
    tools: NODE24_TOOLS,
    templates: ['msw-smoke.test.ts'],
    files: { [AI7_SMOKE.name]: AI7_SMOKE.source },
  });
}

/** The ai 7 smoke with `node`, against the mock at `mockUrl`; it exits non-zero when a check fails. */
export function runAi7Smoke(
  consumer: ConsumerProject,
  node: string,
  mockUrl: string,
  timeoutMs: number,
): Promise<RunResult> {
  return run(node, [AI7_SMOKE.name], {
    cwd: consumer.dir,
    env: { ...consumer.env, MOCK_URL: mockUrl },
    timeoutMs,
  });
}
