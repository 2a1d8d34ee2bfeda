/**
 * What a candidate does to the SDK, measured rather than guessed: the client regenerated from the candidate's
 * effective spec into a temporary folder, `packages/sdk` typechecked against it, and the sdk's contract tests run
 * against a mock serving the candidate. Slow (≈ 35 s): `--no-impact` skips it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { serializeSpec } from '../build.ts';
import { generateClient } from '../generate-client.ts';
import type { OpenAPIDocument } from '../overlay.ts';
import type { RepoLayout } from './paths.ts';
import type { SdkMap } from './sdk-methods.ts';

export interface TypecheckError {
  /** Relative to the repository root. */
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
  /** SDK methods whose source the error is in. */
  sdkMethods: string[];
}

export interface StepResult {
  ran: boolean;
  ok: boolean;
  /** Why it did not run, or what went wrong running it. */
  note?: string;
  durationMs: number;
}

export interface ImpactResult {
  generated: StepResult & { changedFiles: string[] };
  typecheck: StepResult & { errors: TypecheckError[]; baselineErrors: number };
  contract: StepResult & { passed: number; failed: Array<{ name: string; file: string; message: string }> };
}

export interface ImpactOptions {
  layout: RepoLayout;
  /** The repository whose node_modules provide tsc and vitest. */
  toolRoot: string;
  /** The candidate after overlays. */
  effective: OpenAPIDocument;
  sdk: SdkMap | undefined;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export async function measureImpact(options: ImpactOptions): Promise<ImpactResult> {
  const log = options.log ?? (() => {});
  const work = await mkdtemp(join(tmpdir(), 'spec-diff-'));
  const link = join(work, 'node_modules');
  try {
    const specPath = join(work, 'minimax.openapi.json');
    await writeFile(specPath, serializeSpec(options.effective));
    // Generated code imports `zod`: resolve it (and @types/node) from the repository's node_modules.
    await symlink(join(options.toolRoot, 'node_modules'), link, 'dir');

    log('spec-diff: regenerating the client from the candidate…');
    const generatedDir = join(work, 'generated');
    const generated = await timed(async () => {
      await generateClient({ input: specPath, output: generatedDir });
      return { changedFiles: await diffTrees(generatedDir, options.layout.generatedSrc) };
    });
    if (!generated.ok) {
      const skipped = { ran: false, ok: false, note: 'not run: the client could not be generated', durationMs: 0 };
      return {
        generated: { ...generated, changedFiles: generated.value?.changedFiles ?? [] },
        typecheck: { ...skipped, errors: [], baselineErrors: 0 },
        contract: { ...skipped, passed: 0, failed: [] },
      };
    }

    log('spec-diff: typechecking packages/sdk and running its contract tests against the candidate…');
    const [typecheck, contract] = await Promise.all([
      typecheckSdk(options, work, generatedDir),
      contractTests(options, work, specPath),
    ]);
    return { generated: { ...generated, changedFiles: generated.value?.changedFiles ?? [] }, typecheck, contract };
  } finally {
    // Remove the link first: the repository's node_modules must never be at the mercy of a recursive delete.
    await unlink(link).catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

async function typecheckSdk(
  options: ImpactOptions,
  work: string,
  generatedDir: string,
): Promise<ImpactResult['typecheck']> {
  const started = Date.now();
  const run = async (dir: string, name: string) => {
    const config = join(work, name);
    await writeFile(
      config,
      JSON.stringify(
        {
          extends: options.layout.tsconfigBase,
          compilerOptions: {
            types: ['node'],
            noEmit: true,
            paths: {
              '@minimax-ts/generated': [join(dir, 'index.ts')],
              '@minimax-ts/generated/zod': [join(dir, 'zod.gen.ts')],
            },
          },
          include: [join(options.layout.sdkSrc, '**/*.ts')],
        },
        null,
        2,
      ),
    );
    const tsc = join(options.toolRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await exec(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: work });
    return { ...result, errors: parseTscOutput(result.stdout, options.layout.root, options.sdk, work) };
  };
  const candidate = await run(generatedDir, 'tsconfig.candidate.json');
  if (candidate.code !== 0 && candidate.errors.length === 0) {
    return {
      ran: true,
      ok: false,
      note: `tsc failed: ${firstLine(candidate.stdout + candidate.stderr)}`,
      durationMs: Date.now() - started,
      errors: [],
      baselineErrors: 0,
    };
  }
  let errors = candidate.errors;
  let baselineErrors = 0;
  if (errors.length > 0) {
    // Only errors the candidate causes: the SDK may already have some (work in progress on another branch).
    const baseline = await run(options.layout.generatedSrc, 'tsconfig.baseline.json');
    const known = new Set(baseline.errors.map(errorKey));
    baselineErrors = baseline.errors.length;
    errors = errors.filter((e) => !known.has(errorKey(e)));
  }
  return {
    ran: true,
    ok: errors.length === 0,
    ...(baselineErrors > 0 && { note: `${baselineErrors} error(s) already there without the candidate, not counted` }),
    durationMs: Date.now() - started,
    errors,
    baselineErrors,
  };
}

/** `src/x.ts(12,5): error TS2339: Property 'a' does not exist…` lines, with the SDK method each is in. */
export function parseTscOutput(
  output: string,
  root: string,
  sdk: SdkMap | undefined,
  /** tsc prints paths relative to the folder it ran in (a temp folder, not the repository). */
  cwd: string = root,
): TypecheckError[] {
  const errors: TypecheckError[] = [];
  for (const line of output.split('\n')) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (!m) {
      const last = errors.at(-1);
      if (last && line.startsWith('  ')) last.message += ` ${line.trim()}`;
      continue;
    }
    const [, file = '', lineNo = '0', col = '0', code = '', message = ''] = m;
    const absolute = isAbsolute(file) ? file : resolve(cwd, file);
    const rel = relative(root, absolute).split('\\').join('/');
    const inSdk = rel.startsWith('packages/sdk/src/') ? rel.slice('packages/sdk/src/'.length) : undefined;
    errors.push({
      file: rel,
      line: Number(lineNo),
      column: Number(col),
      code,
      message,
      sdkMethods: inSdk && sdk ? sdk.methodsAt(inSdk, Number(lineNo)) : [],
    });
  }
  return errors;
}

const errorKey = (e: TypecheckError) => `${e.file}\u0000${e.code}\u0000${e.message}`;

async function contractTests(
  options: ImpactOptions,
  work: string,
  specPath: string,
): Promise<ImpactResult['contract']> {
  const started = Date.now();
  const fixture = await readFile(options.layout.mockFixture, 'utf8').catch(() => '');
  if (!fixture.includes('MINIMAX_MOCK_SPEC')) {
    return {
      ran: false,
      ok: true,
      note: `not run: ${relative(options.layout.root, options.layout.mockFixture)} does not read MINIMAX_MOCK_SPEC`,
      durationMs: 0,
      passed: 0,
      failed: [],
    };
  }
  const run = async (spec: string | undefined, name: string) => {
    const out = join(work, name);
    const vitest = join(options.toolRoot, 'node_modules', 'vitest', 'vitest.mjs');
    const { MINIMAX_MOCK_SPEC: _inherited, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = spec === undefined ? inherited : { ...inherited, MINIMAX_MOCK_SPEC: spec };
    const result = await exec(
      process.execPath,
      [
        vitest,
        'run',
        '--project',
        'sdk',
        relative(options.layout.root, options.layout.sdkContractTests),
        '--reporter=json',
        `--outputFile=${out}`,
      ],
      { cwd: options.layout.root, env },
    );
    const report = await readFile(out, 'utf8')
      .then((t) => JSON.parse(t) as VitestReport)
      .catch(() => undefined);
    return { result, report };
  };
  const { result, report } = await run(specPath, 'contract.json');
  if (!report) {
    return {
      ran: true,
      ok: false,
      note: `vitest produced no report: ${firstLine(result.stderr || result.stdout)}`,
      durationMs: Date.now() - started,
      passed: 0,
      failed: [],
    };
  }
  let failed = failures(report, options.layout.root);
  let note: string | undefined;
  if (failed.length > 0) {
    // Tests that fail against the committed spec too are not the candidate's doing.
    const baseline = await run(undefined, 'contract-baseline.json');
    const known = new Set(baseline.report ? failures(baseline.report, options.layout.root).map((f) => f.name) : []);
    if (known.size > 0) note = `${known.size} test(s) fail without the candidate too, not counted`;
    failed = failed.filter((f) => !known.has(f.name));
  }
  return {
    ran: true,
    ok: failed.length === 0,
    ...(note && { note }),
    durationMs: Date.now() - started,
    passed: report.numPassedTests ?? 0,
    failed,
  };
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: Array<{
    name: string;
    message?: string;
    status?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}

function failures(report: VitestReport, root: string): Array<{ name: string; file: string; message: string }> {
  const out: Array<{ name: string; file: string; message: string }> = [];
  for (const file of report.testResults ?? []) {
    const rel = relative(root, file.name).split('\\').join('/');
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) {
      out.push({ name: a.fullName, file: rel, message: firstLine(a.failureMessages?.[0] ?? '') });
    }
    if (failedTests.length === 0 && file.status === 'failed') {
      out.push({ name: `${rel} (file failed to run)`, file: rel, message: firstLine(file.message ?? '') });
    }
  }
  return out;
}

async function diffTrees(candidateDir: string, committedDir: string): Promise<string[]> {
  const list = async (dir: string) =>
    new Set(
      (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')),
    );
  const [a, b] = await Promise.all([list(candidateDir), list(committedDir)]);
  const changed: string[] = [];
  for (const f of new Set([...a, ...b])) {
    const [x, y] = await Promise.all([
      readFile(join(candidateDir, f), 'utf8').catch(() => undefined),
      readFile(join(committedDir, f), 'utf8').catch(() => undefined),
    ]);
    if (x !== y) changed.push(f);
  }
  return changed.sort();
}

async function timed<T>(fn: () => Promise<T>): Promise<StepResult & { value?: T }> {
  const started = Date.now();
  try {
    const value = await fn();
    return { ran: true, ok: true, durationMs: Date.now() - started, value };
  } catch (error) {
    return { ran: true, ok: false, note: firstLine((error as Error).message), durationMs: Date.now() - started };
  }
}

interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 300);
}
