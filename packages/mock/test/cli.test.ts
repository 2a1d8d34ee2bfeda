/**
 * Issue #12 item 22: a mistyped option or a busy port is one line and the usage — never a stack trace — for
 * `minimax-mock` (`npm run mock`), `npm start` and `npm run example -- browser`.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function run(script: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=@minimax-ts/source', '--import', 'tsx', script, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MINIMAX_API_KEY: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** One message line, a blank line, the usage; no `    at …` frames. */
function expectOneLineAndUsage(stderr: string, first: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(first);
  expect(lines[1]).toBe('');
  expect(lines[2]).toMatch(/^Usage: /);
  expect(stderr).not.toMatch(/^\s+at /m);
}

/** Holds a port (or finds it already held by someone else): either way, busy. */
function occupy(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('cli errors', () => {
  let busy: Server | undefined;
  let busyPort: number;
  beforeAll(async () => {
    busy = await occupy(0);
    busyPort = (busy!.address() as { port: number }).port;
  });
  afterAll(() => busy?.close());

  it('minimax-mock --prot: one line and the usage, exit 2', async () => {
    const { code, err } = await run('packages/mock/src/cli.ts', ['--prot', '4010']);
    expect(code).toBe(2);
    expectOneLineAndUsage(err, /^minimax-mock: Unknown option '--prot'/);
  });

  it('minimax-mock --port <busy>: one line and the usage, exit 1', async () => {
    const { code, err } = await run('packages/mock/src/cli.ts', ['--port', String(busyPort)]);
    expect(code).toBe(1);
    expectOneLineAndUsage(err, new RegExp(`^minimax-mock: port ${busyPort} on 127\\.0\\.0\\.1 is already in use`));
  });

  it('minimax-mock --port 99999: one line and the usage', async () => {
    const { code, err } = await run('packages/mock/src/cli.ts', ['--port', '99999']);
    expect(code).toBe(2);
    expectOneLineAndUsage(err, /^minimax-mock: --port expects an integer from 0 to 65535/);
  });

  it('npm start -- --prot: one line and the usage', async () => {
    const { code, err } = await run('scripts/start.ts', ['--prot']);
    expect(code).toBe(2);
    expectOneLineAndUsage(err, /^npm start: Unknown option '--prot'/);
  });

  it('npm run example -- browser with port 4010 busy: one line and the usage', async () => {
    const held = await occupy(4010);
    try {
      const { code, err } = await run('scripts/example.ts', ['browser']);
      expect(code).toBe(1);
      expectOneLineAndUsage(err, /^\[example\] could not start the mock: port 4010 on 127\.0\.0\.1 is already in use/);
    } finally {
      held?.close();
    }
  });
});
