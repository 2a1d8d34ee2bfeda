/** Bad input: exit 3 with one clear line, never a stack trace; and the inputs that are fine (YAML, URLs). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runSpecDiff } from '../../scripts/lib/spec-diff/run.ts';
import { candidate, runCli, tempDir, upstream, upstreamText, writeTemp } from './helpers.ts';

const run = (source: string, extra: Partial<Parameters<typeof runSpecDiff>[0]> = {}) =>
  runSpecDiff({ candidate: source, impact: false, ...extra });

async function expectInputError(source: string, pattern: RegExp, extra = {}) {
  const result = await run(source, extra);
  expect(result.exitCode).toBe(3);
  expect(result.error).toMatch(pattern);
  expect(result.error?.split('\n')).toHaveLength(1);
  expect(result.error).not.toMatch(/\n\s+at /);
  return result;
}

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/spec.json') res.end(upstreamText);
    else if (req.url === '/spec.yaml') res.end(stringify(upstream()));
    else if (req.url === '/hang') {
      /* never answers */
    } else {
      res.statusCode = 404;
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('bad input → exit 3, one line', () => {
  it('a missing file', async () => {
    await expectInputError('/nonexistent/spec.json', /^\/nonexistent\/spec\.json: no such file$/);
  });

  it('a directory', async () => {
    await expectInputError(await tempDir(), /is a directory/);
  });

  it('an empty file', async () => {
    await expectInputError(await writeTemp('empty.json', '  \n'), /the file is empty/);
  });

  it('invalid JSON', async () => {
    await expectInputError(await writeTemp('bad.json', '{"openapi": "3.1.0", '), /not valid JSON \(/);
  });

  it('invalid YAML', async () => {
    await expectInputError(
      await writeTemp('bad.yaml', 'openapi: 3.1.0\npaths: [a\n  b: }\n'),
      /not valid JSON or YAML/,
    );
  });

  it('a JSON document that is not OpenAPI', async () => {
    await expectInputError(await writeTemp('pkg.json', '{"name": "x"}'), /not an OpenAPI document \(no "openapi"/);
    await expectInputError(await writeTemp('list.json', '[1, 2]'), /not an OpenAPI document/);
    await expectInputError(await writeTemp('text.yaml', 'just some text'), /not an OpenAPI document/);
  });

  it('Swagger 2.0, OpenAPI 2, and a document without paths', async () => {
    await expectInputError(
      await writeTemp('swagger.json', '{"swagger": "2.0", "paths": {}}'),
      /Swagger 2\.0 is not supported/,
    );
    await expectInputError(
      await writeTemp('v2.json', '{"openapi": "2.0", "paths": {}}'),
      /OpenAPI 2\.0 is not supported/,
    );
    await expectInputError(await writeTemp('nopaths.json', '{"openapi": "3.1.0"}'), /no "paths" object/);
  });

  it('a new dangling $ref', async () => {
    const path = await candidate((doc) => {
      doc.components.schemas.FileObject.properties.owner = { $ref: '#/components/schemas/Owner' };
    });
    await expectInputError(path, /dangling \$ref .*#\/components\/schemas\/Owner/);
  });

  it('an external $ref', async () => {
    const path = await candidate((doc) => {
      doc.components.schemas.FileObject.properties.owner = { $ref: 'other.json#/Owner' };
    });
    await expectInputError(path, /dangling \$ref .*other\.json/);
  });

  it('an unreachable URL (closed local port)', async () => {
    const port = await closedPort();
    await expectInputError(`http://127.0.0.1:${port}/spec.json`, /unreachable \(ECONNREFUSED\)/);
  });

  it('a URL answering 404', async () => {
    await expectInputError(`${base}/missing.json`, /HTTP 404/);
  });

  it('a URL that never answers, within the timeout', async () => {
    const started = Date.now();
    await expectInputError(`${base}/hang`, /no answer within 0\.3 s/, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a vendored file that is missing (wrong SPEC_DIFF_ROOT)', async () => {
    const root = await tempDir();
    await expectInputError(await candidate(() => {}), /vendored upstream spec is missing/, { root });
  });
});

describe('good input', () => {
  it('the dangling refs the vendored file already has are tolerated', async () => {
    const result = await run(await candidate(() => {}));
    expect(result.exitCode).toBe(0);
  });

  it('a URL serving the same file → exit 0', async () => {
    const result = await run(`${base}/spec.json`);
    expect(result).toMatchObject({ exitCode: 0 });
    expect(result.report?.identical).toBe(true);
  });

  it('the same document as YAML → exit 0 (no structural change), from a URL or a file', async () => {
    const fromUrl = await run(`${base}/spec.yaml`);
    expect(fromUrl.exitCode).toBe(0);
    expect(fromUrl.report?.candidate.format).toBe('yaml');
    expect(fromUrl.report?.identical).toBe(false);
    const fromFile = await run(await writeTemp('spec.yaml', stringify(upstream())));
    expect(fromFile.exitCode).toBe(0);
  });

  it('relative paths resolve against the given cwd (INIT_CWD under npm)', async () => {
    const path = await candidate(() => {}, 'rel.json');
    const dir = path.slice(0, path.lastIndexOf('/'));
    expect((await run('rel.json', { cwd: dir })).exitCode).toBe(0);
  });
});

describe('the command', () => {
  it('prints one line on stderr and exits 3 for bad input', async () => {
    const result = await runCli(['/nonexistent/spec.json']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['spec-diff: /nonexistent/spec.json: no such file']);
  });

  it('rejects a missing argument and unknown options with exit 3', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/no candidate spec given/);
    const unknown = await runCli(['x.json', '--frobnicate']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 0 on the vendored file itself, and prints the Markdown report', async () => {
    const result = await runCli(['spec/upstream/minimax-ai-openapi.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^## spec-diff: ✅ no change/);
  });

  it('--json prints a parseable report; --output writes it to a file too', async () => {
    const out = `${await tempDir()}/report.json`;
    const path = await candidate((doc) => (doc.components.schemas.FileObject.properties.sha256 = { type: 'string' }));
    const result = await runCli([path, '--json', '--no-impact', '--output', out]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ exitCode: 2, summary: { breaking: 0, nonBreaking: 1 } });
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(out, 'utf8')).toBe(result.stdout);
  });
});
