/**
 * Loads the effective spec into everything the mock derives from it (Prism's operations, the SpecIndex), and
 * watches the file so `npm run spec:build` in another terminal is picked up without a restart.
 */
import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismEngine } from './prism-engine.ts';
import { type JsonObject, SpecIndex } from './spec-index.ts';

/** `spec/minimax.openapi.json` at the repository root, wherever the process was started from. */
export const DEFAULT_SPEC_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'spec',
  'minimax.openapi.json',
);

export interface SpecRuntime {
  /** Where it came from: a file path, or `(object)`. */
  source: string;
  index: SpecIndex;
  engine: PrismEngine;
  loadedAt: Date;
}

export async function loadSpec(spec: string | object): Promise<SpecRuntime> {
  const source = typeof spec === 'string' ? resolve(spec) : '(object)';
  const doc = (
    typeof spec === 'string' ? JSON.parse(await readFile(source, 'utf8')) : structuredClone(spec)
  ) as JsonObject;
  if (typeof doc.openapi !== 'string') throw new Error(`${source} is not an OpenAPI document (no "openapi" field)`);
  // The index reads the document with its $refs intact; Prism gets its own copy to dereference.
  const index = new SpecIndex(doc);
  const engine = await PrismEngine.load(doc);
  return { source, index, engine, loadedAt: new Date() };
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
