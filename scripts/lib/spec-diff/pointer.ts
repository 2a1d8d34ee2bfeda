/** JSON pointers and local `$ref` resolution over plain JSON documents. */

export type Json = Record<string, unknown>;

export function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `join('/paths', '/v1/files', 'get')` → `/paths/~1v1~1files/get`. */
export function join(pointer: string, ...keys: Array<string | number>): string {
  return pointer + keys.map((k) => `/${escapeToken(String(k))}`).join('');
}

export function tokens(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

export function get(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const key of tokens(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

export function has(doc: unknown, pointer: string): boolean {
  let node = doc;
  for (const key of tokens(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Json)[key];
  }
  return true;
}

/** The pointer itself if it exists in `doc`, else its nearest existing ancestor (a removal's place). */
export function nearestExisting(doc: unknown, pointer: string): string {
  const parts = tokens(pointer);
  while (parts.length > 0 && !has(doc, join('', ...parts))) parts.pop();
  return join('', ...parts);
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A node with its `$ref`s followed: where it really lives, and its content. */
export interface Resolved {
  node: Json;
  pointer: string;
  /** The `$ref` that could not be resolved (external or dangling), if any. */
  dangling?: string;
}

/**
 * Follows local `$ref`s. OpenAPI 3.1 allows keywords beside `$ref` (`description`, `nullable`…): they are laid
 * over the target. A chain of refs that loops on itself resolves to an empty node instead of spinning.
 */
export function deref(doc: unknown, node: unknown, pointer: string): Resolved {
  let current: Json = isObject(node) ? node : {};
  let where = pointer;
  const siblings: Json[] = [];
  const seen = new Set<string>();
  while (typeof current.$ref === 'string') {
    const ref = current.$ref;
    const { $ref: _ref, ...rest } = current;
    if (Object.keys(rest).length > 0) siblings.unshift(rest);
    if (!ref.startsWith('#') || seen.has(ref)) return { node: merge(siblings), pointer: where, dangling: ref };
    seen.add(ref);
    const target = get(doc, ref.slice(1));
    if (target === undefined) return { node: merge(siblings), pointer: where, dangling: ref };
    current = isObject(target) ? target : {};
    where = ref.slice(1);
  }
  return { node: siblings.length > 0 ? { ...current, ...merge(siblings) } : current, pointer: where };
}

function merge(parts: Json[]): Json {
  return Object.assign({}, ...parts);
}

/** Stable JSON for comparing values whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}
