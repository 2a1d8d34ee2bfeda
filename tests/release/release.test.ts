/**
 * The release test (`npm run test:release`, the last step of `npm test`): what a new user outside this repository
 * gets. The public packages are built, versioned by changesets and published to a real registry (Verdaccio on
 * 127.0.0.1, no uplinks); a fresh project installs them by name and compiles a strict-TS consumer against them;
 * the consumer is bundled for browsers and then runs on every runtime of the matrix (Node 20/22/24, Bun, Deno)
 * against a MiniMax mock, and the AI SDK provider runs under `ai` 6 on Node 20. A second fresh project runs what
 * needs Node ≥ 22 under the pinned Node 24: the provider under `ai` 7, the mock's MSW handlers under msw 3. Nothing
 * leaves 127.0.0.1: third-party packages come from the npm cache that `npm ci` and `npm run runtimes:install` filled.
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
import {
  createNode24Consumer,
  readRuntimesLockfile,
  runAi7Smoke,
  runtimesPinGaps,
} from '../../scripts/release/node24-consumer.ts';
import { type LocalRegistry, startRegistry } from '../../scripts/release/registry.ts';
import { findRuntimes, type Runtime, type RuntimeFound } from '../../scripts/release/runtimes.ts';
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
  'speech session',
  'speech session refused',
  'transcription',
  'video v2',
  'responses stream',
  'models',
  'abort',
  'API error',
];
const AI_SDK_CHECKS = ['generateText', 'streamText', 'error'];
const AI_SDK = `${SCOPE}/ai-sdk`;
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
/** The compiled AI SDK smoke, `dist/ai-sdk-smoke.js`. */
let aiSdkScript: string | undefined;
let mockGaps: string[] = [];
let mockBin: (Daemon & { url: string }) | undefined;
let workspaceMock: MockServer | undefined;
let runtimes: Promise<Runtime[]> | undefined;

/** The runtimes of the matrix, looked up once. */
function matrix(): Promise<Runtime[]> {
  runtimes ??= findRuntimes(repoRoot, need(env, 'environment'));
  return runtimes;
}

/** A runtime of the matrix, or a loud skip saying why it is not there. */
async function runtimeOrSkip(
  name: string,
  what: string,
  skip: (note: string) => never,
): Promise<Runtime & RuntimeFound> {
  const runtime = (await matrix()).find((r) => r.name === name);
  if (!runtime || 'missing' in runtime) {
    skipLoudly(skip, what, runtime && 'missing' in runtime ? runtime.missing : `${name} is not in the matrix`);
  }
  return runtime;
}

/** The mock every smoke talks to: the published bin when there is one; until then the workspace mock, in-process. */
async function mockUrl(): Promise<string> {
  if (mockBin) return mockBin.url;
  workspaceMock ??= await startMock({ port: 0, streamDelayMs: 5, taskPolls: 1 });
  return workspaceMock.url;
}

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
    const tools = ['typescript', 'esbuild', 'ai', '@types/node', ...(withMock ? ['vitest', 'msw'] : [])];
    const project = await createConsumer({
      dir: join(need(work, 'temp folder'), 'consumer'),
      repoRoot,
      registry: need(registry, 'registry'),
      lock: await readRootLockfile(repoRoot),
      tools,
      extras: [...new Set(packages.flatMap((p) => thirdPartyDependencies(p.manifest, SCOPE)))],
      templates: [
        'smoke.ts',
        'ai-sdk-smoke.ts',
        'tsconfig.json',
        'tsconfig.ai-sdk.json',
        ...(withMock ? ['msw-smoke.test.ts'] : []),
      ],
      env: need(env, 'environment'),
    });
    const names = [`${SCOPE}/sdk`, AI_SDK, ...(withMock ? [MOCK_PACKAGE] : [])];
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

  it(`compiles the ${AI_SDK} smoke (ai 6) with strict tsc`, { timeout: 5 * MINUTE }, async () => {
    const project = need(consumer, 'consumer project');
    const started = Date.now();
    await compileConsumer(project, 4 * MINUTE, 'tsconfig.ai-sdk.json');
    aiSdkScript = join(project.dir, 'dist/ai-sdk-smoke.js');
    log(
      `tsc of the AI SDK smoke (strict but exactOptionalPropertyTypes, see its tsconfig) in ${seconds(Date.now() - started)}`,
    );
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
    const project = need(consumer, 'consumer project');
    const started = Date.now();
    const output = await runMswTest(project, 4 * MINUTE);
    log(`msw ${await installedVersion(project, 'msw')} test on Node 20 in ${seconds(Date.now() - started)}`);
    expect(output).toMatch(/Tests\s+3 passed/);
  });
});

