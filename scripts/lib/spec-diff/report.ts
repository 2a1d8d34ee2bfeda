/** The spec-diff report: one object (`--json`), rendered as Markdown for a pull-request comment by default. */
import type { OverlayProblem } from '../overlay.ts';
import type { ImpactResult } from './impact.ts';
import type { Change } from './model.ts';

/** 0 no change, 1 breaking (or an overlay/typecheck/contract failure), 2 non-breaking only, 3 error. */
export type ExitCode = 0 | 1 | 2 | 3;

export interface OverlayFailure extends OverlayProblem {
  operations: string[];
  sdkMethods: string[];
}

export interface SpecDiffReport {
  candidate: { source: string; sha256: string; format: 'json' | 'yaml' };
  base: { path: string; sha256: string };
  /** Same bytes as the vendored file. */
  identical: boolean;
  summary: {
    breaking: number;
    nonBreaking: number;
    /** Overlay actions that no longer apply, new typecheck errors, new contract-test failures. */
    impactFailures: number;
  };
  exitCode: ExitCode;
  /** Every SDK method a change, a failing overlay or a typecheck error touches. */
  affectedSdkMethods: string[];
  changes: Change[];
  overlays: {
    ok: boolean;
    overlayCount: number;
    actionCount: number;
    failures: OverlayFailure[];
    buildErrors: string[];
  };
  /** Absent with `--no-impact`, or when the overlays fail (nothing to generate from). */
  impact?: ImpactResult;
  impactSkipped?: string;
  /** Set by `--update`. */
  update?: { written: string[] };
}

export function exitCodeFor(report: Omit<SpecDiffReport, 'exitCode'>): ExitCode {
  if (report.summary.breaking > 0 || report.summary.impactFailures > 0) return 1;
  if (report.summary.nonBreaking > 0) return 2;
  return 0;
}

const MAX_LIST = 8;

