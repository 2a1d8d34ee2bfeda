/** The CI workflow cannot run here: keep it valid, scheduled and manual, and calling only project scripts. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../scripts/lib/spec-paths.ts';

const text = await readFile(join(repoRoot, '.github/workflows/spec-diff.yml'), 'utf8');
const workflow = parse(text);
const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
}
const steps: Step[] = Object.values(workflow.jobs as Record<string, { steps: Step[] }>).flatMap((job) => job.steps);

describe('.github/workflows/spec-diff.yml', () => {
  it('runs daily and on demand', () => {
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('runs only npm ci and project scripts (plus shell plumbing)', () => {
    const commands = steps
      .filter((s) => s.run)
      .flatMap((s) => (s.run as string).split('\n'))
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const plumbing =
      /^(set [+-]e|code=\$\?|echo "code=\$code" >> "\$GITHUB_OUTPUT"|if \[ .* \]; then exit 1; fi|exit 0|cat spec-diff-report\.md >> "\$GITHUB_STEP_SUMMARY")$/;
    for (const line of commands) {
      if (plumbing.test(line)) continue;
      if (line === 'npm ci') continue;
      const script = /^npm run (?:--silent )?([\w:-]+)/.exec(line)?.[1];
      expect(script, line).toBeDefined();
      expect(pkg.scripts, line).toHaveProperty(script as string);
    }
    expect(commands.some((l) => l.includes('npm run --silent spec:diff -- "$UPSTREAM_URL" --update'))).toBe(true);
  });

  it('opens or updates one pull request with the report when anything changed', () => {
    const pr = steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'));
    expect(pr?.if).toContain("steps.diff.outputs.code == '1'");
    expect(pr?.if).toContain("steps.diff.outputs.code == '2'");
    expect(pr?.with?.['body-path']).toBe('spec-diff-report.md');
    expect(pr?.with?.branch).toBe('spec-diff/upstream');
    expect(String(pr?.with?.['add-paths'])).toContain('packages/generated/src');
  });

  it('fetches the upstream file through spec:diff itself (no curl)', () => {
    expect(text).not.toMatch(/\b(curl|wget)\b/);
    expect(workflow.env.UPSTREAM_URL).toContain('minimax-ai-openapi.json');
  });
});
