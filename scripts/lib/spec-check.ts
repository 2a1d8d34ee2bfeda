import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPIDocument } from './overlay.ts';

/** Every local `$ref` in the document whose target does not exist, as `pointer -> $ref`. */
export function findDanglingRefs(doc: OpenAPIDocument): string[] {
  const dangling: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${pointer}/${i}`);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith('#') || resolvePointer(doc, value.slice(1)) === undefined) {
          dangling.push(`${pointer || '/'} -> ${value}`);
        }
      } else {
        visit(value, `${pointer}/${escapePointer(key)}`);
      }
    }
  };
  visit(doc, '');
  return dangling;
}

export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return doc;
  let node: unknown = doc;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Validates against the OpenAPI 3.1 meta-schema plus the parser's semantic checks; returns readable errors. */
export async function validateOpenAPI(doc: OpenAPIDocument): Promise<string[]> {
  const result = await validate(structuredClone(doc) as never);
  if (result.valid) return [];
  return [compileErrors(result)];
}
