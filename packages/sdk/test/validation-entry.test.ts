/**
 * Validation is opt-in at the bundle level: zod lives in `@minimax-ts/sdk/validation`, which the client loads at run
 * time (Node) or receives as the `validator` option (a single-file bundle, where that import cannot work). Checked on
 * real esbuild bundles without code splitting, the way Workers and edge functions are built.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniMax, ResponseValidationError, type ResponseValidator } from '../src/index.ts';
import { zodValidator } from '../src/validation.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** Bundles `code` into one file (no splitting) and returns the bundle and the files it inlined. */
async function bundle(code: string, platform: esbuild.Platform, outfile?: string) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform,
    mainFields: ['module', 'main'],
    conditions: ['@minimax-ts/source'],
    target: 'es2022',
    write: outfile !== undefined,
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const isZod = (path: string) => /(^|\/)zod\/|zod\.gen\.ts$/.test(path);

describe('single-file bundles', () => {
  it.each([
    ['the main entry', `export * from '@minimax-ts/sdk';`],
    ['the main client', `import { MiniMax } from '@minimax-ts/sdk'; export const mm = new MiniMax({ apiKey: 'k' });`],
    ['the chat entry', `export * from '@minimax-ts/sdk/chat';`],
  ])('of %s inline no zod (browser and neutral platforms)', async (_name, code) => {
    for (const platform of ['browser', 'neutral'] as const) {
      const inputs = await bundle(code, platform);
      expect(inputs.some((path) => path.includes('packages/sdk/src/'))).toBe(true);
      expect(inputs.filter(isZod), platform).toEqual([]);
    }
  });

  it('of an application that imports the validation entry do inline zod', async () => {
    const inputs = await bundle(`export { zodValidator } from '@minimax-ts/sdk/validation';`, 'browser');
    expect(inputs.some(isZod)).toBe(true);
  });
});

describe('validate without a validator, in a bundle that cannot load the validation entry', () => {
  let server: Server;
  let baseURL = '';
  let requests = 0;
  const dir = mkdtempSync(join(tmpdir(), 'minimax-bundle-')); // outside the repo: no node_modules to resolve from

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ base_resp: { status_code: 0, status_msg: 'ok' }, voice_id: 42 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Bundles and runs a script that deletes a voice with `validate: 'strict'`; returns what it printed. */
  async function runBundled(clientOptions: string, imports = ''): Promise<Record<string, unknown>> {
    const outfile = join(dir, `app-${Math.random().toString(36).slice(2)}.mjs`);
    const code = `import { MiniMax } from '@minimax-ts/sdk';
${imports}
const mm = new MiniMax({ apiKey: 'k', baseURL: process.env.BASE_URL, validate: 'strict', maxRetries: 0, ${clientOptions} });
try {
  await mm.voices.delete({ voice_id: 'v', voice_type: 'voice_cloning' });
  console.log(JSON.stringify({ ok: true }));
} catch (e) {
  console.log(JSON.stringify({ name: e.name, argument: e.argument, message: e.message }));
}`;
    await bundle(code, 'node', outfile);
    const { stdout } = await run(process.execPath, [outfile], { cwd: dir, env: { ...process.env, BASE_URL: baseURL } });
    return JSON.parse(stdout.trim()) as Record<string, unknown>;
  }

  it('fails with InvalidArgumentError naming `validator`, before anything is sent', async () => {
    const before = requests;
    const outcome = await runBundled('');
    expect(outcome).toMatchObject({ name: 'InvalidArgumentError', argument: 'validator' });
    expect(outcome.message).toMatch(/zodValidator/);
    expect(requests).toBe(before);
  });

  it('validates when the application passes zodValidator', async () => {
    const outcome = await runBundled(
      'validator: zodValidator',
      "import { zodValidator } from '@minimax-ts/sdk/validation';",
    );
    expect(outcome).toMatchObject({ name: 'ResponseValidationError' });
    expect(outcome.message).toMatch(/voice_id/);
  });
});

describe('the validator option', () => {
  const body = async (): Promise<Response> =>
    new Response(JSON.stringify({ base_resp: { status_code: 0, status_msg: 'ok' }, voice_id: 42 }), {
      headers: { 'content-type': 'application/json' },
    });

  it('is what checks the answers', async () => {
    const seen: string[] = [];
    const validator: ResponseValidator = {
      validate(schema) {
        seen.push(schema);
        return [{ path: 'custom', message: 'rejected by the custom validator' }];
      },
    };
    const client = new MiniMax({ apiKey: 'k', fetch: body, validate: 'strict', validator, maxRetries: 0 });
    const error = await client.voices.delete({ voice_id: 'v', voice_type: 'voice_cloning' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([
      { path: 'custom', message: 'rejected by the custom validator' },
    ]);
    expect(seen).toEqual(['zDeleteVoiceResponse']);
  });

  it('zodValidator reports the spec mismatches and accepts a valid answer', () => {
    expect(zodValidator.validate('zDeleteVoiceResponse', { voice_id: 42 })[0]?.path).toBe('voice_id');
    expect(
      zodValidator.validate('zDeleteVoiceResponse', { voice_id: 'v', base_resp: { status_code: 0, status_msg: 'ok' } }),
    ).toEqual([]);
  });
});
