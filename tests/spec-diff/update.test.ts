/** `--update`, always on a temporary copy of the repository layout: the real spec/upstream is never touched. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFromDocument, serializeSpec } from '../../scripts/lib/build.ts';
import { runSpecDiff } from '../../scripts/lib/spec-diff/run.ts';
import { upstreamHashPath, upstreamSpecPath } from '../../scripts/lib/spec-paths.ts';
import { candidate, repoCopy, runCli } from './helpers.ts';

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const realBefore = await readFile(upstreamSpecPath);

afterAll(async () => {
  expect(sha(await readFile(upstreamSpecPath))).toBe(sha(realBefore));
  expect((await readFile(upstreamHashPath, 'utf8')).trim()).toBe(sha(realBefore));
});

describe('--update', () => {
  it('accepts a candidate: vendored bytes, hash, effective spec and generated client', {
    timeout: 120_000,
  }, async () => {
    const root = await repoCopy();
    const path = await candidate((doc) => {
      doc.components.schemas.FileObject.properties.sha256 = { type: 'string', description: 'Content hash' };
    });
    const result = await runSpecDiff({ candidate: path, update: true, impact: false, root });
    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(2);
    expect(result.report?.update?.written).toEqual([
      'spec/upstream/minimax-ai-openapi.json',
      'spec/upstream/SHA256',
      'spec/minimax.openapi.json',
      'packages/generated/src',
    ]);

    const written = await readFile(join(root, 'spec/upstream/minimax-ai-openapi.json'));
    expect(written.equals(await readFile(path))).toBe(true);
    expect((await readFile(join(root, 'spec/upstream/SHA256'), 'utf8')).trim()).toBe(sha(written));
    // The vendored file stays read-only, as it was.
    expect((await stat(join(root, 'spec/upstream/minimax-ai-openapi.json'))).mode & 0o222).toBe(
      (await stat(upstreamSpecPath)).mode & 0o222,
    );

    const built = await buildFromDocument(JSON.parse(written.toString('utf8')), join(root, 'spec/overlays'));
    expect(built.errors).toEqual([]);
    expect(await readFile(join(root, 'spec/minimax.openapi.json'), 'utf8')).toBe(serializeSpec(built.spec));
    const generated = await readdir(join(root, 'packages/generated/src'));
    expect(generated).toEqual(expect.arrayContaining(['index.ts', 'types.gen.ts', 'zod.gen.ts', 'sdk.gen.ts']));
    expect(await readFile(join(root, 'packages/generated/src/types.gen.ts'), 'utf8')).toContain('sha256?: string');

    // Accepted: the same candidate is now no change.
    const again = await runSpecDiff({ candidate: path, impact: false, root });
    expect(again.exitCode).toBe(0);
    expect(again.report?.identical).toBe(true);
  });

  it('refuses while overlays fail to apply: exit 3, one line, nothing written', async () => {
    const root = await repoCopy();
    const before = await readFile(join(root, 'spec/upstream/minimax-ai-openapi.json'));
    const path = await candidate((doc) => delete doc.components.schemas.T2VResp.properties.trial_audio);
    const result = await runCli([path, '--update', '--no-impact'], { SPEC_DIFF_ROOT: root });
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^spec-diff: refusing to --update: 2 overlay action\(s\) no longer apply \(first: 40-corrections\.yaml action #\d+/,
      ),
    ]);
    expect(result.stdout).toContain('Overlays: ❌'); // the report still explains what is wrong
    expect(result.stdout).toContain('Exit code 3');
    expect((await readFile(join(root, 'spec/upstream/minimax-ai-openapi.json'))).equals(before)).toBe(true);
    expect(await readdir(join(root, 'packages/generated/src'))).toEqual([]);
  });

  it('converts a YAML candidate to the JSON it describes', async () => {
    const { stringify } = await import('yaml');
    const root = await repoCopy();
    const doc = JSON.parse(realBefore.toString('utf8'));
    doc.info.description = 'From YAML';
    const { writeTemp } = await import('./helpers.ts');
    const path = await writeTemp('candidate.yaml', stringify(doc));
    const result = await runSpecDiff({ candidate: path, update: true, impact: false, root });
    expect(result.exitCode).toBe(2);
    const written = JSON.parse(await readFile(join(root, 'spec/upstream/minimax-ai-openapi.json'), 'utf8'));
    expect(written).toEqual(doc);
  });
});
