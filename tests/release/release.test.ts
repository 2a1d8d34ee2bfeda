/**
 * The release test (`npm run test:release`, the last step of `npm test`): what a new user outside this repository
 * gets. The public packages are built, versioned by changesets and published to a real registry (Verdaccio on
 * 127.0.0.1, no uplinks); a fresh project installs them by name and compiles a strict-TS consumer against them;
 * the consumer is bundled for browsers and then runs on every runtime of the matrix (Node 20/22/24, Bun, Deno)
 * against a MiniMax mock. Nothing leaves 127.0.0.1: third-party packages come from the npm cache `npm ci` filled.
 * A step that cannot run (a runtime not installed, the mock not yet publishable) is skipped loudly, with why.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../scripts/release/browser-bundle.ts';
import { type Daemon, run } from '../../scripts/release/child-process.ts';
import {
  type ConsumerProject,
  compileConsumer,
  createConsumer,
  installByName,
  installedVersion,
  SCOPE,
} from '../../scripts/release/consumer.ts';
import { isolatedEnv, npmCacheDir } from '../../scripts/release/isolated-env.ts';
import { readRootLockfile } from '../../scripts/release/lockfile-seed.ts';
import { MOCK_PACKAGE, mockPackageGaps, runMswTest, startMockBin } from '../../scripts/release/mock-package.ts';
import { type LocalRegistry, startRegistry } from '../../scripts/release/registry.ts';
import { findRuntimes, type Runtime } from '../../scripts/release/runtimes.ts';
import { publishStaged, type StagedPackage, stageRelease } from '../../scripts/release/stage.ts';
import { thirdPartyDependencies } from '../../scripts/release/workspace-packages.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const MINUTE = 60_000;
const SMOKE_CHECKS = [
  'chat',
  'chat stream',
  'speech stream',
  'upload + content',
  'streamed upload',
  'abort',
  'API error',
];
const RUNTIMES = ['Node 20', 'Node 22', 'Node 24', 'Bun', 'Deno'];

const log = (line: string) => console.log(`[release] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A step's precondition: an earlier step left it, or that step failed (and said why). */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`an earlier step failed: no ${what}`);
  return value;
}

/** A skip that nobody can miss: a warning line in the output, and the reason as the test's skip note. */
function skipLoudly(skip: (note: string) => never, what: string, reason: string): never {
  console.warn(`\n!!! [release] SKIPPED ${what}: ${reason}\n`);
  return skip(reason);
}

let work: string | undefined;
let env: NodeJS.ProcessEnv | undefined;
let registry: LocalRegistry | undefined;
let staged: StagedPackage[] | undefined;
let consumer: ConsumerProject | undefined;
/** The compiled smoke, `dist/smoke.js` of the consumer. */
let smokeScript: string | undefined;
let mockGaps: string[] = [];
let mockBin: (Daemon & { url: string }) | undefined;
let workspaceMock: MockServer | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'minimax-ts-release-'));
  for (const sub of ['registry', 'stage', 'consumer']) await mkdir(join(work, sub));
  env = isolatedEnv(work, await npmCacheDir(repoRoot));
  mockGaps = await mockPackageGaps(repoRoot);
  log(`temp folder ${work}`);
});

