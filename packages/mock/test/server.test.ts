/** Running it: CORS, health, reset, dynamic mode, reload on spec change, clean shutdown, the CLI. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.ts';
import {
  AUTH,
  describeErrors,
  get,
  post,
  readJson,
  requestExample,
  responseValidator,
  SPEC_PATH,
  sleep,
  start,
} from './helpers.ts';

const CHAT = '/v1/text/chatcompletion_v2';

describe('server', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await start();
  });
  afterAll(() => mock.close());

  it('answers CORS preflights and exposes Trace-Id to browsers', async () => {
    const pre = await fetch(`${mock.url}${CHAT}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, prefer',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(pre.headers.get('access-control-allow-headers')).toContain('prefer');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');

    const res = await post(mock, CHAT, requestExample('post', CHAT), { Origin: 'http://localhost:5173' });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')).toContain('Trace-Id');
    expect(res.headers.get('trace-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('has a health endpoint', async () => {
    const res = await fetch(`${mock.url}/__health`);
    const body = (await res.json()) as { status: string; operations: number };
    expect(body.status).toBe('ok');
    expect(body.operations).toBeGreaterThan(10);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expect((await get(mock, '/v1/nope')).status).toBe(404);
    expect((await get(mock, CHAT)).status).toBe(405);
  });

  it('forgets files and tasks on POST /__reset', async () => {
    const form = new FormData();
    form.set('purpose', 'voice_clone');
    form.set('file', new Blob(['x']), 'x.txt');
    await fetch(`${mock.url}/v1/files/upload`, { method: 'POST', headers: AUTH, body: form });
    expect(
      ((await (await get(mock, '/v1/files/list?purpose=voice_clone')).json()) as { files: [] }).files,
    ).toHaveLength(1);
    await fetch(`${mock.url}/__reset`, { method: 'POST' });
    expect(
      ((await (await get(mock, '/v1/files/list?purpose=voice_clone')).json()) as { files: [] }).files,
    ).toHaveLength(0);
  });

  it('serves a named spec example with Prefer: example=<key>', async () => {
    const res = await post(
      mock,
      CHAT,
      { ...requestExample('post', CHAT), stream: true },
      {
        Prefer: 'example=with_done_marker',
      },
    );
    const text = await res.text();
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });
});

describe('native error bodies', () => {
  it('serves a named error body (x-minimax-error-examples) with Prefer: example=<key>, as HTTP 200', async () => {
    const mock = await start();
    try {
      const res = await post(mock, '/v1/image_generation', requestExample('post', '/v1/image_generation'), {
        Prefer: 'example=rate_limited',
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { base_resp: { status_code: number } }).base_resp.status_code).toBe(1002);
      const plain = await post(mock, '/v1/image_generation', requestExample('post', '/v1/image_generation'));
      expect(((await plain.json()) as { base_resp: { status_code: number } }).base_resp.status_code).toBe(0);
    } finally {
      await mock.close();
    }
  });
});

describe('dynamic mode', () => {
  it('generates bodies from the schemas, reproducibly for a seed', async () => {
    const a = await start({ dynamic: true, seed: 'seed-1' });
    const b = await start({ dynamic: true, seed: 'seed-1' });
    try {
      const body = requestExample('post', '/v1/image_generation');
      const ra = await (await post(a, '/v1/image_generation', body)).text();
      const rb = await (await post(b, '/v1/image_generation', body)).text();
      expect(ra).toBe(rb);
      const validate = responseValidator('/v1/image_generation', 'post', '200', 'application/json')!;
      const parsed = readJson(ra);
      expect(validate(parsed), describeErrors(validate)).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('reload', () => {
  it('picks up a changed spec file and keeps the old one when the new one is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-spec-'));
    const file = join(dir, 'spec.json');
    const doc = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, unknown> };
    writeFileSync(file, JSON.stringify(doc));
    const mock = await start({ spec: file, watch: true });
    try {
      const count = async () =>
        ((await (await fetch(`${mock.url}/__health`)).json()) as { operations: number }).operations;
      const before = await count();
      delete doc.paths['/v1/image_generation'];
      await sleep(20);
      writeFileSync(file, JSON.stringify(doc));
      let after = before;
      for (let i = 0; i < 50 && after === before; i++) {
        await sleep(100);
        after = await count();
      }
      expect(after).toBe(before - 1);
      expect((await post(mock, '/v1/image_generation', {})).status).toBe(404);

      writeFileSync(file, '{ "openapi": "3.1.0", "paths": '); // half-written
      await sleep(1200);
      expect(await count()).toBe(after);
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('close()', () => {
  it('leaves nothing listening, even with an idle keep-alive connection and a stalled stream', async () => {
    const mock = await start();
    // An idle keep-alive connection…
    await (await fetch(`${mock.url}/__health`)).text();
    // …and a stream that will never finish.
    const stalled = await post(
      mock,
      CHAT,
      { ...requestExample('post', CHAT), stream: true },
      {
        Prefer: 'scenario=stream_stall',
      },
    );
    const reader = stalled.body!.getReader();
    await reader.read();

    const started = Date.now();
    await mock.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(reader.read()).rejects.toThrow();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(mock.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});

describe('cli', () => {
  it('prints the base URL and a usage hint, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@minimax-ts/source',
        '--import',
        'tsx',
        'packages/mock/src/cli.ts',
        '--port',
        '0',
        '--spec',
        SPEC_PATH,
      ],
      { cwd: join(import.meta.dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      for (let i = 0; i < 200 && !/Try: /.test(out); i++) await sleep(50);
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      expect(out).toContain('Prefer: scenario=');
      const health = await fetch(`${url}/__health`);
      expect(health.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
