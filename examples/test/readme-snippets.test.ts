/**
 * Every TypeScript block of the READMEs compiles against the SDK as it is (see readme/snippet-program.ts for the
 * convention: the shared prelude, `<!-- snippet: declare … -->` for a block's own assumptions and
 * `<!-- snippet: no-check <reason> -->` to opt out, counted and printed here so nothing is skipped silently).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CodeBlock, codeBlocks } from './readme/markdown-blocks.ts';
import {
  CHECKED_LANGS,
  optOutReason,
  type SnippetDiagnostic,
  typecheckSnippets,
  writeSnippets,
} from './readme/snippet-program.ts';
import { repoRoot } from './run.ts';

const READMES = [
  'README.md',
  'packages/sdk/README.md',
  'packages/ai-sdk/README.md',
  'packages/mock/README.md',
  'packages/generated/README.md',
  'spec/README.md',
  'bench/README.md',
];

/** Blocks that must fail, compiled in the same program: proof that a broken snippet is caught and located. */
const CANARY = [
  '# canary',
  '',
  '```ts',
  "const done = await mm.video.wiat('1'); // misspelt method",
  '```',
  '',
  '<!-- snippet: declare const taskId: number; -->',
  '```ts',
  'await mm.video.retrieve(taskId); // a number where the id is a string',
  '```',
].join('\n');

const blocks = READMES.filter((f) => existsSync(join(repoRoot, f))).flatMap((file) =>
  codeBlocks(file, readFileSync(join(repoRoot, file), 'utf8')).filter((b) => CHECKED_LANGS.has(b.lang)),
);
const optedOut = blocks.filter((b) => optOutReason(b) !== undefined);
const checked = blocks.filter((b) => optOutReason(b) === undefined);

describe('README snippets', () => {
  let diagnostics: SnippetDiagnostic[];
  beforeAll(() => {
    const canary = codeBlocks('CANARY.md', CANARY);
    const snippets = writeSnippets(join(repoRoot, 'tmp', 'readme-snippets'), [...checked, ...canary]);
    diagnostics = typecheckSnippets(join(repoRoot, 'tmp', 'readme-snippets'), snippets);
    const where = (b: CodeBlock) => `${b.file}:${b.line}`;
    console.log(
      `README snippets: ${checked.length} blocks typechecked, ${optedOut.length} opted out` +
        optedOut.map((b) => `\n  ${where(b)}: ${optOutReason(b)}`).join(''),
    );
  }, 120_000);

  it('finds the blocks of every README', () => {
    expect(checked.length).toBeGreaterThan(30);
    expect(new Set(checked.map((b) => b.file))).toContain('packages/mock/README.md');
  });

  it('every block compiles', () => {
    const found = diagnostics.filter((d) => !d.where.startsWith('CANARY.md'));
    const report = found.map((d) => `${d.where}: ${d.message}`).join('\n');
    expect(
      report,
      'A README block does not compile. Fix the block; if it uses a name it does not define, import it or state it ' +
        'in a `<!-- snippet: declare const name: Type; -->` comment right above the fence (see examples/test/readme/).',
    ).toBe('');
  });

  it('reports a broken block with its README line and the compiler message', () => {
    const canary = diagnostics.filter((d) => d.where.startsWith('CANARY.md'));
    expect(canary).toEqual([
      { where: 'CANARY.md:4', message: expect.stringMatching(/Property 'wiat' does not exist on type 'Video'/) },
      { where: 'CANARY.md:9', message: expect.stringMatching(/'number' is not assignable to .*'string'/) },
    ]);
  });

  it('reads annotations, opt-outs and indented fences', () => {
    const fixture = [
      '- item',
      '',
      '  <!-- snippet: declare const a: string;',
      '  declare const b: number; -->',
      '',
      '  ```ts',
      '  const c = a + b;',
      '  ```',
      '<!-- snippet: no-check shows a shape, not a call -->',
      '```ts',
      '{ … }',
      '```',
      '```typescript no-check',
      '```',
    ].join('\n');
    const [indented, skipped, flagged] = codeBlocks('F.md', fixture);
    expect(indented).toMatchObject({ line: 6, lang: 'ts', code: 'const c = a + b;' });
    expect(indented?.annotation).toBe('declare const a: string;\n  declare const b: number;');
    expect(indented && optOutReason(indented)).toBeUndefined();
    expect(skipped && optOutReason(skipped)).toBe('shows a shape, not a call');
    expect(flagged && optOutReason(flagged)).toBe('no-check in the fence');
  });

  it('gives every opted-out block a reason', () => {
    for (const block of optedOut)
      expect(optOutReason(block), `${block.file}:${block.line}`).not.toBe('no reason given');
  });
});
