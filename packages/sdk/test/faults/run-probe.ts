/**
 * Runs a probe script (a `.ts` file next to the fault tests) in a child Node process with the SDK's sources, for what
 * a test cannot see from inside the runner: whether the process exits on its own, which unhandled rejections it reports.
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ProbeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `./<name>` and resolves when it exits; past `boundMs` it is killed (a leak would keep it alive). */
export async function runProbe(name: string, boundMs: number): Promise<ProbeRun> {
  const probe = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const child = spawn(process.execPath, ['--conditions=@minimax-ts/source', '--import', 'tsx', probe], {
    cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), boundMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (c, s) => resolve([c, s])),
  );
  clearTimeout(killer);
  return { code, signal, stdout, stderr };
}
