/**
 * A release rehearsed on a copy: the public packages (built), the root manifest and `.changeset/` are copied to a
 * temp folder, where `changeset version` bumps them (with one more changeset saying "patch" for each, so there is
 * always something to release) and `changeset publish` publishes them to the local registry, exactly as a real
 * release does. Nothing in the working tree changes.
 */
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './child-process.ts';
import type { LocalRegistry } from './registry.ts';
import { type PackageJson, publicPackages, readPackageJson } from './workspace-packages.ts';

/** A package as released: name, the version `changeset version` gave it, its staged folder and manifest. */
export interface StagedPackage {
  name: string;
  version: string;
  dir: string;
  manifest: PackageJson;
}

export interface StageOptions {
  repoRoot: string;
  /** An empty temp folder. */
  dir: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

const SKIP = new Set(['node_modules', '.turbo', 'test', 'coverage']);

/** Copies the public packages and versions them with changesets; returns them with their new versions. */
export async function stageRelease(options: StageOptions): Promise<StagedPackage[]> {
  const { repoRoot, dir } = options;
  const packages = await publicPackages(repoRoot);
  if (packages.length === 0) throw new Error('no public workspace package to release');
  for (const pkg of packages) {
    await cp(join(repoRoot, pkg.dir), join(dir, pkg.dir), {
      recursive: true,
      filter: (source) => !SKIP.has(source.slice(source.lastIndexOf('/') + 1)),
    });
  }
  await cp(join(repoRoot, '.changeset'), join(dir, '.changeset'), { recursive: true });
  const rootManifest = await readPackageJson(join(repoRoot, 'package.json'));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ ...rootManifest, workspaces: packages.map((p) => p.dir) }, null, 2),
  );
  // `.changeset/config.json` names its changelog generator as a module: resolve it from the repository's install.
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const bumps = packages.map((p) => `"${p.manifest.name}": patch`).join('\n');
  await mkdir(join(dir, '.changeset'), { recursive: true });
  await writeFile(join(dir, '.changeset', 'release-test.md'), `---\n${bumps}\n---\n\nRelease rehearsal.\n`);

  await run(join(dir, 'node_modules/.bin/changeset'), ['version'], {
    cwd: dir,
    env: options.env,
    timeoutMs: options.timeoutMs,
  });
  return Promise.all(
    packages.map(async (pkg) => {
      const manifest = await readPackageJson(join(dir, pkg.dir, 'package.json'));
      return { name: manifest.name, version: manifest.version, dir: join(dir, pkg.dir), manifest };
    }),
  );
}

/**
 * `changeset publish` against the local registry: it asks the registry which versions are new and runs
 * `npm publish --access public` for each. The token lives in a temp `.npmrc` (`userconfig`), never in `~/.npmrc`.
 */
export async function publishStaged(options: StageOptions & { registry: LocalRegistry }): Promise<string> {
  const { dir, registry } = options;
  const userconfig = join(dir, '.npmrc-publish');
  await writeFile(userconfig, `registry=${registry.url}\n${registry.nerfDart}:_authToken=${registry.token}\n`);
  const env = { ...options.env, npm_config_userconfig: userconfig, npm_config_registry: registry.url };
  const { stdout, stderr } = await run(join(dir, 'node_modules/.bin/changeset'), ['publish', '--no-git-tag'], {
    cwd: dir,
    env,
    timeoutMs: options.timeoutMs,
  });
  return stdout + stderr;
}
