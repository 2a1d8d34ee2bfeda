/**
 * Makes our packages importable "as installed", like the peers: the built `dist` of `@minimax-ts/sdk` and
 * `@minimax-ts/generated` (rebuilt with `npm run build` when missing or older than their sources), copied into a
 * private `node_modules` for the whole run. The copy matters: other work in the tree may rebuild (and `--clean`) the
 * dist mid-run, and every suite must measure the same build.
 */

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

const PACKAGES = [
  { name: '@minimax-ts/generated', dir: 'packages/generated' },
  { name: '@minimax-ts/sdk', dir: 'packages/sdk' },
];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function isFresh({ dir }) {
  const dist = join(ROOT, dir, 'dist', 'index.js');
  if (!existsSync(dist)) return false;
  const built = statSync(dist).mtimeMs;
  return built >= newestMtime(join(ROOT, dir, 'src')) && built >= statSync(join(ROOT, dir, 'package.json')).mtimeMs;
}

function snapshot() {
  const root = mkdtempSync(join(tmpdir(), 'minimax-bench-'));
  for (const { name, dir } of PACKAGES) {
    const target = join(root, 'node_modules', name);
    mkdirSync(target, { recursive: true });
    cpSync(join(ROOT, dir, 'package.json'), join(target, 'package.json'));
    cpSync(join(ROOT, dir, 'dist'), join(target, 'dist'), { recursive: true });
    if (!existsSync(join(target, 'dist', 'index.js'))) throw new Error(`${name}: dist vanished while copying`);
  }
  // The packages' own dependencies, resolved from the copy as it would be from an install.
  symlinkSync(join(ROOT, 'node_modules', 'zod'), join(root, 'node_modules', 'zod'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'ws'), join(root, 'node_modules', 'ws'), 'dir');
  return root;
}

/**
 * Builds if needed and snapshots the build. Returns `specifier` (a file URL of the SDK's ESM entry, for in-process
 * imports), `cwd` (where `import('@minimax-ts/sdk')` resolves to the copy, for fresh processes), `how`, and `dispose`.
 */
export function prepareSDK(log = console.error) {
  let how = 'dist (up to date)';
  for (let attempt = 1; ; attempt++) {
    try {
      if (!PACKAGES.every(isFresh)) {
        log('bench: building the workspace packages (npm run build)…');
        execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
        how = 'dist (rebuilt by npm run build)';
        if (!PACKAGES.every(isFresh)) throw new Error('npm run build did not leave an up-to-date dist');
      }
      const root = snapshot();
      return {
        how,
        cwd: root,
        specifier: pathToFileURL(join(root, 'node_modules', '@minimax-ts/sdk', 'dist', 'index.js')).href,
        dispose: () => rmSync(root, { recursive: true, force: true }),
      };
    } catch (error) {
      // Someone else may be rebuilding the same dist right now: wait and try again.
      if (attempt >= 3) throw error;
      log(`bench: ${error.message}; retrying in 5 s`);
      execFileSync('sleep', ['5']);
    }
  }
}
