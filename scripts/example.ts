/**
 * `npm run example -- <name> [args…]`: runs examples/<name>.ts. Without MINIMAX_API_KEY it first starts the mock
 * on a free port and points the example at it (MINIMAX_BASE_URL); with the key, the example talks to the real API.
 * `npm run example -- browser` serves the browser example (Vite) next to the mock.
 *
 *   npm run example                     # list the examples
 *   npm run example -- chat
 *   npm run example -- voice-clone my-voice.mp3
 *   npm run example -- chat --mock      # the mock even when MINIMAX_API_KEY is set
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const names = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const USAGE = 'Usage: npm run example -- <name> [args…]   (add --mock to use the mock even with MINIMAX_API_KEY set)';
const args = process.argv.slice(2);
const forceMock = args.includes('--mock');
const [name, ...rest] = args.filter((a) => a !== '--mock');

if (!name || name === '--help' || name === '-h') {
  console.log(`${USAGE}\n`);
  for (const n of [...names, 'browser']) console.log(`  ${n}`);
  process.exit(0);
}
if (name !== 'browser' && !names.includes(name)) {
  console.error(`No example "${name}". Known: ${[...names, 'browser'].join(', ')}`);
  process.exit(2);
}

// The browser page is a mock-only demo: a real key does not belong in a page.
const useMock = forceMock || name === 'browser' || !process.env.MINIMAX_API_KEY;
const mock = useMock
  ? await (await import('@minimax-ts/mock'))
      .startMock({ port: name === 'browser' ? 4010 : 0, taskPolls: 3 })
      .catch((err: Error) => {
        // A busy port: one line and the usage, not a stack trace.
        console.error(`[example] could not start the mock: ${err.message}\n\n${USAGE}`);
        process.exit(1);
      })
  : undefined;
if (mock) console.log(`[example] mock server at ${mock.url}`);
else console.log(`[example] MINIMAX_API_KEY is set: talking to ${process.env.MINIMAX_BASE_URL ?? 'the real API'}`);

if (name === 'browser') {
  // Loaded only here: Vite is a heavy import for the other examples.
  const { serveBrowserExample } = await import('../examples/browser/serve.ts');
  const server = await serveBrowserExample({ baseURL: mock?.url });
  console.log(`[example] open ${server.url}   (Ctrl-C to stop)`);
  process.once('SIGINT', () => {
    void Promise.all([server.close(), mock?.close()]).then(() => process.exit(0));
  });
} else {
  const file = join(examplesDir, `${name}.ts`);
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  const env = { ...process.env };
  if (mock) {
    Object.assign(env, { MINIMAX_BASE_URL: mock.url, MINIMAX_API_KEY: 'mock-key', EXAMPLE_POLL_INTERVAL_MS: '250' });
  }
  const child = spawn(process.execPath, ['--conditions=@minimax-ts/source', '--import', 'tsx', file, ...rest], {
    stdio: 'inherit',
    env,
  });
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  await mock?.close();
  process.exit(code);
}
