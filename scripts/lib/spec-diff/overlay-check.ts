/**
 * Applies the project's overlays to a candidate, exactly as `npm run spec:build` would, and reports every action
 * that no longer applies: after an upstream change, an overlay that silently stops matching is a bug.
 */
import { applyOverlays, loadOverlays, type OpenAPIDocument, type OverlayProblem } from '../overlay.ts';
import { findDanglingRefs, validateOpenAPI } from '../spec-check.ts';

export interface OverlayCheck {
  /** Every action applied and the result is a valid OpenAPI document without dangling refs. */
  ok: boolean;
  overlayCount: number;
  actionCount: number;
  /** Actions whose target matched nothing (or that openapi-format rejected). */
  problems: OverlayProblem[];
  /** Problems of the effective spec built anyway: dangling refs, OpenAPI validation errors. */
  buildErrors: string[];
  /** The effective spec built from the candidate (even when not ok, for what can still be looked at). */
  effective: OpenAPIDocument;
}

export async function checkOverlays(candidate: OpenAPIDocument, overlaysDir: string): Promise<OverlayCheck> {
  const overlays = await loadOverlays(overlaysDir);
  const { spec, problems } = await applyOverlays(candidate, overlays);
  const buildErrors = findDanglingRefs(spec).map((r) => `dangling $ref in the effective spec: ${r}`);
  if (problems.length === 0 && buildErrors.length === 0) buildErrors.push(...(await validateOpenAPI(spec)));
  return {
    ok: problems.length === 0 && buildErrors.length === 0,
    overlayCount: overlays.length,
    actionCount: overlays.reduce((n, o) => n + o.actions.length, 0),
    problems,
    buildErrors,
    effective: spec,
  };
}

/**
 * The API paths and component schemas an overlay target names (`$.paths['/v1/files/retrieve'].get…`,
 * `$.components.schemas.FileObject…`), so a failing action can be traced to operations and SDK methods.
 */
export function targetPlaces(target: string): { paths: string[]; schemas: string[] } {
  const paths = [...target.matchAll(/\$\.paths\[\s*['"]([^'"]+)['"]\s*\]/g)].map((m) => m[1] as string);
  const schemas = [
    ...[...target.matchAll(/components\.schemas\.([A-Za-z0-9_-]+)/g)].map((m) => m[1] as string),
    ...[...target.matchAll(/components\.schemas\[\s*['"]([^'"]+)['"]\s*\]/g)].map((m) => m[1] as string),
  ];
  return { paths: [...new Set(paths)], schemas: [...new Set(schemas)] };
}
