/**
 * The consumer project's starting lockfile, cut out of this repository's `package-lock.json`: the entries of the
 * tools the consumer uses (typescript, esbuild, …) and of the third-party dependencies of the published packages
 * (zod, …), with everything they depend on, at the same paths and versions.
 *
 * Why: the consumer must install without the internet. Its `.npmrc` points every registry at the local Verdaccio
 * (no uplinks), so the only way a third-party package can arrive is npm's cache, which `npm ci` of this repository
 * filled. npm takes a tarball from the cache by its integrity, but it needs a lockfile entry to know that integrity
 * (with none it would ask the registry for the package's metadata, which Verdaccio does not have). With these
 * entries in place, `npm install @minimax-ts/sdk` resolves the scope from Verdaccio by name and reuses the rest; a
 * cache miss fails on a 404 from 127.0.0.1 instead of downloading.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

export interface Lockfile {
  name?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

/** What the consumer project starts from. */
export interface Seed {
  /** Exact versions of the tools, for the consumer's `devDependencies`. */
  devDependencies: Record<string, string>;
  lockfile: Lockfile;
}

const PUBLIC_REGISTRY = 'https://registry.npmjs.org/';

export async function readRootLockfile(root: string): Promise<Lockfile> {
  return JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
}

/** The installed version of a top-level package of the repository, or undefined when it has none. */
export function lockedVersion(lock: Lockfile, name: string): string | undefined {
  const entry = lock.packages[`node_modules/${name}`];
  return entry && !entry.link ? entry.version : undefined;
}

/**
 * Cuts the seed out of the repository's lockfile. `tools` become devDependencies of the consumer; `extras` are
 * only placed in the tree, where the packages installed by name will find them.
 */
export function seedLockfile(lock: Lockfile, projectName: string, tools: string[], extras: string[]): Seed {
  const picked = new Map<string, LockEntry>();
  const visit = (path: string) => {
    if (picked.has(path)) return;
    const entry = lock.packages[path]!;
    picked.set(path, entry);
    for (const [name, optional] of edges(entry)) {
      const target = resolveFrom(lock, name, path);
      if (target) visit(target);
      else if (!optional) throw new Error(`package-lock.json: ${path} needs ${name}, which it does not hold`);
    }
  };
  const devDependencies: Record<string, string> = {};
  for (const name of [...tools, ...extras]) {
    const version = lockedVersion(lock, name);
    if (!version) throw new Error(`package-lock.json has no top-level ${name}: add it to this repository first`);
    visit(`node_modules/${name}`);
    if (tools.includes(name)) devDependencies[name] = version;
  }
  const packages: Record<string, LockEntry> = { '': { name: projectName, devDependencies } };
  for (const [path, entry] of [...picked].sort(([a], [b]) => a.localeCompare(b)))
    packages[path] = forConsumer(path, entry);
  return { devDependencies, lockfile: { name: projectName, lockfileVersion: 3, requires: true, packages } };
}

/** The names an entry depends on, each with whether it may be missing. */
function edges(entry: LockEntry): Array<[string, boolean]> {
  const result: Array<[string, boolean]> = Object.keys(entry.dependencies ?? {}).map((name) => [name, false]);
  for (const name of Object.keys(entry.optionalDependencies ?? {})) result.push([name, true]);
  for (const name of Object.keys(entry.peerDependencies ?? {})) {
    result.push([name, entry.peerDependenciesMeta?.[name]?.optional === true]);
  }
  return result;
}

/** Node's lookup: the nearest `node_modules/<name>` from `from` up to the root. */
function resolveFrom(lock: Lockfile, name: string, from: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base}/node_modules/${name}`;
    const entry = lock.packages[candidate];
    if (entry && !entry.link) return candidate;
    const cut = base.lastIndexOf('/node_modules/');
    if (cut < 0) break;
    base = base.slice(0, cut);
  }
  const top = lock.packages[`node_modules/${name}`];
  return top && !top.link ? `node_modules/${name}` : undefined;
}

/**
 * The entry as the consumer's lockfile holds it: npm's flags (dev, optional, peer) are the consumer's to compute,
 * and an entry written without its `resolved` URL (`omit-lockfile-registry-resolved`) gets the public registry's,
 * which npm maps onto the configured registry and, having the integrity, serves from its cache.
 */
function forConsumer(path: string, entry: LockEntry): LockEntry {
  const { dev: _dev, optional: _optional, devOptional: _devOptional, peer: _peer, ...rest } = entry;
  if (!rest.resolved && rest.version) {
    const name = rest.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    rest.resolved = `${PUBLIC_REGISTRY}${name}/-/${name.split('/').pop()}-${rest.version}.tgz`;
  }
  return rest;
}
