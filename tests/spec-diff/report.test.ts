/** The whole run without the slow impact steps: reports, exit codes, overlays that stop matching. */
import { describe, expect, it } from 'vitest';
import { parseTscOutput } from '../../scripts/lib/spec-diff/impact.ts';
import { targetPlaces } from '../../scripts/lib/spec-diff/overlay-check.ts';
import { runSpecDiff } from '../../scripts/lib/spec-diff/run.ts';
import { repoRoot } from '../../scripts/lib/spec-paths.ts';
import { candidate } from './helpers.ts';

const run = async (edit: Parameters<typeof candidate>[0], json = false) =>
  runSpecDiff({ candidate: await candidate(edit), impact: false, json });

describe('exit codes and reports', () => {
  it('no-op candidate → 0, and the report says so', async () => {
    const result = await run(() => {});
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('✅ no');
    expect(result.report?.changes).toEqual([]);
  });

  it('removed response field → 1; the report names the field and the SDK methods', async () => {
    const result = await run((doc) => delete doc.components.schemas.VideoGenerationResp.properties.task_id);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('response field `task_id` removed');
    expect(result.output).toContain('`mm.video.create`');
    expect(result.output).toContain('`mm.video.generate`');
    expect(result.report?.affectedSdkMethods).toEqual(['mm.video.create', 'mm.video.generate']);
    expect(result.report?.changes[0]).toMatchObject({
      kind: 'field-removed',
      severity: 'breaking',
      pointer: '/components/schemas/VideoGenerationResp/properties',
      sdkMethods: ['mm.video.create', 'mm.video.generate'],
    });
  });

  it('non-breaking changes only → 2', async () => {
    const result = await run((doc) => {
      doc.components.schemas.FileObject.properties.sha256 = { type: 'string' };
      doc.info.description = 'MiniMax API';
    });
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain('### Non-breaking (1)');
    expect(result.output).toContain('Documentation only (1)');
  });

  it('--json: the same report as data', async () => {
    const result = await run((doc) => doc.components.schemas.VideoProcessStatus.enum.push('Failed'), true);
    const report = JSON.parse(result.output);
    expect(report).toMatchObject({
      exitCode: 1,
      summary: { breaking: 1, nonBreaking: 0 },
      changes: [{ kind: 'enum-value-added', after: 'Failed', pointer: '/components/schemas/VideoProcessStatus/enum' }],
      overlays: { ok: true },
      impactSkipped: '--no-impact',
    });
    expect(report.changes[0].sdkMethods).toEqual(['mm.video.templates.retrieve', 'mm.video.templates.wait']);
  });

  it('escapes table cells', async () => {
    const result = await run((doc) => doc.components.schemas.VideoProcessStatus.enum.push('a|b'));
    expect(result.output).toContain('a\\|b');
  });
});

describe('overlays', () => {
  it('an overlay action that stops matching is reported with its file, action and SDK methods, and exits 1', async () => {
    const result = await run((doc) => delete doc.components.schemas.T2VResp.properties.trial_audio);
    expect(result.exitCode).toBe(1);
    const failure = result.report?.overlays.failures[0];
    expect(failure).toMatchObject({
      overlay: '40-corrections.yaml',
      target: '$.components.schemas.T2VResp.properties.trial_audio',
      sdkMethods: ['mm.voices.design'],
    });
    // trial_audio is corrected twice: its description (40-corrections) and its hex pattern (88-success-bodies).
    expect(result.report?.overlays.failures.map((f) => f.overlay)).toEqual([
      '40-corrections.yaml',
      '88-success-bodies.yaml',
    ]);
    expect(result.report?.summary.impactFailures).toBe(2);
    expect(result.output).toMatch(/Overlays: ❌ 2 action\(s\) no longer apply/);
    expect(result.output).toContain('`40-corrections.yaml` action #');
  });

  it('an upstream fix that makes an overlay redundant is still reported (the overlay must be dropped)', async () => {
    const result = await run((doc) => delete doc.components.securitySchemes.bearerAuth.bearerFormat);
    expect(result.report?.overlays.failures.map((f) => f.overlay)).toEqual(['11-info-servers.yaml']);
    expect(result.exitCode).toBe(1);
  });

  it('names the paths and schemas an overlay target points at', () => {
    expect(targetPlaces("$.paths['/v1/files/list'].get.parameters[?(@.name == 'purpose')]")).toEqual({
      paths: ['/v1/files/list'],
      schemas: [],
    });
    expect(targetPlaces('$.components.schemas.FileObject.properties')).toEqual({ paths: [], schemas: ['FileObject'] });
    expect(targetPlaces("$.components.schemas['T2VResp']")).toEqual({ paths: [], schemas: ['T2VResp'] });
  });
});

describe('typecheck output', () => {
  it('parses tsc diagnostics and attributes them to SDK methods', () => {
    const output = [
      "packages/sdk/src/resources/video.ts(151,13): error TS2339: Property 'task_id' does not exist on type 'VideoGenerationResp'.",
      'packages/sdk/src/core/errors.ts(1,1): error TS1005: oops',
      '  continued detail',
    ].join('\n');
    const sdk = {
      methods: [],
      byOperationId: new Map(),
      unmatched: [],
      methodsAt: (file: string, line: number) =>
        file === 'resources/video.ts' && line === 151 ? ['mm.video.generate'] : [],
    };
    const errors = parseTscOutput(output, repoRoot, sdk);
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'packages/sdk/src/resources/video.ts',
        line: 151,
        code: 'TS2339',
        sdkMethods: ['mm.video.generate'],
      }),
      expect.objectContaining({
        file: 'packages/sdk/src/core/errors.ts',
        message: 'oops continued detail',
        sdkMethods: [],
      }),
    ]);
  });
});
