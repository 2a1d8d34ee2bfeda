/**
 * Child processes for the release test: every command runs in its own process group with a deadline, so a hung
 * `npm install`, a stuck runtime or a registry that never answers is killed with everything it started, and a
 * failure reports the command, its folder and its output. Long-lived children (the registry, a mock started by its
 * bin) are tracked and killed when the test process exits, even on a crash.
 */
import { type ChildProcess, spawn } from 'node:child_process';

/** What a finished command printed, and how long it took. */
export interface RunResult {
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  /** The whole environment of the child (not merged with this process's), so nothing leaks in by accident. */
  env: NodeJS.ProcessEnv;
  /** Killed (with its process group) after this long. */
  timeoutMs: number;
}

/** A command that exited non-zero, was killed, or could not start. */
export class CommandError extends Error {
  override name = 'CommandError' as const;
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

const live = new Set<ChildProcess>();
const killAll = () => {
  for (const child of live) killGroup(child);
};
process.once('exit', killAll);
// Children run in process groups of their own (so a kill reaches what they started): a signal that ends this
// process would not reach them, so pass it on, then let it end us as it would have.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function describe(file: string, args: readonly string[], cwd: string): string {
  return `${[file, ...args].join(' ')} (in ${cwd})`;
}

/** Runs a command to completion; rejects with its output when it fails or outlives `timeoutMs`. */
export function run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const child = spawn(file, args, { cwd: options.cwd, env: options.env, detached: true, stdio: 'pipe' });
  child.stdin?.end();
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      live.delete(child);
      reject(new CommandError(`${describe(file, args, options.cwd)} could not start: ${error.message}`, ''));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      const ms = Date.now() - started;
      if (code === 0 && !timedOut) return resolve({ stdout, stderr, ms });
      const why = timedOut ? `timed out after ${options.timeoutMs} ms` : `exited with ${code ?? signal}`;
      const output = `${stdout}${stderr}`;
      reject(new CommandError(`${describe(file, args, options.cwd)} ${why}:\n${output.slice(-8000)}`, output));
    });
  });
}

/** A long-lived child, once it has printed the line it was waiting for. */
export interface Daemon {
  /** The first match of `ready` in its output. */
  match: RegExpMatchArray;
  /** Everything it printed so far. */
  output(): string;
  /** Kills it and its process group; resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts a long-lived child and resolves when its output matches `ready` (the port it listens on, say). Rejects,
 * killing it, when it exits first or does not get ready within `timeoutMs`.
 */
export function startDaemon(
  file: string,
  args: readonly string[],
  options: RunOptions & { ready: RegExp },
): Promise<Daemon> {
  const child = spawn(file, args, { cwd: options.cwd, env: options.env, detached: true, stdio: 'pipe' });
  child.stdin?.end();
  live.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  void exited.then(() => live.delete(child));
  const stop = async () => {
    killGroup(child);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new CommandError(`${describe(file, args, options.cwd)} ${why}:\n${output.slice(-8000)}`, output));
    };
    const timer = setTimeout(() => fail(`was not ready after ${options.timeoutMs} ms`), options.timeoutMs);
    const onData = (text: string) => {
      output += text;
      const match = output.match(options.ready);
      if (match) {
        clearTimeout(timer);
        resolve({ match, output: () => output, stop });
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('close', (code, signal) => fail(`exited with ${code ?? signal} before it was ready`));
  });
}
