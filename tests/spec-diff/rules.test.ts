/** The classification table, and the README's copy of it. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANGE_KINDS,
  type ChangeKind,
  type Direction,
  type Severity,
  type Variant,
} from '../../scripts/lib/spec-diff/model.ts';
import { classify } from '../../scripts/lib/spec-diff/rules.ts';
import { repoRoot } from '../../scripts/lib/spec-paths.ts';

const cases: Array<[ChangeKind, Direction | undefined, Variant | undefined, Severity]> = [
  ['operation-removed', undefined, undefined, 'breaking'],
  ['operation-added', undefined, undefined, 'non-breaking'],
  ['field-removed', 'response', undefined, 'breaking'],
  ['field-removed', 'request', undefined, 'breaking'],
  ['field-added', 'response', undefined, 'non-breaking'],
  ['field-added', 'request', 'optional', 'non-breaking'],
  ['field-added', 'request', 'required', 'breaking'],
  ['field-required', 'request', undefined, 'breaking'],
  ['field-optional', 'response', undefined, 'breaking'],
  ['enum-value-added', 'response', undefined, 'breaking'],
  ['enum-value-added', 'request', undefined, 'non-breaking'],
  ['enum-value-removed', 'response', undefined, 'breaking'],
  ['type-changed', 'request', 'narrowing', 'breaking'],
  ['type-changed', 'request', 'widening', 'non-breaking'],
  ['type-changed', 'response', 'widening', 'breaking'],
  ['type-changed', 'response', 'narrowing', 'non-breaking'],
  ['nullable-added', 'response', undefined, 'breaking'],
  ['nullable-added', 'request', undefined, 'non-breaking'],
  ['content-type-changed', 'response', undefined, 'breaking'],
  ['security-changed', undefined, undefined, 'breaking'],
  ['response-removed', 'response', 'success', 'breaking'],
  ['response-removed', 'response', 'error', 'non-breaking'],
  ['documentation-changed', undefined, undefined, 'non-breaking'],
];

describe('classify', () => {
  it.each(cases)('%s (%s, %s) → %s', (kind, direction, variant, expected) => {
    expect(classify(kind, direction, variant)).toBe(expected);
  });

  it('treats a combination no rule covers as breaking, so a gap never hides a break', () => {
    expect(classify('type-changed', 'request')).toBe('breaking');
    expect(classify('parameter-added', 'request', 'narrowing')).toBe('breaking');
  });

  it('has a verdict for every kind', () => {
    for (const kind of CHANGE_KINDS) {
      const verdicts = [classify(kind), classify(kind, 'request'), classify(kind, 'response')];
      expect(verdicts.every((v) => v === 'breaking' || v === 'non-breaking')).toBe(true);
    }
  });
});

describe('the README rules table', () => {
  it('names every change kind', async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## spec-diff'));
    expect(section.length).toBeGreaterThan(100);
    const missing = CHANGE_KINDS.filter((kind) => !section.includes(`\`${kind}\``));
    expect(missing).toEqual([]);
  });
});
