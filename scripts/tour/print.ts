/**
 * The tour's output. On a terminal: colour, and one progress line rewritten in place. Piped, in CI or with
 * NO_COLOR: plain text only, one line per event, no escape codes — what a log file or a test wants.
 */

export interface Printer {
  /** True when writing to an interactive terminal with colour. */
  readonly fancy: boolean;
  heading(step: number, total: number, title: string, call: string): void;
  line(text: string): void;
  /** Text without a newline (streamed tokens). */
  write(text: string): void;
  /** A line that is replaced by the next `progress` or `line` on a terminal; a plain line otherwise. */
  progress(text: string): void;
  /** Keeps the last progress line on screen (a terminal would otherwise erase it). */
  keepProgress(): void;
  dim(text: string): string;
  bold(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const ESC = '\u001b[';

/** Colour only on a terminal, never in CI or when NO_COLOR is set; FORCE_COLOR=1 turns it on anyway. */
export function wantsColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  if (env.CI && env.CI !== 'false') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function createPrinter(out: NodeJS.WriteStream = process.stdout): Printer {
  const fancy = wantsColour(out);
  const paint = (open: number, close: number) => (text: string) =>
    fancy ? `${ESC}${open}m${text}${ESC}${close}m` : text;
  const bold = paint(1, 22);
  const dim = paint(2, 22);
  const cyan = paint(36, 39);
  let progressShown = false;
  // On a terminal, a pending progress line is erased before anything else is printed.
  const clearProgress = () => {
    if (fancy && progressShown) out.write(`\r${ESC}2K`);
    progressShown = false;
  };
  return {
    fancy,
    heading(step, total, title, call) {
      clearProgress();
      out.write(`\n${bold(`${step}/${total} ${title}`)}  ${dim(call)}\n`);
    },
    line(text) {
      clearProgress();
      out.write(`${text}\n`);
    },
    write(text) {
      clearProgress();
      out.write(text);
    },
    progress(text) {
      if (!fancy) {
        out.write(`${text}\n`);
        return;
      }
      out.write(`\r${ESC}2K${text}`);
      progressShown = true;
    },
    keepProgress() {
      if (fancy && progressShown) out.write('\n');
      progressShown = false;
    },
    dim,
    bold,
    cyan,
    green: paint(32, 39),
    red: paint(31, 39),
    yellow: paint(33, 39),
  };
}

/** `plural(1, 'chunk')` → `"1 chunk"`, `plural(3, 'chunk')` → `"3 chunks"`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `1234` → `"1.2 KB"`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `1234` (ms) → `"1.2 s"`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
