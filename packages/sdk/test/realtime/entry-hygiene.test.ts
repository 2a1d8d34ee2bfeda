/**
 * Importing the SDK must not load `ws` or the session code: they load when the first session opens. Checked on the
 * bundles esbuild makes of each entry (Node, split into chunks: neither the session nor `ws` anywhere, both are
 * imported at run time; browser: `ws` nowhere; the fetch relay: neither, nor a Node builtin) and in a fresh Node
 * process that imports the main entry.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const src = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

async function bundle(entry: string, platform: 'node' | 'browser') {
  return esbuild.build({
    entryPoints: [src(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    splitting: true,
    outdir: '/tmp/minimax-ts-entry-hygiene',
    metafile: true,
    conditions: ['@minimax-ts/source'],
    external: ['@minimax-ts/generated/zod', 'node:*'],
    logLevel: 'silent',
  });
}

/** The session code (`lib/speech-session*.ts`); its types and its loader are part of the client. */
const isSessionCode = (path: string) => /lib\/speech-session(?!-types)/.test(path);

describe('entry hygiene', () => {
  it('the main entry bundles neither ws nor the session code (Node bundle)', async () => {
    const result = await bundle('index.ts', 'node');
    // Neither is bundled at all: the SDK imports `ws` and the session code (from `@minimax-ts/sdk/realtime`) at run
    // time (import-at-run-time.ts), so even a single-file bundle never inlines them.
    const all = Object.keys(result.metafile.inputs);
    expect(all.some((f) => f.includes('node_modules/ws/'))).toBe(false);
    expect(all.filter(isSessionCode)).toEqual([]);
  });

  it.each(['index.ts', 'realtime.ts', 'chat.ts'])('the browser bundle of %s has no ws at all', async (entry) => {
    const result = await bundle(entry, 'browser');
    const inputs = Object.keys(result.metafile.inputs);
    // `(disabled):` is the sdk's `browser` field mapping `ws` to nothing.
    expect(inputs.filter((f) => f.includes('node_modules/ws/') && !f.startsWith('(disabled)'))).toEqual([]);
    const text = result.outputFiles.map((f) => f.text).join('\n');
    expect(text).not.toContain('ws does not work in the browser');
  });

  it('relay/fetch bundles for edge runtimes: no ws, no Node builtin, no session code', async () => {
    const result = await bundle('relay-fetch.ts', 'browser');
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => f.includes('node_modules/ws/'))).toEqual([]);
    expect(inputs.filter(isSessionCode)).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
    expect(imports.filter((path) => path.startsWith('node:') || path === 'ws')).toEqual([]);
  });

  it('a fresh Node process that imports the main entry has not loaded ws', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'minimax-ts-hygiene-')), 'loaded.txt');
    const hook = `import { appendFileSync } from 'node:fs';
      export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`;
    const probe = `
      import { register } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
      await import('@minimax-ts/sdk');`;
    const run = spawnSync(
      process.execPath,
      ['--conditions=@minimax-ts/source', '--import', 'tsx', '--input-type=module', '-e', probe],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((url) => url.includes('/packages/sdk/src/client.ts'))).toBe(true);
    expect(loaded.filter((url) => url.includes('/node_modules/ws/'))).toEqual([]);
    expect(loaded.filter(isSessionCode)).toEqual([]);
  });
});
