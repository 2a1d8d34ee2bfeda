/**
 * The Node 24 consumer is seeded from `tests/release/runtimes/package-lock.json` alone, so that lockfile must hold
 * every third-party dependency of the published packages at the exact version each pins, and the consumer's own tools.
 * A bump of `ws` or `zod` in a package without the same bump there is caught here, before a release run.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lockfile } from '../../scripts/release/lockfile-seed.ts';
import { NODE24_TOOLS, readRuntimesLockfile, runtimesPinGaps } from '../../scripts/release/node24-consumer.ts';
import { type PackageJson, publicPackages } from '../../scripts/release/workspace-packages.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const lockOf = (versions: Record<string, string>): Lockfile => ({
  lockfileVersion: 3,
  packages: Object.fromEntries(
    Object.entries(versions).map(([name, version]) => [
      `node_modules/${name}`,
      { version, integrity: `sha512-${name}` },
    ]),
  ),
});
const tools = Object.fromEntries(NODE24_TOOLS.map((name) => [name, '1.0.0']));

describe('runtimesPinGaps', () => {
  const sdk: PackageJson = {
    name: '@minimax-ts/sdk',
    version: '1.0.0',
    dependencies: { '@minimax-ts/generated': '1.0.0', ws: '8.23.0', ajv: '^8.0.0' },
    peerDependencies: { msw: '>=2' },
    peerDependenciesMeta: { msw: { optional: true } },
  };

  it('accepts a lockfile with every tool and every pinned dependency at its version', () => {
    expect(runtimesPinGaps(lockOf({ ...tools, ws: '8.23.0', ajv: '8.20.0' }), [sdk])).toEqual([]);
  });

  it('names a dependency at another version than the exact one a package pins', () => {
    expect(runtimesPinGaps(lockOf({ ...tools, ws: '8.18.0', ajv: '8.20.0' }), [sdk])).toEqual([
      'tests/release/runtimes/package.json: it pins ws@8.18.0, @minimax-ts/sdk depends on ws@8.23.0',
    ]);
  });

  it('names what is missing: a dependency, or a tool of the Node 24 consumer', () => {
    const { ai: _ai, ...withoutAi } = tools;
    expect(runtimesPinGaps(lockOf({ ...withoutAi, ws: '8.23.0' }), [sdk])).toEqual([
      'tests/release/runtimes/package.json: it does not pin ai, which the Node 24 consumer uses',
      'tests/release/runtimes/package.json: it does not pin ajv, a dependency of @minimax-ts/sdk',
    ]);
  });
});

describe('tests/release/runtimes', () => {
  it("pins what the published packages depend on, at this repository's versions", async () => {
    const manifests = (await publicPackages(repoRoot)).map((p) => p.manifest);
    expect(runtimesPinGaps(await readRuntimesLockfile(repoRoot), manifests)).toEqual([]);
  });
});
