/**
 * spec-diff end to end: load both specs, diff them, check the overlays, measure the impact on the SDK, render the
 * report, and with `update` accept the candidate. Returns the exit code rather than exiting, for tests.
 */

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { findDanglingRefs } from '../spec-check.ts';
import { diffSpecs, operationReach } from './diff.ts';
import { measureImpact } from './impact.ts';
import {
  checkOpenAPI,
  type LoadedSpec,
  loadSpecSource,
  oneLine,
  parseDocument,
  refTarget,
  SpecDiffInputError,
} from './load.ts';
import { checkOverlays, targetPlaces } from './overlay-check.ts';
import { readEnv, repoLayout, toolRoot } from './paths.ts';
import { join } from './pointer.ts';
import {
  type ExitCode,
  exitCodeFor,
  type OverlayFailure,
  renderJson,
  renderMarkdown,
  type SpecDiffReport,
} from './report.ts';
import { type SdkMap, scanSdk } from './sdk-methods.ts';
import { acceptCandidate } from './update.ts';

export interface RunOptions {
  /** Path or http(s) URL of the candidate upstream spec. */
  candidate: string;
  json?: boolean;
  /** Accept the candidate (refused while overlays fail to apply). */
  update?: boolean;
  /** Regenerate, typecheck and run contract tests (default true; `--no-impact` turns it off). */
  impact?: boolean;
  /** Repository root to read and write (default: SPEC_DIFF_ROOT, else this repository). */
  root?: string;
  /** Where relative candidate paths start from. */
  cwd?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunResult {
  exitCode: ExitCode;
  /** The report (Markdown or JSON); empty when the input could not be read. */
  output: string;
  /** One line for stderr when exitCode is 3. */
  error?: string;
  report?: SpecDiffReport;
}

export async function runSpecDiff(options: RunOptions): Promise<RunResult> {
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof SpecDiffInputError) return { exitCode: 3, output: '', error: error.message };
    const err = error as Error;
    if (readEnv('SPEC_DIFF_DEBUG')) console.error(err.stack);
    return { exitCode: 3, output: '', error: `${err.name ?? 'Error'}: ${oneLine(err.message ?? String(err))}` };
  }
}

async function run(options: RunOptions): Promise<RunResult> {
  const layout = repoLayout(options.root);
  const log = options.log ?? (() => {});
  const base = await loadVendored(layout.upstream, layout.root);
  const tolerated = new Set(findDanglingRefs(base.doc).map(refTarget));
  const candidate = await loadSpecSource(options.candidate, {
    cwd: options.cwd ?? readEnv('INIT_CWD') ?? process.cwd(),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    toleratedRefs: tolerated,
  });

  const changes = diffSpecs(base.doc, candidate.doc);
  const overlays = await checkOverlays(candidate.doc, layout.overlays);
  const sdk = await loadSdkMap(layout.sdkSrc, layout.effective);
  const methodsOf = (operations: string[]) =>
    [...new Set(operations.flatMap((id) => sdk?.byOperationId.get(id) ?? []))].sort();
  for (const change of changes) {
    if (change.kind !== 'documentation-changed') change.sdkMethods = methodsOf(change.operations);
  }
  const reach = operationReach(candidate.doc, candidate.doc);
  const failures: OverlayFailure[] = overlays.problems.map((p) => {
    const places = targetPlaces(p.target);
    const operations = [
      ...new Set([
        ...places.paths.flatMap((path) => reach.operationsAt(join('/paths', path))),
        ...places.schemas.flatMap((schema) => reach.operationsAt(join('/components/schemas', schema))),
      ]),
    ];
    return { ...p, operations, sdkMethods: methodsOf(operations) };
  });

  let impact: SpecDiffReport['impact'];
  let impactSkipped: string | undefined;
  if (options.impact === false) impactSkipped = '--no-impact';
  else if (!overlays.ok) impactSkipped = 'the overlays do not apply to the candidate';
  else if (changes.length === 0) impactSkipped = 'nothing changed';
  else {
    impact = await measureImpact({ layout, toolRoot, effective: overlays.effective, sdk, log });
  }

  const impactFailures =
    failures.length +
    overlays.buildErrors.length +
    (impact ? Number(!impact.generated.ok) + impact.typecheck.errors.length + impact.contract.failed.length : 0) +
    (impact && !impact.typecheck.ok && impact.typecheck.errors.length === 0 ? 1 : 0) +
    (impact && !impact.contract.ok && impact.contract.failed.length === 0 ? 1 : 0);
  const affected = new Set([
    ...changes.flatMap((c) => c.sdkMethods),
    ...failures.flatMap((f) => f.sdkMethods),
    ...(impact?.typecheck.errors.flatMap((e) => e.sdkMethods) ?? []),
  ]);
  const draft: Omit<SpecDiffReport, 'exitCode'> = {
    candidate: { source: options.candidate, sha256: candidate.sha256, format: candidate.format },
    base: { path: relative(layout.root, layout.upstream).split('\\').join('/'), sha256: base.sha256 },
    identical: candidate.sha256 === base.sha256,
    summary: {
      breaking: changes.filter((c) => c.severity === 'breaking').length,
      nonBreaking: changes.filter((c) => c.severity === 'non-breaking').length,
      impactFailures,
    },
    affectedSdkMethods: [...affected].sort(),
    changes,
    overlays: {
      ok: overlays.ok,
      overlayCount: overlays.overlayCount,
      actionCount: overlays.actionCount,
      failures,
      buildErrors: overlays.buildErrors,
    },
    ...(impact && { impact }),
    ...(impactSkipped && { impactSkipped }),
  };
  const report: SpecDiffReport = { ...draft, exitCode: exitCodeFor(draft) };
  const render = () => (options.json ? renderJson(report) : renderMarkdown(report));

  if (options.update) {
    if (!overlays.ok) {
      const first = failures[0];
      const what = first
        ? `${failures.length} overlay action(s) no longer apply (first: ${first.overlay} action #${first.index + 1}, ${first.target})`
        : `the effective spec does not build (${oneLine(overlays.buildErrors[0] ?? '')})`;
      report.exitCode = 3;
      return {
        exitCode: 3,
        output: render(),
        error: `refusing to --update: ${what}; fix spec/overlays first`,
        report,
      };
    }
    if (report.identical) report.update = { written: [] };
    else {
      log('spec-diff: accepting the candidate (vendored file, hash, effective spec, generated client)…');
      report.update = { written: await acceptCandidate(layout, candidate, overlays.effective) };
    }
  }
  return { exitCode: report.exitCode, output: render(), report };
}

async function loadVendored(path: string, root: string): Promise<{ doc: Record<string, unknown>; sha256: string }> {
  const rel = relative(root, path) || path;
  const bytes = await readFile(path).catch(() => {
    throw new SpecDiffInputError(`${rel}: the vendored upstream spec is missing`);
  });
  const { doc } = parseDocument(bytes.toString('utf8'), rel);
  checkOpenAPI(doc, rel, new Set(findDanglingRefs(doc as Record<string, unknown>).map(refTarget)));
  return { doc, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The operation → SDK method map; a tree without the SDK (a bare test layout) simply names no methods. */
async function loadSdkMap(sdkSrc: string, effectivePath: string): Promise<SdkMap | undefined> {
  const spec = await readFile(effectivePath, 'utf8')
    .then((t) => JSON.parse(t) as unknown)
    .catch(() => undefined);
  if (spec === undefined) return undefined;
  return scanSdk(sdkSrc, spec).catch(() => undefined);
}

export type { LoadedSpec };