export function renderMarkdown(report: SpecDiffReport): string {
  const out: string[] = [];
  const { breaking, nonBreaking, impactFailures } = report.summary;
  const verdict =
    breaking > 0 || impactFailures > 0
      ? '❌ breaking for SDK users'
      : nonBreaking > 0
        ? '⚠️ non-breaking changes only'
        : report.identical
          ? '✅ no change'
          : '✅ no structural change';
  out.push(`## spec-diff: ${verdict}`, '');
  if (report.exitCode === 3) out.push('**`--update` refused**: the overlays must apply to the candidate first.', '');
  out.push(
    `Candidate \`${report.candidate.source}\` (sha256 \`${report.candidate.sha256.slice(0, 12)}…\`) against ` +
      `\`${report.base.path}\` (sha256 \`${report.base.sha256.slice(0, 12)}…\`).`,
    '',
  );
  const parts = [`**${breaking} breaking**`, `**${nonBreaking} non-breaking** change(s)`];
  if (impactFailures > 0) parts.push(`**${impactFailures} impact failure(s)**`);
  out.push(`${parts.join(', ')}.`);
  if (report.affectedSdkMethods.length > 0) {
    out.push('', `Affected SDK methods: ${report.affectedSdkMethods.map(code).join(', ')}.`);
  }
  if (report.update) {
    const { written } = report.update;
    out.push(
      '',
      written.length > 0
        ? `Accepted with \`--update\`: wrote ${written.map(code).join(', ')}.`
        : 'Nothing to accept with `--update`: the candidate is the vendored file, byte for byte.',
    );
  }

  const docs = report.changes.filter((c) => c.kind === 'documentation-changed');
  const structural = report.changes.filter((c) => c.kind !== 'documentation-changed');
  for (const severity of ['breaking', 'non-breaking'] as const) {
    const rows = structural.filter((c) => c.severity === severity);
    if (rows.length === 0) continue;
    out.push('', `### ${severity === 'breaking' ? 'Breaking' : 'Non-breaking'} (${rows.length})`, '');
    out.push('| change | where | pointer (candidate) | SDK methods |', '|---|---|---|---|');
    for (const c of rows) {
      const where = [c.where, c.operations.length > 0 ? `in ${shortList(c.operations.map(code))}` : '']
        .filter(Boolean)
        .join(' ');
      out.push(
        `| ${cell(c.message)} | ${cell(where)} | ${code(c.pointer || '/')} | ${cell(shortList(c.sdkMethods.map(code)))} |`,
      );
    }
  }
  if (docs.length > 0) {
    out.push(
      '',
      `<details><summary>Documentation only (${docs.length}): descriptions, examples, extensions</summary>`,
      '',
    );
    for (const c of docs.slice(0, 50)) out.push(`- ${code(c.pointer || '/')}: ${c.message}`);
    if (docs.length > 50) out.push(`- … and ${docs.length - 50} more (see \`--json\`)`);
    out.push('', '</details>');
  }

  out.push('', '### Impact', '');
  const o = report.overlays;
  if (o.failures.length === 0 && o.buildErrors.length === 0) {
    out.push(`- Overlays: ✅ all ${o.actionCount} actions of ${o.overlayCount} overlays apply.`);
  } else {
    if (o.failures.length > 0) {
      out.push(`- Overlays: ❌ ${o.failures.length} action(s) no longer apply (fix them before \`--update\`):`);
      for (const f of o.failures) {
        const where = f.index >= 0 ? `action #${f.index + 1} \`${f.target}\`` : 'overlay';
        const methods = f.sdkMethods.length > 0 ? ` — affects ${shortList(f.sdkMethods.map(code))}` : '';
        out.push(
          `  - \`${f.overlay}\` ${where}: ${f.reason}${f.description ? ` (${oneLine(f.description)})` : ''}${methods}`,
        );
      }
    }
    for (const e of o.buildErrors.slice(0, 10)) out.push(`- Effective spec: ❌ ${oneLine(e)}`);
  }
  const impact = report.impact;
  if (!impact) {
    out.push(`- Client, typecheck, contract tests: not run (${report.impactSkipped ?? 'skipped'}).`);
  } else {
    const g = impact.generated;
    out.push(
      g.ok
        ? `- Generated client: ${g.changedFiles.length === 0 ? 'unchanged' : `${g.changedFiles.length} file(s) change: ${g.changedFiles.map(code).join(', ')}`} (${seconds(g.durationMs)}).`
        : `- Generated client: ❌ generation failed: ${g.note ?? ''}`,
    );
    const t = impact.typecheck;
    if (!t.ran) out.push(`- Typecheck of \`packages/sdk\`: ${t.note ?? 'not run'}.`);
    else if (t.ok)
      out.push(`- Typecheck of \`packages/sdk\`: ✅ passes against the regenerated client (${seconds(t.durationMs)}).`);
    else {
      out.push(
        `- Typecheck of \`packages/sdk\`: ❌ ${t.errors.length || ''} error(s) against the regenerated client${t.note ? ` (${t.note})` : ''}:`,
      );
      for (const e of t.errors.slice(0, 20)) {
        const methods = e.sdkMethods.length > 0 ? ` (in ${e.sdkMethods.map(code).join(', ')})` : '';
        out.push(`  - \`${e.file}:${e.line}\` ${e.code}: ${cell(e.message)}${methods}`);
      }
      if (t.errors.length > 20) out.push(`  - … and ${t.errors.length - 20} more`);
    }
    const k = impact.contract;
    if (!k.ran) out.push(`- Contract tests: ${k.note ?? 'not run'}.`);
    else if (k.ok) {
      out.push(
        `- Contract tests against a mock of the candidate: ✅ ${k.passed} passed (${seconds(k.durationMs)})${k.note ? `; ${k.note}` : ''}.`,
      );
    } else {
      out.push(
        `- Contract tests against a mock of the candidate: ❌ ${k.failed.length} failed${k.note ? ` (${k.note})` : ''}:`,
      );
      for (const f of k.failed.slice(0, 20)) out.push(`  - ${cell(f.name)} (\`${f.file}\`): ${cell(f.message)}`);
    }
  }
  out.push('', `Exit code ${report.exitCode}. Rules: README, section *spec-diff*.`);
  return `${out.join('\n')}\n`;
}

export function renderJson(report: SpecDiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shortList(items: string[]): string {
  if (items.length <= MAX_LIST) return items.join(', ');
  return `${items.slice(0, MAX_LIST).join(', ')} and ${items.length - MAX_LIST} more`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
