/**
 * The consumer's seed lockfile is the release test's guarantee of "no network": every package it places must be
 * the repository's own entry (path, version, integrity), everything those depend on must come along, and an entry
 * written without a `resolved` URL must get one npm can map onto the configured registry.
 */
import { describe, expect, it } from 'vitest';
import { type Lockfile, seedLockfile } from '../../scripts/release/lockfile-seed.ts';
import { binNames, thirdPartyDependencies } from '../../scripts/release/workspace-packages.ts';

const lock: Lockfile = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'repo' },
    'node_modules/@minimax-ts/sdk': { resolved: 'packages/sdk', link: true },
    'node_modules/typescript': { version: '6.0.3', integrity: 'sha512-ts', dev: true },
    'node_modules/esbuild': {
      version: '0.28.2',
      integrity: 'sha512-esb',
      optionalDependencies: { '@esbuild/linux-x64': '0.28.2', '@esbuild/win32-x64': '0.28.2' },
    },
    'node_modules/@esbuild/linux-x64': { version: '0.28.2', integrity: 'sha512-lx', optional: true },
    'node_modules/zod': { version: '4.6.7', integrity: 'sha512-zod', resolved: 'https://example.test/zod.tgz' },
    'node_modules/a': { version: '1.0.0', integrity: 'sha512-a', dependencies: { b: '^2', c: '^1' } },
    'node_modules/a/node_modules/b': { version: '2.0.0', integrity: 'sha512-b2', peerDependencies: { d: '*' } },
    'node_modules/b': { version: '1.0.0', integrity: 'sha512-b1' },
    'node_modules/c': { version: '1.1.0', name: 'c-real', integrity: 'sha512-c' },
    'node_modules/d': { version: '3.0.0', integrity: 'sha512-d' },
    'node_modules/unrelated': { version: '9.9.9', integrity: 'sha512-u' },
  },
};

describe('seedLockfile', () => {
  const seed = seedLockfile(lock, 'consumer', ['typescript', 'esbuild'], ['zod', 'a']);
  const paths = Object.keys(seed.lockfile.packages);

  it('makes the tools devDependencies at the repository versions, and only places the extras', () => {
    expect(seed.devDependencies).toEqual({ typescript: '6.0.3', esbuild: '0.28.2' });
    expect(seed.lockfile.packages['']).toEqual({ name: 'consumer', devDependencies: seed.devDependencies });
  });

  it('takes the closure: nested copies where the repository nests them, peers, present optional packages', () => {
    expect(paths).toEqual(
      [
        '',
        'node_modules/@esbuild/linux-x64',
        'node_modules/a',
        'node_modules/a/node_modules/b',
        'node_modules/c',
        'node_modules/d',
        'node_modules/esbuild',
        'node_modules/typescript',
        'node_modules/zod',
      ].sort((x, y) => x.localeCompare(y)),
    );
    expect(paths).not.toContain('node_modules/b');
    expect(paths).not.toContain('node_modules/unrelated');
  });

  it("keeps versions and integrities, drops npm's flags, and fills a missing resolved URL", () => {
    expect(seed.lockfile.packages['node_modules/typescript']).toEqual({
      version: '6.0.3',
      integrity: 'sha512-ts',
      resolved: 'https://registry.npmjs.org/typescript/-/typescript-6.0.3.tgz',
    });
    expect(seed.lockfile.packages['node_modules/@esbuild/linux-x64']?.resolved).toBe(
      'https://registry.npmjs.org/@esbuild/linux-x64/-/linux-x64-0.28.2.tgz',
    );
    expect(seed.lockfile.packages['node_modules/c']?.resolved).toBe(
      'https://registry.npmjs.org/c-real/-/c-real-1.1.0.tgz',
    );
    expect(seed.lockfile.packages['node_modules/zod']?.resolved).toBe('https://example.test/zod.tgz');
  });

  it('refuses a package the repository does not have, or a dependency its lockfile lacks', () => {
    expect(() => seedLockfile(lock, 'consumer', ['msw'], [])).toThrow(/no top-level msw/);
    const broken: Lockfile = {
      lockfileVersion: 3,
      packages: { 'node_modules/x': { version: '1.0.0', dependencies: { missing: '^1' } } },
    };
    expect(() => seedLockfile(broken, 'consumer', [], ['x'])).toThrow(/node_modules\/x needs missing/);
  });
});

describe('workspace package helpers', () => {
  it('names bins as npm links them', () => {
    expect(binNames({ name: '@minimax-ts/mock', version: '1.0.0', bin: { 'minimax-mock': 'dist/cli.js' } })).toEqual([
      'minimax-mock',
    ]);
    expect(binNames({ name: '@scope/tool', version: '1.0.0', bin: 'cli.js' })).toEqual(['tool']);
    expect(binNames({ name: 'x', version: '1.0.0' })).toEqual([]);
  });

  it('lists what a published package pulls from the public registry: deps, optional deps, required peers', () => {
    const manifest = {
      name: '@minimax-ts/mock',
      version: '1.0.0',
      dependencies: { '@stoplight/prism-http': '5.12.0', '@minimax-ts/sdk': '1.0.0' },
      optionalDependencies: { fsevents: '2' },
      peerDependencies: { msw: '>=2', react: '*' },
      peerDependenciesMeta: { msw: { optional: true } },
    };
    expect(thirdPartyDependencies(manifest, '@minimax-ts')).toEqual(['@stoplight/prism-http', 'fsevents', 'react']);
  });
});
