/**
 * The `npm` and `npx` commands a README tells a reader to type — in ```sh blocks and in inline code — so a test can
 * check each one names a script, an example, a test project, a package or a bin that exists, without running it.
 */
import { codeBlocks } from './markdown-blocks.ts';

export interface ShellCommand {
  /** `README.md:139`. */
  where: string;
  /** The command as written, comment and environment assignments removed. */
  text: string;
  /** Its words, `npm` or `npx` first. */
  argv: string[];
}

const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'zsh', 'console']);
const INLINE = /`([^`\n]+)`/g;

/** Every `npm …` / `npx …` command of `markdown`: a shell block's lines, and inline code spans that start with one. */
export function shellCommands(file: string, markdown: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const blocks = codeBlocks(file, markdown);
  for (const block of blocks.filter((b) => SHELL_LANGS.has(b.lang))) {
    block.code.split('\n').forEach((line, i) => {
      commands.push(...parseLine(`${file}:${block.line + 1 + i}`, line.replace(/(^|\s)#.*$/, '')));
    });
  }
  const fenced = new Set(blocks.flatMap((b) => lineRange(b.line, b.line + b.code.split('\n').length + 1)));
  markdown.split(/\r?\n/).forEach((line, i) => {
    if (fenced.has(i + 1)) return;
    for (const [, span = ''] of line.matchAll(INLINE))
      if (/^(\w+=\S*\s+)*np[mx]\s/.test(span)) commands.push(...parseLine(`${file}:${i + 1}`, span));
  });
  return commands;
}

/** The npm/npx commands of one shell line: split on `&&`, `||`, `;` and `|`, environment assignments dropped. */
function parseLine(where: string, line: string): ShellCommand[] {
  return line
    .split(/&&|\|\||;|\|/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .map((words) => words.slice(words.findIndex((w) => !/^\w+=/.test(w))))
    .filter((argv) => argv[0] === 'npm' || argv[0] === 'npx')
    .map((argv) => ({ where, text: argv.join(' '), argv }));
}

function lineRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The `--flags` of `argv` (`--only=a,b` → `--only`), placeholders like `<name>` and `[--json]` unwrapped or skipped. */
export function flagsOf(argv: string[]): string[] {
  return argv
    .map((word) => word.replace(/^\[|\]$/g, ''))
    .filter((word) => /^--[a-z]/.test(word))
    .map((word) => word.replace(/=.*$/, ''));
}
