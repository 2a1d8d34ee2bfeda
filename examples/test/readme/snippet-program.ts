/**
 * Typechecks the TypeScript blocks of the READMEs as a consumer's code: each block is its own ES module under
 * `tmp/readme-snippets/` (gitignored), compiled in ONE program with the repository's TypeScript, strict, `Bundler`
 * resolution through the packages' `exports` (the `@minimax-ts/source` condition, so no build is needed: the
 * generated sources import without extensions, which only `Bundler` resolves), top-level await allowed.
 * A README that drifts from the SDK (a renamed method, an option that does not exist, a missing import) fails with
 * the file, the README line and the compiler's message.
 *
 * What a block may assume without importing or declaring it is the PRELUDE below; anything else it uses comes from
 * its own imports or from its `<!-- snippet: declare … -->` annotation (see markdown-blocks.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './markdown-blocks.ts';

/** Languages compiled; `js` blocks are checked as JavaScript (`checkJs`). */
export const CHECKED_LANGS = new Set(['ts', 'typescript', 'js', 'javascript', 'mts', 'tsx']);

/** The globals every block may use: a client, and chat messages of the shape every chat surface accepts. */
export const PRELUDE = `import type { MiniMax } from '@minimax-ts/sdk';
declare global {
  /** The client of the README's first example: \`const mm = new MiniMax()\`. */
  const mm: MiniMax;
  /** A conversation, accepted as is by mm.chat, mm.openai.chat.completions and mm.anthropic.messages. */
  const messages: Array<{ role: 'user'; content: string }>;
}
`;

/** The consumer's compiler options (those of tests/release/consumer, plus what reading sources needs). */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
  allowJs: true,
  checkJs: true,
  // The workspace packages resolve to their TypeScript sources, which import each other with `.ts` extensions.
  customConditions: ['@minimax-ts/source'],
  allowImportingTsExtensions: true,
};

export interface Snippet {
  block: CodeBlock;
  /** The module written for it. */
  path: string;
  /** Lines of annotation declarations in front of the block's own code. */
  headerLines: number;
}

export interface SnippetDiagnostic {
  /** `README.md:233`: the README line the message is about. */
  where: string;
  message: string;
}

/** Why a block is not compiled, or undefined when it is. */
export function optOutReason(block: CodeBlock): string | undefined {
  if (block.flags.includes('no-check')) return 'no-check in the fence';
  const match = /^no-check\b\s*(.*)$/s.exec(block.annotation ?? '');
  if (match) return match[1]?.trim() || 'no reason given';
  return undefined;
}

/** Writes one module per block (and the prelude) into `dir`, emptied first. */
export function writeSnippets(dir: string, blocks: CodeBlock[]): Snippet[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'prelude.d.ts'), PRELUDE);
  return blocks.map((block) => {
    const js = block.lang === 'js' || block.lang === 'javascript';
    const name = `${block.file.replace(/[^\w.-]+/g, '_')}-L${block.line}.${js ? 'js' : block.lang === 'tsx' ? 'tsx' : 'ts'}`;
    const header = block.annotation ? `${block.annotation}\n` : '';
    // `export {}` keeps an import-less block a module, so its top-level names and awaits stay its own.
    writeFileSync(join(dir, name), `${header}${block.code}\nexport {};\n`);
    return { block, path: join(dir, name), headerLines: header ? header.split('\n').length - 1 : 0 };
  });
}

/** Compiles every snippet in one program; returns the diagnostics located in the READMEs. */
export function typecheckSnippets(dir: string, snippets: Snippet[]): SnippetDiagnostic[] {
  const program = ts.createProgram([join(dir, 'prelude.d.ts'), ...snippets.map((s) => s.path)], OPTIONS);
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) => ({
    where: 'compiler options',
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
  const unresolved = unresolvedImports(program).map((message) => ({ where: 'workspace sources', message }));
  const prelude = program.getSourceFile(join(dir, 'prelude.d.ts'));
  const preludeDiagnostics = prelude ? program.getSemanticDiagnostics(prelude) : [];
  return [
    ...global,
    ...unresolved,
    ...preludeDiagnostics.map((d) => ({
      where: 'prelude',
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    })),
    ...snippets.flatMap((snippet) => {
      const file = program.getSourceFile(snippet.path);
      if (!file) return [{ where: locate(snippet, 0), message: `not compiled: ${relative(dir, snippet.path)}` }];
      return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => ({
        where: locate(snippet, d.start === undefined ? 0 : file.getLineAndCharacterOfPosition(d.start).line),
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      }));
    }),
  ];
}

/** The README line of line `moduleLine` (0-based) of a snippet's module. */
function locate(snippet: Snippet, moduleLine: number): string {
  const { file, line } = snippet.block;
  if (moduleLine < snippet.headerLines) return `${file}:${line} (its <!-- snippet: … --> annotation)`;
  return `${file}:${line + 1 + moduleLine - snippet.headerLines}`;
}

/**
 * Imports of the workspace sources the program could not resolve. Each would silently type what it imports as
 * `any`, and a block calling a misspelt method through it would pass: so an unresolved import fails the check.
 */
function unresolvedImports(program: ts.Program): string[] {
  const cache = ts.createModuleResolutionCache(process.cwd(), (name) => name, OPTIONS);
  // `node:fs` and the like are ambient modules (`declare module` in @types/node), not files to resolve.
  const ambient = new Set(
    program
      .getTypeChecker()
      .getAmbientModules()
      .map((m) => m.name.replace(/^"|"$/g, '')),
  );
  return program.getSourceFiles().flatMap((file) => {
    if (/[\\/]node_modules[\\/]/.test(file.fileName) || file.isDeclarationFile) return [];
    return file.statements.flatMap((statement) => {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || ambient.has(specifier.text)) return [];
      const { resolvedModule } = ts.resolveModuleName(specifier.text, file.fileName, OPTIONS, ts.sys, cache);
      return resolvedModule ? [] : [`${file.fileName}: cannot resolve '${specifier.text}'`];
    });
  });
}
