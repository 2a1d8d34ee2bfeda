import { readFile } from 'node:fs/promises';
import { applyOverlays, formatOverlayProblem, loadOverlays, type OpenAPIDocument } from './overlay.ts';
import { findDanglingRefs, validateOpenAPI } from './spec-check.ts';

export interface BuildResult {
  spec: OpenAPIDocument;
  errors: string[];
  overlayCount: number;
  actionCount: number;
}

/** Upstream + overlays → effective spec, with every problem collected rather than thrown one at a time. */
export async function buildEffectiveSpec(opts: { upstreamPath: string; overlaysDir: string }): Promise<BuildResult> {
  const upstream = JSON.parse(await readFile(opts.upstreamPath, 'utf8')) as OpenAPIDocument;
  return buildFromDocument(upstream, opts.overlaysDir);
}

export async function buildFromDocument(upstream: OpenAPIDocument, overlaysDir: string): Promise<BuildResult> {
  const overlays = await loadOverlays(overlaysDir);
  const { spec, problems } = await applyOverlays(upstream, overlays);
  const errors = problems.map(formatOverlayProblem);
  errors.push(...findDanglingRefs(spec).map((r) => `dangling $ref: ${r}`));
  if (errors.length === 0) errors.push(...(await validateOpenAPI(spec)));
  return {
    spec,
    errors,
    overlayCount: overlays.length,
    actionCount: overlays.reduce((n, o) => n + o.actions.length, 0),
  };
}

/** Stable bytes for a stable input: two-space JSON with a trailing newline, key order as the overlays left it. */
export function serializeSpec(spec: OpenAPIDocument): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}
