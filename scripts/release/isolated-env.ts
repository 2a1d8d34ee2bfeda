/**
 * The environment every child of the release test gets, built from nothing rather than inherited: the developer's
 * `~/.npmrc`, a global npmrc, the `npm_config_*` variables of the `npm test` that started us and the repository's
 * `node_modules/.bin` on PATH must not change what a fresh consumer sees. npm keeps using the cache that `npm ci`
 * of this repository filled, and every request it would send beyond 127.0.0.1 goes to a closed local port (a
 * proxy that is not there), so a mistake fails fast instead of touching the internet.
 */
import { writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { run } from './child-process.ts';

/** A port nothing listens on: requests "through" it fail at once with ECONNREFUSED. */
const NOWHERE = 'http://127.0.0.1:9';

/** Where this repository's npm keeps its cache (`npm config get cache`, with the developer's own settings). */
export async function npmCacheDir(repoRoot: string): Promise<string> {
  const { stdout } = await run('npm', ['config', 'get', 'cache'], {
    cwd: repoRoot,
    env: process.env,
    timeoutMs: 60_000,
  });
  return stdout.trim();
}

/**
 * A clean environment for children: PATH without any `node_modules/.bin` (this Node first), HOME and the temp
 * folder, npm pointed at empty user and global configs under `dir`, the given cache, and the dead proxy.
 */
export function isolatedEnv(dir: string, npmCache: string): NodeJS.ProcessEnv {
  const userRc = join(dir, 'user.npmrc');
  const globalRc = join(dir, 'global.npmrc');
  writeFileSync(userRc, '');
  writeFileSync(globalRc, '');
  const path = [
    dirname(process.execPath),
    ...(process.env.PATH ?? '').split(delimiter).filter((p) => p && !p.includes('node_modules')),
  ];
  const keep = ['HOME', 'TMPDIR', 'LANG', 'CI', 'SystemRoot'];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return {
    ...env,
    PATH: path.join(delimiter),
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    NO_UPDATE_NOTIFIER: '1',
    DO_NOT_TRACK: '1',
    DENO_NO_UPDATE_CHECK: '1',
    DENO_DIR: join(dir, 'deno-dir'),
    npm_config_userconfig: userRc,
    npm_config_globalconfig: globalRc,
    npm_config_cache: npmCache,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_progress: 'false',
    npm_config_proxy: NOWHERE,
    npm_config_https_proxy: NOWHERE,
    npm_config_noproxy: '127.0.0.1,localhost',
  };
}
