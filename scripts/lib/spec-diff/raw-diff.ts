/**
 * The catch-all: a plain positional diff of the two documents, $refs untouched. Everything it finds that the
 * structural diff did not look at is still reported — as documentation (descriptions, examples, `x-` extensions)
 * or as `other` — so that no difference between the files goes unmentioned.
 */
import { canonical, isObject, join, tokens } from './pointer.ts';

/** Arrays whose order carries no meaning. */
const SET_KEYWORDS = new Set(['required', 'enum', 'type', 'tags']);

/** Keywords that only document: they change no request and no response. */
const ANNOTATIONS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'tags',
  'info',
  'contact',
  'license',
  'termsOfService',
  '$comment',
]);

/** Maps whose keys are names (a property called `description` is not a description). */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'callbacks',
  'links',
  'content',
  'paths',
  'webhooks',
  'variables',
  'mapping',
  'scopes',
  'encoding',
  'pathItems',
]);

export interface RawDifference {
  /** Where in the candidate (for a removal: where it was in the vendored file). */
  pointer: string;
  /** Where in the vendored file (differs from `pointer` when named array items moved). */
  basePointer: string;
  /** `added`: only in the candidate; `removed`: only in the vendored file; `changed`: in both, different. */
  change: 'added' | 'removed' | 'changed';
}

export function rawDiff(base: unknown, cand: unknown): RawDifference[] {
  const out: RawDifference[] = [];
  const push = (pointer: string, basePointer: string, change: RawDifference['change']) =>
    out.push({ pointer, basePointer, change });
  const visit = (b: unknown, c: unknown, pointer: string, basePointer: string, key: string): void => {
    if (Array.isArray(b) && Array.isArray(c)) {
      if (SET_KEYWORDS.has(key)) {
        const norm = (a: unknown[]) => JSON.stringify(a.map(canonical).sort());
        if (norm(b) !== norm(c)) push(pointer, basePointer, 'changed');
        return;
      }
      const bKeys = itemKeys(b);
      const cKeys = itemKeys(c);
      if (bKeys && cKeys) {
        // Named items (parameters, headers): matched by name, so reordering them is no difference.
        bKeys.forEach((k, i) => {
          const j = cKeys.indexOf(k);
          if (j < 0) push(join(basePointer, i), join(basePointer, i), 'removed');
          else visit(b[i], c[j], join(pointer, j), join(basePointer, i), String(j));
        });
        cKeys.forEach((k, j) => {
          if (!bKeys.includes(k)) push(join(pointer, j), join(pointer, j), 'added');
        });
        return;
      }
      for (let i = 0; i < Math.max(b.length, c.length); i++) {
        const at = join(pointer, i);
        const baseAt = join(basePointer, i);
        if (i >= b.length) push(at, baseAt, 'added');
        else if (i >= c.length) push(at, baseAt, 'removed');
        else visit(b[i], c[i], at, baseAt, String(i));
      }
      return;
    }
    if (isObject(b) && isObject(c)) {
      for (const k of Object.keys(b)) {
        const at = join(pointer, k);
        const baseAt = join(basePointer, k);
        if (!Object.hasOwn(c, k)) push(at, baseAt, 'removed');
        else visit(b[k], c[k], at, baseAt, k);
      }
      for (const k of Object.keys(c)) {
        if (!Object.hasOwn(b, k)) push(join(pointer, k), join(basePointer, k), 'added');
      }
      return;
    }
    if (canonical(b) !== canonical(c)) push(pointer, basePointer, 'changed');
  };
  visit(base, cand, '', '', '');
  return out;
}

/** `in.name` of each item when every item is a uniquely named object (parameters, headers), else undefined. */
function itemKeys(list: unknown[]): string[] | undefined {
  const keys = list.map((item) =>
    isObject(item) && typeof item.name === 'string' ? `${String(item.in ?? '')}.${item.name}` : undefined,
  );
  if (keys.some((k) => k === undefined) || new Set(keys).size !== keys.length) return undefined;
  return keys as string[];
}

/** Whether a pointer lies inside documentation: a description, an example, an `x-` extension, `info`… */
export function isAnnotation(pointer: string): boolean {
  const parts = tokens(pointer);
  return parts.some((part, i) => {
    const parent = i > 0 ? parts[i - 1] : undefined;
    if (parent !== undefined && NAME_MAPS.has(parent)) return false;
    return ANNOTATIONS.has(part) || part.startsWith('x-');
  });
}

/** Whether one pointer is the other or contains it. */
export function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
