/**
 * `npm run check:packages` (part of `npm test`): builds the publishable packages and checks what npm would ship.
 *
 * - `npm run build` (turbo: tsup → ESM + CJS + .d.ts/.d.cts);
 * - publint --strict: package.json fields and exports against the packed files;
 * - attw --pack --profile node16: types resolve for `import` and `require` under node16 and bundler resolution.
 *   The profile ignores TypeScript's `node10` resolution, which predates `exports` and cannot see subpaths such as
 *   `@minimax-ts/sdk/node` (engines require Node ≥ 20.19, whose users resolve with node16/nodenext/bundler);
 * - the built entry points load with `import` and `require` (no `@minimax-ts/source` condition), the core entry imports no
 *   Node builtin and no zod (`validate` loads `@minimax-ts/sdk/validation` at run time: checked for both formats), and
 *   `internal/*` is unreachable outside the workspace;
 * - the API reference builds (`typedoc --emit none`).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const packages = ['packages/generated', 'packages/sdk'];

interface Check {
  name: string;
  run: () => Promise<unknown>;
}

async function sh(command: string, args: string[], cwd = root): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}

/** Loads each public entry point from the build, as ESM and as CJS, and checks a few exports. */
const entryPoints: Array<[string, string[]]> = [
  ['@minimax-ts/sdk', ['MiniMax', 'APIError', 'RateLimitError', 'ERROR_CODES']],
  ['@minimax-ts/sdk/node', ['saveToFile', 'fileFromPath']],
  ['@minimax-ts/sdk/chat', ['MiniMaxChat', 'APIError']],
  ['@minimax-ts/sdk/validation', ['zodValidator']],
  ['@minimax-ts/generated', ['createClient', 'chatCompletionV2']],
  ['@minimax-ts/generated/zod', ['zChatCompletionV2Response']],
];

async function loadBuilt(): Promise<void> {
  for (const [specifier, names] of entryPoints) {
    const probe = `const missing = ${JSON.stringify(names)}.filter((n) => typeof m[n] === 'undefined'); if (missing.length) { console.error('missing', missing); process.exit(1); }`;
    await sh(process.execPath, ['--input-type=module', '-e', `const m = await import('${specifier}'); ${probe}`]);
    await sh(process.execPath, ['--input-type=commonjs', '-e', `const m = require('${specifier}'); ${probe}`]);
  }
  const internal = await exec(process.execPath, [
    '--input-type=module',
    '-e',
    "await import('@minimax-ts/sdk/internal/lossless-json').then(() => process.exit(3), (e) => { console.log(e.code); });",
  ]);
  if (!internal.stdout.includes('ERR_PACKAGE_PATH_NOT_EXPORTED')) {
    throw new Error(`@minimax-ts/sdk/internal/* must not resolve without the source condition: ${internal.stdout}`);
  }
  // `validate` without a `validator`: the built client loads `@minimax-ts/sdk/validation` by itself at run time.
  const strict = `const mm = new m.MiniMax({ apiKey: 'k', validate: 'strict', maxRetries: 0, fetch: async () => new Response('{"voice_id":42,"base_resp":{"status_code":0,"status_msg":"ok"}}', { headers: { 'content-type': 'application/json' } }) });
const error = await mm.voices.delete({ voice_id: 'v' }).then(() => undefined, (e) => e);
if (!(error instanceof m.ResponseValidationError)) { console.error('expected ResponseValidationError, got', error); process.exit(1); }`;
  await sh(process.execPath, ['--input-type=module', '-e', `const m = await import('@minimax-ts/sdk'); ${strict}`]);
  await sh(process.execPath, [
    '--input-type=commonjs',
    '-e',
    `(async () => { const m = require('@minimax-ts/sdk'); ${strict} })()`,
  ]);
  const dist = join(root, 'packages/sdk/dist');
  for (const file of (await readdir(dist)).filter((f) => /\.c?js$/.test(f) && !f.startsWith('validation.'))) {
    // zod must stay out of the client (chunks included): only `@minimax-ts/sdk/validation` may reach it.
    if (/generated\/zod|from ['"]zod|require\(['"]zod/.test(await readFile(join(dist, file), 'utf8'))) {
      throw new Error(`packages/sdk/dist/${file} references zod`);
    }
  }
  for (const file of ['index.js', 'index.cjs', 'chat.js', 'chat.cjs']) {
    const code = await readFile(join(root, 'packages/sdk/dist', file), 'utf8');
    const builtin = code.match(/(?:from |require\(|import\()\s*['"](node:[\w/]+)/);
    if (builtin)
      throw new Error(`packages/sdk/dist/${file} imports ${builtin[1]}: the core entry must stay browser-safe`);
  }
}

const started = Date.now();
console.log('check:packages: building…');
await sh('npm', ['run', 'build']);

const checks: Check[] = [
  ...packages.map((dir) => ({ name: `publint ${dir}`, run: () => sh(bin('publint'), ['--strict'], join(root, dir)) })),
  ...packages.map((dir) => ({
    name: `attw ${dir}`,
    run: () => sh(bin('attw'), ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped'], join(root, dir)),
  })),
  { name: 'built entry points (import + require)', run: loadBuilt },
  { name: 'typedoc (API reference)', run: () => sh(bin('typedoc'), ['--emit', 'none']) },
];

const results = await Promise.allSettled(checks.map((c) => c.run()));
let failed = 0;
for (const [i, result] of results.entries()) {
  const name = checks[i]?.name;
  if (result.status === 'fulfilled') console.log(`  ok    ${name}`);
  else {
    failed++;
    console.error(`  FAIL  ${name}\n${String((result.reason as Error).message ?? result.reason)}`);
  }
}
console.log(
  `check:packages: ${checks.length - failed}/${checks.length} ok in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed > 0 ? 1 : 0);
