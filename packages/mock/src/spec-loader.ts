/**
 * Loads the effective spec in Node (from the file shipped in this package, or any path) into what the mock
 * derives from it, with Prism as the contract engine, and watches the file so `npm run spec:build` in another
 * terminal is picked up without a restart.
 */
import { existsSync, unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismEngine } from './prism-engine.ts';
import type { JsonObject } from './spec-index.ts';
import { buildRuntime, type SpecRuntime } from './spec-runtime.ts';

export type { SpecRuntime } from './spec-runtime.ts';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The effective spec this mock serves by default. From the TypeScript sources (inside the minimax-ts repository):
 * the repository's `spec/minimax.openapi.json`, so a rebuilt spec is served at once. From the built package
 * (`dist/`): the copy shipped in the package's own `spec/` directory.
 *
 * @example
 * ```ts
 * const doc = JSON.parse(await readFile(DEFAULT_SPEC_PATH, 'utf8'));
 * ```
 */
export const DEFAULT_SPEC_PATH =
  basename(here) === 'src' && existsSync(join(here, '..', '..', '..', 'spec', 'minimax.openapi.json'))
    ? join(here, '..', '..', '..', 'spec', 'minimax.openapi.json')
    : join(here, '..', 'spec', 'minimax.openapi.json');

/** Reads a spec path (or copies a parsed document) into a runtime with Prism as the engine. */
export async function loadSpec(spec: string | object): Promise<SpecRuntime> {
  const { doc, source } = await readSpec(spec);
  return buildRuntime(doc, source, (d) => PrismEngine.load(d));
}

export async function readSpec(spec: string | object): Promise<{ doc: JsonObject; source: string }> {
  if (typeof spec !== 'string') return { doc: structuredClone(spec) as JsonObject, source: '(object)' };
  const source = resolve(spec);
  return { doc: JSON.parse(await readFile(source, 'utf8')) as JsonObject, source };
}

/**
 * Calls `onChange` when the file's mtime or size changes. Polling (`fs.watchFile`) rather than `fs.watch`:
 * the spec is rewritten by scripts and editors that replace the file, which inotify-based watchers lose track of.
 */
export function watchSpec(path: string, onChange: () => void, intervalMs = 500): () => void {
  const listener = (curr: { mtimeMs: number; size: number }, prev: { mtimeMs: number; size: number }) => {
    if (curr.mtimeMs !== prev.mtimeMs || curr.size !== prev.size) onChange();
  };
  watchFile(path, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(path, listener);
}
