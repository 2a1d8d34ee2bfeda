/**
 * Operation-level diff: operations matched across versions (see `operations.ts`), each pair compared for its id,
 * method and path, deprecation, parameters, request body, responses (`request-response-diff.ts`) and security; and the
 * security schemes those operations rely on.
 */
import { listOperations, matchOperations, type OperationRef } from './operations.ts';
import { canonical, deref, isObject, type Json, join, nearestExisting } from './pointer.ts';
import { diffParameters, diffRequestBody, diffResponses } from './request-response-diff.ts';
import type { DiffSink } from './schema-diff.ts';

/** Every operation removed, added, or in both versions and then compared part by part. */
export function diffOperations(sink: DiffSink): void {
  const { pairs, removed, added } = matchOperations(listOperations(sink.base), listOperations(sink.cand));
  for (const op of removed) {
    sink.handled(op.pointer);
    sink.emit({
      kind: 'operation-removed',
      pointer: nearestExisting(sink.cand, op.pointer),
      basePointer: op.pointer,
      message: `operation \`${op.id}\` (${op.method.toUpperCase()} ${op.path}) removed`,
      operations: [op.id],
    });
  }
  for (const op of added) {
    sink.handled(op.pointer);
    sink.emit({
      kind: 'operation-added',
      pointer: op.pointer,
      message: `operation \`${op.id}\` (${op.method.toUpperCase()} ${op.path}) added`,
      operations: [op.id],
    });
  }
  for (const [b, c] of pairs) diffOperation(sink, b, c);
}

function diffOperation(sink: DiffSink, b: OperationRef, c: OperationRef): void {
  const id = b.id;
  sink.handled(join(b.pointer, 'operationId'), join(c.pointer, 'operationId'));
  if (b.operationId !== c.operationId) {
    sink.emit({
      kind: 'operation-id-changed',
      pointer: join(c.pointer, 'operationId'),
      basePointer: join(b.pointer, 'operationId'),
      message: `operationId \`${b.id}\` → \`${c.id}\` (the generated function is renamed)`,
      before: b.operationId,
      after: c.operationId,
      operations: [id],
    });
  }
  if (b.method !== c.method || b.path !== c.path) {
    sink.emit({
      kind: 'operation-moved',
      pointer: c.pointer,
      basePointer: b.pointer,
      message: `operation \`${id}\` moved: ${b.method.toUpperCase()} ${b.path} → ${c.method.toUpperCase()} ${c.path}`,
      before: `${b.method.toUpperCase()} ${b.path}`,
      after: `${c.method.toUpperCase()} ${c.path}`,
      operations: [id],
    });
  }
  if (b.node.deprecated !== true && c.node.deprecated === true) {
    sink.emit({
      kind: 'deprecated',
      pointer: join(c.pointer, 'deprecated'),
      message: `operation \`${id}\` deprecated`,
      operations: [id],
    });
  }
  sink.handled(join(b.pointer, 'deprecated'), join(c.pointer, 'deprecated'));
  diffParameters(sink, id, b, c);
  diffRequestBody(sink, id, b, c);
  diffResponses(sink, id, b, c);
  diffSecurity(sink, id, b, c);
}

function diffSecurity(sink: DiffSink, id: string, b: OperationRef, c: OperationRef): void {
  const effective = (doc: unknown, op: OperationRef): { value: unknown; pointer: string } =>
    op.node.security !== undefined
      ? { value: op.node.security, pointer: join(op.pointer, 'security') }
      : { value: isObject(doc) ? (doc.security ?? []) : [], pointer: '/security' };
  const bs = effective(sink.base, b);
  const cs = effective(sink.cand, c);
  sink.handled(bs.pointer, cs.pointer);
  if (normalizeSecurity(bs.value) === normalizeSecurity(cs.value)) return;
  sink.emit({
    kind: 'security-changed',
    pointer: nearestExisting(sink.cand, cs.pointer),
    basePointer: bs.pointer,
    message: `security of \`${id}\`: ${describeSecurity(bs.value)} → ${describeSecurity(cs.value)}`,
    before: bs.value,
    after: cs.value,
    operations: [id],
  });
}

/** Security requirements compare as a set of alternatives, each a set of schemes with sorted scopes. */
function normalizeSecurity(value: unknown): string {
  if (!Array.isArray(value)) return '[]';
  const alternatives = value.map((req) =>
    canonical(
      Object.fromEntries(
        Object.entries(isObject(req) ? req : {}).map(([k, v]) => [k, Array.isArray(v) ? [...v].map(String).sort() : v]),
      ),
    ),
  );
  return JSON.stringify([...new Set(alternatives)].sort());
}

function describeSecurity(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'none';
  return value.map((req) => Object.keys(isObject(req) ? req : {}).join(' + ') || 'anonymous').join(' or ');
}

/** Scheme definitions: what a client must send. Descriptions and `bearerFormat` hints are not part of it. */
const SCHEME_KEYS = ['type', 'scheme', 'in', 'name', 'flows', 'openIdConnectUrl'];

/** `components.securitySchemes`: a scheme added, removed or changed, with the operations that use it. */
export function diffSecuritySchemes(sink: DiffSink, operationsUsing: (scheme: string) => string[]): void {
  const schemes = (doc: unknown): Json => {
    const components = isObject(doc) && isObject(doc.components) ? doc.components : {};
    return isObject(components.securitySchemes) ? components.securitySchemes : {};
  };
  const b = schemes(sink.base);
  const c = schemes(sink.cand);
  for (const name of new Set([...Object.keys(b), ...Object.keys(c)])) {
    const pointer = join('/components/securitySchemes', name);
    const bNode = deref(sink.base, b[name], pointer);
    const cNode = deref(sink.cand, c[name], pointer);
    const pick = (node: Json) =>
      canonical(Object.fromEntries(SCHEME_KEYS.filter((k) => k in node).map((k) => [k, node[k]])));
    // A scheme added, removed or replaced is one change; otherwise keys outside SCHEME_KEYS stay for the catch-all.
    const same = name in b && name in c && pick(bNode.node) === pick(cNode.node);
    if (same) sink.handled(...SCHEME_KEYS.map((k) => join(pointer, k)));
    else sink.handled(pointer);
    if (!(name in b)) {
      sink.emit({
        kind: 'security-scheme-added',
        pointer,
        message: `security scheme \`${name}\` added`,
        operations: operationsUsing(name),
      });
    } else if (!(name in c)) {
      sink.emit({
        kind: 'security-scheme-changed',
        pointer: nearestExisting(sink.cand, pointer),
        basePointer: pointer,
        message: `security scheme \`${name}\` removed`,
        operations: operationsUsing(name),
      });
    } else if (!same) {
      sink.emit({
        kind: 'security-scheme-changed',
        pointer,
        basePointer: pointer,
        message: `security scheme \`${name}\` changed: ${pick(bNode.node)} → ${pick(cNode.node)}`,
        operations: operationsUsing(name),
      });
    }
  }
}
