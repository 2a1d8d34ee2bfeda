/**
 * The consumer smoke bundled for a browser by the consumer's own esbuild (`--platform=browser`, ESM, minified,
 * split so lazy imports become chunks of their own), then checked: the code a page loads up front holds no Node
 * builtin, no `ws` and no zod (the SDK loads zod only when response validation is on, through a dynamic import).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from './child-process.ts';
import type { ConsumerProject } from './consumer.ts';

interface Metafile {
  outputs: Record<
    string,
    {
      bytes: number;
      entryPoint?: string;
      inputs: Record<string, unknown>;
      imports: Array<{ path: string; kind: string }>;
    }
  >;
}

/** What the browser loads before any lazy import, and what it could load later. */
export interface BundleReport {
  /** Bytes of the entry and the chunks it imports statically (minified), and the same gzipped. */
  initialBytes: number;
  initialGzipBytes: number;
  /** Bytes of every output file, lazy chunks included. */
  totalBytes: number;
  /** Source files in the initial load. */
  initialInputs: string[];
  /** Problems found in the initial load; empty when the bundle is browser-clean. */
  problems: string[];
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/^node:|(^|\/)node_modules\/@types\/node\//, 'a Node builtin'],
  [/(^|\/)node_modules\/ws\//, 'the ws package'],
  [/(^|\/)node_modules\/zod\//, 'zod'],
];

/** Bundles `entry` (a file of the consumer project) into `outdir` and reports on it. */
export async function bundleForBrowser(
  consumer: ConsumerProject,
  entry: string,
  outdir: string,
  timeoutMs: number,
): Promise<BundleReport> {
  const metafilePath = join(outdir, 'meta.json');
  await run(
    join(consumer.dir, 'node_modules/.bin/esbuild'),
    [
      entry,
      '--bundle',
      '--platform=browser',
      '--format=esm',
      '--splitting',
      '--minify',
      '--target=es2022',
      `--outdir=${outdir}`,
      `--metafile=${metafilePath}`,
      '--log-level=warning',
    ],
    { cwd: consumer.dir, env: consumer.env, timeoutMs },
  );
  const meta = JSON.parse(await readFile(metafilePath, 'utf8')) as Metafile;
  const initial = initialOutputs(meta, entry);
  const initialInputs = [...new Set(initial.flatMap((file) => Object.keys(meta.outputs[file]!.inputs)))].sort();
  const problems = initialInputs.flatMap((input) =>
    FORBIDDEN.filter(([pattern]) => pattern.test(input)).map(([, what]) => `${input} is ${what}`),
  );
  let gzip = 0;
  for (const file of initial) gzip += gzipSync(await readFile(join(consumer.dir, file))).length;
  const jsOutputs = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.js'));
  return {
    initialBytes: initial.reduce((n, file) => n + meta.outputs[file]!.bytes, 0),
    initialGzipBytes: gzip,
    totalBytes: jsOutputs.reduce((n, [, output]) => n + output.bytes, 0),
    initialInputs,
    problems,
  };
}

/**
 * The entry's chunk and everything it imports statically, transitively. (A dynamically imported module is an
 * `entryPoint` of its own chunk in the metafile too: only the bundled file's chunk starts the initial load.)
 */
function initialOutputs(meta: Metafile, entry: string): string[] {
  const entries = Object.keys(meta.outputs).filter((file) => meta.outputs[file]!.entryPoint === entry);
  if (entries.length === 0) throw new Error(`esbuild's metafile has no output for ${entry}`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !meta.outputs[file]) return;
    seen.add(file);
    for (const imported of meta.outputs[file]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}
