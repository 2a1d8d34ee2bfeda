/**
 * Finds the code blocks of a Markdown file the way a reader sees them, so the README checks can compile the
 * TypeScript ones and read the shell ones. Fences may be indented (a block inside a list item); the indentation of
 * the opening fence is removed from every line of the block. An HTML comment `<!-- snippet: … -->` on the lines
 * right above a fence (blank lines allowed between) is the block's annotation, invisible on the rendered page:
 *
 * - `<!-- snippet: no-check <reason> -->` opts the block out of the type check; the reason is required and printed;
 * - `<!-- snippet: <TypeScript declarations> -->` states what the block assumes beyond the shared prelude
 *   (`declare const taskId: string;`); the declarations are compiled in front of the block.
 *
 * The fence's info string can also carry `no-check` (```` ```ts no-check ````), with the same meaning but no reason.
 */

export interface CodeBlock {
  /** The file it was read from, as given. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's language (`ts`, `sh`, … or `''`), lower-cased. */
  lang: string;
  /** The words after the language in the info string (`no-check`). */
  flags: string[];
  /** The block's text, its fence indentation removed, without the fences. */
  code: string;
  /** The text of the `<!-- snippet: … -->` comment right above the fence, trimmed, if there is one. */
  annotation?: string;
}

const FENCE = /^( *)(`{3,}|~{3,})\s*([^`\s]*)(.*)$/;
const ANNOTATION = /<!--\s*snippet:([\s\S]*?)-->\s*$/;

/** Every fenced code block of `markdown`, in order. An unclosed fence runs to the end of the file, as CommonMark has it. */
export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j] ?? '';
      if (text.trim().startsWith(fence) && text.trim().replace(/[`~]/g, '') === '') break;
      body.push(text.startsWith(indent) ? text.slice(indent.length) : text.trimStart());
    }
    const annotation = annotationAbove(lines, i);
    blocks.push({
      file,
      line: i + 1,
      lang: lang.toLowerCase(),
      flags: rest.trim().split(/\s+/).filter(Boolean),
      code: body.join('\n'),
      ...(annotation === undefined ? {} : { annotation }),
    });
    i = j;
  }
  return blocks;
}

/** The `<!-- snippet: … -->` comment ending on the last non-blank line above line `index`, possibly over many lines. */
function annotationAbove(lines: string[], index: number): string | undefined {
  let end = index - 1;
  while (end >= 0 && (lines[end] ?? '').trim() === '') end--;
  if (end < 0 || !(lines[end] ?? '').trimEnd().endsWith('-->')) return undefined;
  for (let start = end; start >= 0 && start > end - 40; start--) {
    if (!(lines[start] ?? '').includes('<!--')) continue;
    const match = ANNOTATION.exec(lines.slice(start, end + 1).join('\n'));
    return match ? (match[1] ?? '').trim() : undefined;
  }
  return undefined;
}