describe('runtime matrix: the consumer smoke on every runtime', () => {
  beforeAll(async () => {
    log(`mock for the matrix: ${await mockUrl()} (${mockBin ? 'installed by name' : 'workspace sources'})`);
  }, MINUTE);

  it.for(RUNTIMES)('%s', { timeout: 3 * MINUTE }, async (name, { skip }) => {
    const runtime = await runtimeOrSkip(name, `the smoke on ${name}`, skip);
    const project = need(consumer, 'consumer project');
    const url = new URL(await mockUrl());
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

  it(`Node 20: ${AI_SDK} under ai 6 (generateText, streamText)`, { timeout: 2 * MINUTE }, async () => {
    const project = need(consumer, 'consumer project');
    const url = new URL(await mockUrl());
    const { stdout, ms } = await run(process.execPath, [need(aiSdkScript, 'compiled AI SDK smoke')], {
      cwd: project.dir,
      env: { ...project.env, MINIMAX_API_KEY: 'release-test-key', MINIMAX_BASE_URL: url.origin },
      timeoutMs: MINUTE,
    });
    log(`ai-sdk smoke, ai ${await installedVersion(project, 'ai')}, Node 20, in ${seconds(ms)}:\n${stdout.trimEnd()}`);
    for (const check of AI_SDK_CHECKS) expect(stdout).toContain(`ok ${check}:`);
    expect(stdout).toContain('ai-sdk smoke: every check ok');
  });
});

describe('Node 24 consumer: ai 7 and msw 3, installed next to the packages by name', () => {
  let node24: string | undefined;
  let project: ConsumerProject | undefined;

  it('installs ai 7, msw 3 and the packages by name into a second project', { timeout: 5 * MINUTE }, async ({
    skip,
  }) => {
    const packages = need(staged, 'published packages');
    if (mockGaps.length > 0) skipLoudly(skip, 'the Node 24 consumer', `${MOCK_PACKAGE} is not publishable yet`);
    node24 = (await runtimeOrSkip('Node 24', 'the Node 24 consumer', skip)).command.file;
    const lock = await readRuntimesLockfile(repoRoot);
    // The runtimes lockfile must hold what the published packages pin: a drift is this repository's to fix.
    expect(
      runtimesPinGaps(
        lock,
        packages.map((p) => p.manifest),
      ),
    ).toEqual([]);
    const dir = join(need(work, 'temp folder'), 'consumer-node24');
    await mkdir(dir);
    const candidate = await createNode24Consumer({
      dir,
      repoRoot,
      registry: need(registry, 'registry'),
      lock,
      extras: [...new Set(packages.flatMap((p) => thirdPartyDependencies(p.manifest, SCOPE)))],
      env: need(env, 'environment'),
    });
    const names = [`${SCOPE}/sdk`, AI_SDK, MOCK_PACKAGE];
    const started = Date.now();
    // A failed install is this machine's (the runtimes' tarballs are not in npm's cache), not the packages'.
    const { versions, cacheHits, requested } = await installByName(candidate, names, 4 * MINUTE).catch((error: Error) =>
      skipLoudly(
        skip,
        'the Node 24 consumer',
        `npm install failed (run \`npm run runtimes:install\`): ${error.message}`,
      ),
    );
    log(
      `Node 24 consumer: npm install ${names.join(' ')}: ${JSON.stringify(versions)} in ` +
        `${seconds(Date.now() - started)}; ${cacheHits} tarballs from the npm cache`,
    );
    expect(requested.filter((url) => !url.startsWith(need(registry, 'registry').url))).toEqual([]);
    expect(await installedVersion(candidate, 'ai')).toMatch(/^7\./);
    expect(await installedVersion(candidate, 'msw')).toMatch(/^3\./);
    project = candidate;
  });

  it(`runs packages/ai-sdk/test/ai7/smoke.mjs on Node 24 (${AI_SDK} under ai 7)`, {
    timeout: 3 * MINUTE,
  }, async ({ skip }) => {
    if (!project) skipLoudly(skip, 'the ai 7 smoke', 'the Node 24 consumer was not installed (see above)');
    const { stdout, ms } = await runAi7Smoke(project, need(node24, 'Node 24'), await mockUrl(), 2 * MINUTE);
    log(`ai 7 smoke in ${seconds(ms)}:\n${stdout.trimEnd()}`);
    expect(stdout).toMatch(/^node v24\.\S+, ai 7\./m);
    expect(stdout).not.toContain('FAIL');
    expect(stdout.match(/^ok /gm)?.length ?? 0).toBeGreaterThanOrEqual(8);
  });

  it('runs the MSW vitest test on Node 24 with msw 3', { timeout: 5 * MINUTE }, async ({ skip }) => {
    if (!project) skipLoudly(skip, 'the msw 3 test', 'the Node 24 consumer was not installed (see above)');
    const started = Date.now();
    const output = await runMswTest(project, 4 * MINUTE, need(node24, 'Node 24'));
    log(`msw ${await installedVersion(project, 'msw')} test on Node 24 in ${seconds(Date.now() - started)}`);
    expect(output).toMatch(/Tests\s+3 passed/);
  });
});
