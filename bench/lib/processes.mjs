/** Child processes of the bench: the server, and suites that report one JSON result. */

import { fork, spawn } from 'node:child_process';
import { benchPath } from './paths.mjs';

/** Starts bench/server.mjs; resolves with its base URL and a `stop()`. */
export function startServer(args = []) {
  const child = spawn(process.execPath, [benchPath('server.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (!out.includes('\n')) return;
      const { port } = JSON.parse(line);
      child.removeAllListeners('exit');
      resolve({
        baseURL: `http://127.0.0.1:${port}`,
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Sets the server's sizes (and builds its stream bodies when `prepare`). */
export async function configureServer(baseURL, config) {
  const response = await fetch(`${baseURL}/_bench/config`, { method: 'POST', body: JSON.stringify(config) });
  if (!response.ok) throw new Error(`server config failed: ${response.status}`);
  return response.json();
}

/**
 * Runs a Node script and returns the JSON it reported with `report()`. stderr passes through (progress lines);
 * `nodeArgs` go before the script (e.g. `--expose-gc`).
 */
export function runSuite(script, args = [], { nodeArgs = ['--expose-gc'], env } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`${script} failed (exit ${code})\n${out.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice('@@RESULT '.length)));
    });
  });
}

/**
 * Starts a contestant in its own process (bench/lib/worker.mjs) and returns `run(message)`, which resolves with the
 * worker's `{ cpuUs, wallMs }` (its own `process.cpuUsage()`), and `stop()`.
 */
export async function startWorker(init) {
  const child = fork(benchPath('lib', 'worker.mjs'), [], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const request = (message) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`worker ${init.name} exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (reply) => {
        child.off('exit', onExit);
        if (reply.error) reject(new Error(`${init.name} (${init.endpoint ?? ''}): ${reply.error}`));
        else resolve(reply);
      });
      child.send(message);
    });
  await request({ type: 'init', ...init });
  return {
    ...init,
    run: (message) => request({ type: 'run', ...message }),
    stop: () => child.disconnect(),
  };
}
