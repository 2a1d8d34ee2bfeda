/**
 * The operations of an OpenAPI document, and how they pair across two versions (by operationId, then by method +
 * path): what the operation-level diff walks and what the SDK method index is keyed by.
 */
import { deref, isObject, type Json, join } from './pointer.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationRef {
  /** operationId, or `METHOD /path` when there is none. */
  id: string;
  operationId?: string;
  method: string;
  path: string;
  pointer: string;
  node: Json;
  pathItem: Json;
}

export function listOperations(doc: unknown): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = deref(doc, rawItem, join('/paths', path)).node;
    for (const method of HTTP_METHODS) {
      const node = pathItem[method];
      if (!isObject(node)) continue;
      const operationId = typeof node.operationId === 'string' ? node.operationId : undefined;
      out.push({
        id: operationId ?? `${method.toUpperCase()} ${path}`,
        ...(operationId !== undefined && { operationId }),
        method,
        path,
        pointer: join('/paths', path, method),
        node,
        pathItem,
      });
    }
  }
  return out;
}

/** Pairs operations: same operationId first, then same method and path. */
export function matchOperations(
  base: OperationRef[],
  cand: OperationRef[],
): { pairs: Array<[OperationRef, OperationRef]>; removed: OperationRef[]; added: OperationRef[] } {
  const pairs: Array<[OperationRef, OperationRef]> = [];
  const usedCand = new Set<OperationRef>();
  const unmatched: OperationRef[] = [];
  const byId = new Map<string, OperationRef>();
  for (const op of cand) if (op.operationId !== undefined) byId.set(op.operationId, op);
  for (const op of base) {
    const match = op.operationId !== undefined ? byId.get(op.operationId) : undefined;
    if (match && !usedCand.has(match)) {
      pairs.push([op, match]);
      usedCand.add(match);
    } else unmatched.push(op);
  }
  const removed: OperationRef[] = [];
  for (const op of unmatched) {
    const match = cand.find((c) => !usedCand.has(c) && c.method === op.method && c.path === op.path);
    if (match) {
      pairs.push([op, match]);
      usedCand.add(match);
    } else removed.push(op);
  }
  return { pairs, removed, added: cand.filter((op) => !usedCand.has(op)) };
}
