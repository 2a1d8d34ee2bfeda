/**
 * The release steps that need `@minimax-ts/mock` as a published package: installed by name next to the SDK, its
 * bin started in the consumer (`npx minimax-mock --port 0`), its MSW handlers (`@minimax-ts/mock/msw`) driving a
 * vitest test there. They run as soon as `packages/mock/package.json` is publishable; until then the release test
 * says, loudly, what is missing.
 */
import { join } from 'node:path';
import { type Daemon, run, startDaemon } from './child-process.ts';
import type { ConsumerProject } from './consumer.ts';
import { binNames, type PackageJson, readPackageJson } from './workspace-packages.ts';

export const MOCK_PACKAGE = '@minimax-ts/mock';
const MOCK_BIN = 'minimax-mock';

/** What keeps `packages/mock` from being published and used by name; empty when nothing does. */
export async function mockPackageGaps(repoRoot: string): Promise<string[]> {
  const manifest: PackageJson = await readPackageJson(join(repoRoot, 'packages/mock/package.json'));
  const gaps: string[] = [];
  if (manifest.private === true) gaps.push('it is "private": true');
  if (!binNames(manifest).includes(MOCK_BIN)) gaps.push(`it has no "${MOCK_BIN}" bin`);
  if (!manifest.exports || !('./msw' in manifest.exports)) gaps.push('it exports no "./msw" entry');
  return gaps;
}

/**
 * The mock's bin, started from the consumer project the way its README tells a user; a task finishes on its first
 * poll (`--task-polls 1`), so the smokes' video tasks take one poll interval, not three.
 */
export async function startMockBin(consumer: ConsumerProject, timeoutMs: number): Promise<Daemon & { url: string }> {
  const args = ['--offline', MOCK_BIN, '--port', '0', '--task-polls', '1', '--quiet', '--no-watch'];
  const daemon = await startDaemon('npx', args, {
    cwd: consumer.dir,
    env: consumer.env,
    timeoutMs,
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return { ...daemon, url: daemon.match[1]! };
}

/** The consumer's own vitest run of the MSW template test (`msw-smoke.test.ts`), with `node` (default: this one). */
export async function runMswTest(
  consumer: ConsumerProject,
  timeoutMs: number,
  node = process.execPath,
): Promise<string> {
  const vitest = join(consumer.dir, 'node_modules/vitest/vitest.mjs');
  const { stdout, stderr } = await run(node, [vitest, 'run', 'msw-smoke.test.ts'], {
    cwd: consumer.dir,
    env: consumer.env,
    timeoutMs,
  });
  return stdout + stderr;
}
