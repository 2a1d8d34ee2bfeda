/** Runs a command the way a newcomer would, with the environment cleaned of anything that reaches the real API. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** No API key, no base URL, no colour hints from the developer's shell: the child sees a fresh CI box. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('MINIMAX_') || key === 'FORCE_COLOR' || key === 'NO_COLOR') delete env[key];
  }
  return { ...env, CI: 'true', ...extra };
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 45_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `node --conditions=@minimax-ts/source --import tsx <file> …`: TypeScript sources, no build. */
export const tsNode = (file: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  ['--conditions=@minimax-ts/source', '--import', 'tsx', file, ...args],
];