afterAll(async () => {
  await mockBin?.stop();
  await workspaceMock?.close();
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('release: publish to a local registry, install by name, compile, bundle', () => {
  it('builds the packages (turbo: tsup, cached when nothing changed)', { timeout: 10 * MINUTE }, async () => {
    const { ms } = await run('npm', ['run', 'build'], { cwd: repoRoot, env: process.env, timeoutMs: 10 * MINUTE });
    log(`built in ${seconds(ms)}`);
  });

  it('versions with changesets and publishes every public package to Verdaccio', { timeout: 5 * MINUTE }, async () => {
    const dirs = need(work, 'temp folder');
    const childEnv = need(env, 'environment');
    const started = Date.now();
    registry = await startRegistry({ dir: join(dirs, 'registry'), repoRoot, env: childEnv, timeoutMs: MINUTE });
    log(`Verdaccio (no uplinks) at ${registry.url}, up in ${seconds(Date.now() - started)}`);
    const stage = { repoRoot, dir: join(dirs, 'stage'), env: childEnv, timeoutMs: 2 * MINUTE };
    staged = await stageRelease(stage);
    log(`changeset version: ${staged.map((p) => `${p.name}@${p.version}`).join(', ')}`);
    const output = await publishStaged({ ...stage, registry });
    for (const pkg of staged) {
      expect(output).toContain(`${pkg.name}@${pkg.version}`);
      const packument = (await (await fetch(new URL(pkg.name.replace('/', '%2f'), registry.url))).json()) as {
        'dist-tags'?: Record<string, string>;
      };
      expect(packument['dist-tags']?.latest, pkg.name).toBe(pkg.version);
    }
    expect(staged.map((p) => p.name)).toEqual(expect.arrayContaining([`${SCOPE}/sdk`, `${SCOPE}/generated`]));
    // `fixed` in .changeset/config.json: the SDK and its generated client always share a version.
    expect(new Set(staged.filter((p) => p.name !== MOCK_PACKAGE).map((p) => p.version)).size).toBe(1);
    log(`published in ${seconds(Date.now() - started)}`);
  });

  it('installs the packages by name into a fresh project outside the repository', {
    timeout: 10 * MINUTE,
  }, async () => {
    const packages = need(staged, 'published packages');
    const withMock = mockGaps.length === 0;
    const tools = ['typescript', 'esbuild', ...(withMock ? ['vitest', 'msw'] : [])];
    const project = await createConsumer({
      dir: join(need(work, 'temp folder'), 'consumer'),
      repoRoot,
      registry: need(registry, 'registry'),
      lock: await readRootLockfile(repoRoot),
      tools,
      extras: [...new Set(packages.flatMap((p) => thirdPartyDependencies(p.manifest, SCOPE)))],
      templates: ['smoke.ts', 'tsconfig.json', ...(withMock ? ['msw-smoke.test.ts'] : [])],
      env: need(env, 'environment'),
    });
    const names = [`${SCOPE}/sdk`, ...(withMock ? [MOCK_PACKAGE] : [])];
    const started = Date.now();
    const { versions, cacheHits, requested } = await installByName(project, names, 5 * MINUTE);
    log(
      `npm install ${names.join(' ')}: ${JSON.stringify(versions)} in ${seconds(Date.now() - started)}; ` +
        `${cacheHits} tarballs from the npm cache, ${requested.length} requests: ${requested.join(' ')}`,
    );
    for (const name of names) expect(versions[name]).toBe(packages.find((p) => p.name === name)?.version);
    // The generated client arrives as the SDK's dependency, at the same version.
    expect(await installedVersion(project, `${SCOPE}/generated`)).toBe(versions[`${SCOPE}/sdk`]);
    // Only the local registry was asked for anything; the rest came from the cache `npm ci` filled.
    expect(requested.filter((url) => !url.startsWith(need(registry, 'registry').url))).toEqual([]);
    consumer = project;
  });

  it('compiles the consumer smoke with strict tsc against the published types', { timeout: 5 * MINUTE }, async () => {
    const project = need(consumer, 'consumer project');
    const started = Date.now();
    await compileConsumer(project, 4 * MINUTE);
    smokeScript = join(project.dir, 'dist/smoke.js');
    log(`tsc (strict, exactOptionalPropertyTypes, no skipLibCheck) in ${seconds(Date.now() - started)}`);
  });

  it('bundles the consumer for browsers: no Node builtin, ws or zod in the initial load', {
    timeout: 2 * MINUTE,
  }, async () => {
    const project = need(consumer, 'consumer project');
    const report = await bundleForBrowser(project, 'smoke.ts', join(project.dir, 'bundle'), MINUTE);
    log(
      `browser bundle (esbuild, minified): ${report.initialBytes} B initial (${report.initialGzipBytes} B gzip), ` +
        `${report.totalBytes} B with lazy chunks; ${report.initialInputs.length} source files up front`,
    );
    expect(report.problems).toEqual([]);
    expect(report.initialInputs.some((input) => input.includes(`node_modules/${SCOPE}/sdk/`))).toBe(true);
  });
});

describe(`${MOCK_PACKAGE} installed by name`, () => {
  it('starts its bin in the consumer (npx minimax-mock --port 0)', { timeout: 2 * MINUTE }, async ({ skip }) => {
    if (mockGaps.length > 0) skipLoudly(skip, `${MOCK_PACKAGE} by name`, `not publishable yet: ${mockGaps.join('; ')}`);
    mockBin = await startMockBin(need(consumer, 'consumer project'), MINUTE);
    log(`minimax-mock (installed by name) at ${mockBin.url}`);
  });

  it('runs an MSW-based vitest test in the consumer', { timeout: 5 * MINUTE }, async ({ skip }) => {
    if (mockGaps.length > 0) skipLoudly(skip, `${MOCK_PACKAGE}/msw`, `not publishable yet: ${mockGaps.join('; ')}`);
    const output = await runMswTest(need(consumer, 'consumer project'), 4 * MINUTE);
    expect(output).toMatch(/Tests\s+3 passed/);
  });
});

describe('runtime matrix: the consumer smoke on every runtime', () => {
  let runtimes: Runtime[] = [];
  let mockUrl: string | undefined;

  beforeAll(async () => {
    runtimes = await findRuntimes(repoRoot, need(env, 'environment'));
    // The published mock's bin when there is one; until then the workspace mock, in this process.
    workspaceMock = mockBin ? undefined : await startMock({ port: 0, streamDelayMs: 5 });
    mockUrl = mockBin?.url ?? workspaceMock?.url;
    log(`mock for the matrix: ${mockUrl} (${mockBin ? 'installed by name' : 'workspace sources'})`);
  }, MINUTE);

  it.for(RUNTIMES)('%s', { timeout: 3 * MINUTE }, async (name, { skip }) => {
    const runtime = runtimes.find((r) => r.name === name);
    if (!runtime || 'missing' in runtime) {
      skipLoudly(skip, `the smoke on ${name}`, runtime && 'missing' in runtime ? runtime.missing : 'not found');
    }
    const project = need(consumer, 'consumer project');
    const url = new URL(need(mockUrl, 'mock'));
    const script = need(smokeScript, 'compiled smoke');
    const { stdout, ms } = await run(runtime.command.file, runtime.command.args(script, url.host), {
      cwd: project.dir,
      env: { ...project.env, MINIMAX_API_KEY: 'release-test-key', MINIMAX_BASE_URL: url.origin },
      timeoutMs: 2 * MINUTE,
    });
    log(`${name} (${runtime.version}) in ${seconds(ms)}:\n${stdout.trimEnd()}`);
    for (const check of SMOKE_CHECKS) expect(stdout).toContain(`ok ${check}:`);
    expect(stdout).toContain('consumer smoke: every check ok');
  });
});
