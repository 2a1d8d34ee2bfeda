/**
 * The full impact path (regenerate, typecheck packages/sdk, contract tests against a mock of the candidate).
 * Slow — about 25 s per run — so only these two cases take it; everything else uses `--no-impact`.
 */
import { describe, expect, it } from 'vitest';
import { runSpecDiff } from '../../scripts/lib/spec-diff/run.ts';
import { candidate } from './helpers.ts';

const SLOW = { timeout: 300_000 };

describe('impact on the SDK', () => {
  it('a removed response field the SDK reads breaks its typecheck, attributed to the method', SLOW, async () => {
    const path = await candidate((doc) => delete doc.components.schemas.VideoGenerationResp.properties.task_id);
    const result = await runSpecDiff({ candidate: path });
    expect(result.exitCode).toBe(1);
    const impact = result.report?.impact;
    expect(impact?.generated).toMatchObject({ ok: true });
    expect(impact?.generated.changedFiles).toEqual(expect.arrayContaining(['types.gen.ts', 'zod.gen.ts']));
    expect(impact?.typecheck.ok).toBe(false);
    expect(impact?.typecheck.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'packages/sdk/src/resources/video.ts',
          code: 'TS2339',
          message: expect.stringContaining("'task_id'"),
          sdkMethods: ['mm.video.generate'],
        }),
      ]),
    );
    expect(impact?.contract.ran).toBe(true);
    expect(result.output).toMatch(/Typecheck of `packages\/sdk`: ❌ \d+ error\(s\)/);
    expect(result.output).toContain('(in `mm.video.generate`)');
    expect(result.report?.affectedSdkMethods).toContain('mm.video.generate');
  });

  it('an added optional response field regenerates cleanly: typecheck and contract tests pass', SLOW, async () => {
    const path = await candidate((doc) => {
      doc.components.schemas.ImageGenerationResp.properties.request_id = { type: 'string' };
    });
    const result = await runSpecDiff({ candidate: path });
    expect(result.exitCode).toBe(2);
    const impact = result.report?.impact;
    expect(impact?.typecheck).toMatchObject({ ran: true, ok: true, errors: [] });
    expect(impact?.contract).toMatchObject({ ran: true, ok: true, failed: [] });
    expect(impact?.contract.passed).toBeGreaterThan(10);
    expect(result.output).toMatch(/Contract tests against a mock of the candidate: ✅ \d+ passed/);
  });
});
