import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openapiOverlay } from 'openapi-format';
import { parse as parseYaml } from 'yaml';

export type OpenAPIDocument = Record<string, unknown>;

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayFile {
  /** File name, e.g. `20-base-resp-envelope.yaml`; its numeric prefix fixes the order. */
  name: string;
  actions: OverlayAction[];
  document: Record<string, unknown>;
}

/** An overlay action that did not change the document: its target matched nothing, or it was rejected. */
export interface OverlayProblem {
  overlay: string;
  index: number;
  target: string;
  description?: string;
  reason: string;
}

export class OverlayLoadError extends Error {
  override name = 'OverlayLoadError' as const;
}

/** Reads every `*.yaml` overlay in `dir`, sorted by file name (the numeric prefix is the application order). */
export async function loadOverlays(dir: string): Promise<OverlayFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  const files: OverlayFile[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    let document: unknown;
    try {
      document = parseYaml(text);
    } catch (error) {
      throw new OverlayLoadError(`${name}: not valid YAML (${(error as Error).message})`);
    }
    if (!isObject(document) || typeof document.overlay !== 'string' || !/^1\.0\.\d+$/.test(document.overlay)) {
      throw new OverlayLoadError(`${name}: not an OpenAPI Overlay 1.0 document (missing "overlay: 1.0.x")`);
    }
    if (!Array.isArray(document.actions) || document.actions.length === 0) {
      throw new OverlayLoadError(`${name}: has no actions`);
    }
    files.push({ name, actions: document.actions as OverlayAction[], document });
  }
  return files;
}

/**
 * Applies overlays in order. An action whose target matches nothing is reported, never ignored:
 * an overlay that silently stops applying after an upstream change is a bug we want to see.
 */
export async function applyOverlays(
  spec: OpenAPIDocument,
  overlays: OverlayFile[],
): Promise<{ spec: OpenAPIDocument; problems: OverlayProblem[] }> {
  let current: OpenAPIDocument = structuredClone(spec);
  const problems: OverlayProblem[] = [];
  for (const overlay of overlays) {
    // openapi-format reports malformed actions through console.error; collect them instead of printing.
    const logged: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    let result: Awaited<ReturnType<typeof openapiOverlay>>;
    try {
      result = await openapiOverlay(current, { overlaySet: overlay.document } as never);
    } finally {
      console.error = originalError;
    }
    current = result.data as OpenAPIDocument;
    const unused = new Set(result.resultData.unusedActions as unknown[]);
    overlay.actions.forEach((action, index) => {
      if (unused.has(action)) {
        problems.push({
          overlay: overlay.name,
          index,
          target: action.target,
          description: action.description,
          reason: 'target matches nothing in the document',
        });
      }
    });
    for (const message of logged) {
      problems.push({ overlay: overlay.name, index: -1, target: '', reason: message });
    }
  }
  return { spec: current, problems };
}

export function formatOverlayProblem(p: OverlayProblem): string {
  const where = p.index >= 0 ? `action #${p.index + 1} (${p.target})` : 'overlay';
  return `${p.overlay} ${where}: ${p.reason}${p.description ? ` — ${p.description}` : ''}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
