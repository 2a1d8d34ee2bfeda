/**
 * The consumer: a fresh project in a temp folder outside the repository, set up the way the README's Install
 * section tells a user behind an internal registry to set one up (`@minimax-ts:registry=…` in the project's
 * `.npmrc`), that installs the packages **by name** and compiles the smoke script with strict `tsc`.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './child-process.ts';
import { type Lockfile, seedLockfile } from './lockfile-seed.ts';
import type { LocalRegistry } from './registry.ts';

/** The scope every package of this repository is published under. */
export const SCOPE = '@minimax-ts';

export interface ConsumerProject {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** The consumer's devDependencies: the repository's exact versions of its tools. */
  tools: Record<string, string>;
}

export interface ConsumerOptions {
  dir: string;
  repoRoot: string;
  registry: LocalRegistry;
  lock: Lockfile;
  /** Packages the consumer itself uses (typescript, esbuild, …), at the repository's versions. */
  tools: string[];
  /** Third-party packages the published packages depend on, placed in the tree for them. */
  extras: string[];
  /** Files of `tests/release/consumer/` to copy in. */
  templates: string[];
  /** Other files to copy in: the name in the project → the file in the repository (relative to its root). */
  files?: Record<string, string>;
  env: NodeJS.ProcessEnv;
}

/** Writes the project: `.npmrc`, `package.json`, the seeded lockfile and the template files. */
export async function createConsumer(options: ConsumerOptions): Promise<ConsumerProject> {
  const { dir, registry } = options;
  const seed = seedLockfile(options.lock, 'minimax-ts-consumer', options.tools, options.extras);
  await writeFile(
    join(dir, '.npmrc'),
    [
      '# What an internal registry user writes: the scope comes from the registry that publishes it.',
      `${SCOPE}:registry=${registry.url}`,
      '# The release test only: the local registry (no uplinks) is the default too, so a third-party package',
      "# missing from npm's cache fails with a 404 from 127.0.0.1 instead of being downloaded.",
      `registry=${registry.url}`,
      '',
    ].join('\n'),
  );
  const manifest = {
    name: 'minimax-ts-consumer',
    private: true,
    type: 'module',
    devDependencies: seed.devDependencies,
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, 'package-lock.json'), `${JSON.stringify(seed.lockfile, null, 2)}\n`);
  const templates = join(options.repoRoot, 'tests/release/consumer');
  for (const file of options.templates) await copyFile(join(templates, file), join(dir, file));
  for (const [name, source] of Object.entries(options.files ?? {})) {
    await copyFile(join(options.repoRoot, source), join(dir, name));
  }
  return { dir, env: options.env, tools: seed.devDependencies };
}

/** What `npm install` did: the installed versions, and where each package and packument came from. */
export interface InstallReport {
  versions: Record<string, string>;
  /** Tarballs npm took from its cache. */
  cacheHits: number;
  /** URLs npm requested over the network (all of them must be on 127.0.0.1). */
  requested: string[];
}

/**
 * `npm install <names>` in the consumer, by name, as a user types it. The packuments of the scope are asked of the
 * registry each time (no `--prefer-offline`: a packument cached by an earlier run on the same port must not win);
 * third-party tarballs come from the cache by their lockfile integrity.
 */
export async function installByName(
  consumer: ConsumerProject,
  names: string[],
  timeoutMs: number,
): Promise<InstallReport> {
  const { stdout, stderr } = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=http', ...names], {
    cwd: consumer.dir,
    env: consumer.env,
    timeoutMs,
  });
  const log = stdout + stderr;
  const versions: Record<string, string> = {};
  for (const name of names) versions[name] = await installedVersion(consumer, name);
  return {
    versions,
    cacheHits: log.match(/^npm http cache .*\(cache hit\)$/gm)?.length ?? 0,
    requested: [...log.matchAll(/^npm http fetch \w+ \d+ (\S+)/gm)].map((m) => m[1]!),
  };
}

/** The version of a package in the consumer's node_modules. */
export async function installedVersion(consumer: ConsumerProject, name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(consumer.dir, 'node_modules', name, 'package.json'), 'utf8'));
  return (manifest as { version: string }).version;
}

/** The consumer's own `tsc -p <project>` (strict, no skipLibCheck): the published types must compile. */
export async function compileConsumer(
  consumer: ConsumerProject,
  timeoutMs: number,
  project = 'tsconfig.json',
): Promise<void> {
  await run(process.execPath, [join(consumer.dir, 'node_modules/typescript/bin/tsc'), '-p', project], {
    cwd: consumer.dir,
    env: consumer.env,
    timeoutMs,
  });
}
