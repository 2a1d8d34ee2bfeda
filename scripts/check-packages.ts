/**
 * `npm run check:packages` (part of `npm test`): builds the publishable packages and checks what npm would ship.
 *
 * - `npm run build` (turbo: tsup → ESM + CJS + .d.ts/.d.cts);
 * - publint --strict: package.json fields and exports against the packed files;
 * - attw --pack --profile node16: types resolve for `import` and `require` under node16 and bundler resolution.
 *   The profile ignores TypeScript's `node10` resolution, which predates `exports` and cannot see subpaths such as
 *   `@minimax-ts/sdk/node` (engines require Node ≥ 20.19, whose users resolve with node16/nodenext/bundler);
 * - the built entry points load with `import` and `require` (no `@minimax-ts/source` condition), the sdk's core and
 *   chat entries, the fetch relay (with its chunks: no `ws` either) and the AI SDK provider import no Node builtin, the client imports no zod (`validate` loads
 *   `@minimax-ts/sdk/validation` at run time: checked for both formats), and `internal/*` is unreachable outside the
 *   workspace;
 * - the API reference builds (`typedoc --emit none`);
 * - the mock (ESM only, profile esm-only): `@minimax-ts/mock` and `@minimax-ts/mock/msw` load from the build (the
 *   latter also under the `browser` condition, where it must not need Prism), its built code refers to no
 *   TypeScript source, the spec ships inside it, and its `bin` answers `--help`.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const packages = ['packages/generated', 'packages/sdk', 'packages/ai-sdk'];
const mockDir = join(root, 'packages/mock');

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
  ['@minimax-ts/sdk/node', ['saveToFile', 'fileFromPath', 'toNodeListener']],
  ['@minimax-ts/sdk/callbacks', ['createVideoCallbackHandler', 'parseVideoCallback', 'VideoCallbackParseError']],
  ['@minimax-ts/sdk/chat', ['MiniMaxChat', 'APIError']],
  ['@minimax-ts/sdk/realtime', ['connectSpeechSession', 'openSpeechSession', 'APIError']],
  ['@minimax-ts/sdk/relay', ['createSpeechRelay']],
  ['@minimax-ts/sdk/relay/fetch', ['createFetchSpeechRelay']],
  ['@minimax-ts/sdk/validation', ['zodValidator']],
  ['@minimax-ts/generated', ['createClient', 'chatCompletionV2']],
  ['@minimax-ts/generated/zod', ['zChatCompletionV2Response']],
  ['@minimax-ts/ai-sdk', ['createMiniMax', 'minimax', 'MiniMaxLanguageModel', 'safeToResend']],
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
const error = await mm.voices.delete({ voice_id: 'v', voice_type: 'voice_cloning' }).then(() => undefined, (e) => e);
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
  // The ESM client loads the speech-session code from `@minimax-ts/sdk/realtime` (shared chunks); the CJS client has it
  // inline, since a `require`d client importing that ESM entry would get second copies of its error classes.
  const cjsClient = await readFile(join(dist, 'index.cjs'), 'utf8');
  if (cjsClient.includes('@minimax-ts/sdk/realtime') || !cjsClient.includes('function openSpeechSession(')) {
    throw new Error('packages/sdk/dist/index.cjs must carry the speech-session code, not load the ESM entry');
  }
  const reached = new Set(['index.js']); // every file index.js imports, statically or by a literal import()
  for (const file of reached) {
    const code = await readFile(join(dist, file), 'utf8');
    if (code.includes('function openSpeechSession(')) {
      throw new Error(`packages/sdk/dist/${file}, reached from index.js, carries the speech-session code`);
    }
    for (const [, next] of code.matchAll(/(?:from |import\(?)\s*['"]\.\/([\w.-]+\.js)['"]/g))
      reached.add(next as string);
  }
  const browserSafe: Array<[string, string[]]> = [
    [
      'packages/sdk/dist',
      [
        'index.js',
        'index.cjs',
        'chat.js',
        'chat.cjs',
        'callbacks.js',
        'callbacks.cjs',
        'relay-fetch.js',
        'relay-fetch.cjs',
      ],
    ],
    ['packages/ai-sdk/dist', ['index.js', 'index.cjs']],
  ];
  for (const [dir, files] of browserSafe) {
    for (const file of files) {
      const code = await readFile(join(root, dir, file), 'utf8');
      const builtin = code.match(/(?:from |require\(|import\()\s*['"](node:[\w/]+)/);
      if (builtin) throw new Error(`${dir}/${file} imports ${builtin[1]}: the entry must stay browser-safe`);
    }
  }
  // The fetch relay bundles for edge runtimes: neither it nor a chunk it imports may import a Node builtin or `ws`.
  const edge = new Set(['relay-fetch.js']);
  for (const file of edge) {
    const code = await readFile(join(dist, file), 'utf8');
    const banned = code.match(/(?:from |import\(?)\s*['"](node:[\w/]+|ws)['"]/);
    if (banned) throw new Error(`packages/sdk/dist/${file}, reached from relay-fetch.js, imports ${banned[1]}`);
    for (const [, next] of code.matchAll(/from\s*['"]\.\/([\w.-]+\.js)['"]/g)) edge.add(next as string);
  }
}

/** The mock is ESM only: each entry imports from the build, and nothing in it points back at TypeScript sources. */
async function loadBuiltMock(): Promise<void> {
  const probes: Array<[string[], string, string[]]> = [
    [[], '@minimax-ts/mock', ['startMock', 'MockListenError', 'DEFAULT_SPEC_PATH']],
    [[], '@minimax-ts/mock/msw', ['createHandlers', 'DEFAULT_BASE_URLS']],
    [['--conditions=browser'], '@minimax-ts/mock/msw', ['createHandlers', 'DEFAULT_BASE_URLS']],
  ];
  for (const [flags, specifier, names] of probes) {
    const probe = `const missing = ${JSON.stringify(names)}.filter((n) => typeof m[n] === 'undefined'); if (missing.length) { console.error('missing', missing); process.exit(1); }`;
    await sh(process.execPath, [
      ...flags,
      '--input-type=module',
      '-e',
      `const m = await import('${specifier}'); ${probe}`,
    ]);
  }
  const browser = await readFile(join(mockDir, 'dist/browser/msw.js'), 'utf8');
  if (/@stoplight\/prism|from ['"]node:/.test(browser))
    throw new Error('dist/browser/msw.js imports Prism or a Node builtin');
  for (const file of ['index.js', 'msw.js', 'cli.js', 'browser/msw.js']) {
    const code = await readFile(join(mockDir, 'dist', file), 'utf8');
    if (/@minimax-ts\/sdk\/internal|\/src\/[\w/-]+\.ts['"]/.test(code))
      throw new Error(`dist/${file} refers to TypeScript sources`);
  }
  await readFile(join(mockDir, 'spec/minimax.openapi.json'));
  const help = await sh(process.execPath, [join(mockDir, 'dist/cli.js'), '--help']);
  if (!help.includes('Usage: minimax-mock')) throw new Error(`minimax-mock --help printed:\n${help}`);
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
  { name: 'publint packages/mock', run: () => sh(bin('publint'), ['--strict'], mockDir) },
  {
    name: 'attw packages/mock',
    run: () => sh(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped'], mockDir),
  },
  { name: 'built entry points (import + require)', run: loadBuilt },
  { name: 'built mock (import, browser condition, bin, spec)', run: loadBuiltMock },
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
