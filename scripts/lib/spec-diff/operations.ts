/**
 * Operation-level diff: operations matched across versions (by operationId, then by method + path), then their
 * parameters, request bodies, responses, content types and security compared.
 */
import type { Direction } from './model.ts';
import { canonical, deref, isObject, type Json, join, nearestExisting } from './pointer.ts';
import { bodySubject, compareSchemas, type DiffSink, type SchemaSite } from './schema-diff.ts';

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

interface Param {
  key: string;
  name: string;
  in: string;
  pointer: string;
  node: Json;
}

function parameters(doc: unknown, op: OperationRef): Map<string, Param> {
  const out = new Map<string, Param>();
  const collect = (list: unknown, pointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const { node, pointer: at } = deref(doc, raw, join(pointer, i));
      if (typeof node.name !== 'string' || typeof node.in !== 'string') return;
      const key = `${node.in}.${node.name}`;
      out.set(key, { key, name: node.name, in: node.in, pointer: at, node });
    });
  };
  const pathPointer = op.pointer.slice(0, op.pointer.lastIndexOf('/'));
  collect(op.pathItem.parameters, join(pathPointer, 'parameters'));
  collect(op.node.parameters, join(op.pointer, 'parameters')); // operation-level ones override path-level ones
  return out;
}

function diffParameters(sink: DiffSink, id: string, b: OperationRef, c: OperationRef): void {
  const bp = parameters(sink.base, b);
  const cp = parameters(sink.cand, c);
  const pathOf = (op: OperationRef) => op.pointer.slice(0, op.pointer.lastIndexOf('/'));
  sink.handled(
    join(b.pointer, 'parameters'),
    join(c.pointer, 'parameters'),
    join(pathOf(b), 'parameters'),
    join(pathOf(c), 'parameters'),
  );
  const seen = new Set<string>();
  for (const [key, param] of bp) {
    const other = cp.get(key);
    const label = `${param.in} parameter \`${param.name}\``;
    sink.handled(...['name', 'in', 'required', 'deprecated'].map((k) => join(param.pointer, k)));
    if (!other) {
      sink.emit({
        kind: 'parameter-removed',
        direction: 'request',
        pointer: nearestExisting(sink.cand, join(c.pointer, 'parameters')),
        basePointer: param.pointer,
        message: `${label} removed`,
        where: `${param.in} parameter`,
        field: key,
        operations: [id],
      });
      continue;
    }
    sink.handled(...['name', 'in', 'required', 'deprecated'].map((k) => join(other.pointer, k)));
    const was = param.node.required === true;
    const is = other.node.required === true;
    if (was !== is) {
      sink.emit({
        kind: is ? 'parameter-required' : 'parameter-optional',
        direction: 'request',
        pointer: join(other.pointer, 'required'),
        basePointer: param.pointer,
        message: `${label} ${is ? 'is now required' : 'is no longer required'}`,
        where: `${param.in} parameter`,
        field: key,
        operations: [id],
      });
    }
    if (param.node.deprecated !== true && other.node.deprecated === true) {
      sink.emit({
        kind: 'deprecated',
        direction: 'request',
        pointer: join(other.pointer, 'deprecated'),
        message: `${label} deprecated`,
        where: `${param.in} parameter`,
        field: key,
        operations: [id],
      });
    }
    const site: SchemaSite = {
      direction: 'request',
      operation: id,
      where: `${param.in} parameter`,
      subject: (field) => `${param.in} parameter \`${field ? `${param.name}.${field}` : param.name}\``,
      seen,
    };
    compareSchemas(
      sink,
      site,
      { node: param.node.schema, pointer: join(param.pointer, 'schema') },
      { node: other.node.schema, pointer: join(other.pointer, 'schema') },
      '',
    );
  }
  for (const [key, param] of cp) {
    if (bp.has(key)) continue;
    const required = param.node.required === true;
    sink.handled(param.pointer);
    sink.emit({
      kind: 'parameter-added',
      direction: 'request',
      variant: required ? 'required' : 'optional',
      pointer: param.pointer,
      message: `${required ? 'required' : 'optional'} ${param.in} parameter \`${param.name}\` added`,
      where: `${param.in} parameter`,
      field: key,
      operations: [id],
    });
  }
}

function diffRequestBody(sink: DiffSink, id: string, b: OperationRef, c: OperationRef): void {
  const bPtr = join(b.pointer, 'requestBody');
  const cPtr = join(c.pointer, 'requestBody');
  const bBody = b.node.requestBody === undefined ? undefined : deref(sink.base, b.node.requestBody, bPtr);
  const cBody = c.node.requestBody === undefined ? undefined : deref(sink.cand, c.node.requestBody, cPtr);
  if (!bBody && !cBody) return;
  if (!bBody || !cBody) {
    sink.handled(bPtr, cPtr);
    const required = cBody?.node.required === true;
    sink.emit({
      kind: cBody ? 'request-body-added' : 'request-body-removed',
      direction: 'request',
      ...(cBody && { variant: required ? 'required' : 'optional' }),
      pointer: cBody ? cBody.pointer : nearestExisting(sink.cand, cPtr),
      ...(bBody && { basePointer: bBody.pointer }),
      message: cBody
        ? `${required ? 'required' : 'optional'} request body added to \`${id}\``
        : `request body of \`${id}\` removed`,
      where: 'request body',
      operations: [id],
    });
    return;
  }
  sink.handled(join(bBody.pointer, 'required'), join(cBody.pointer, 'required'), join(cPtr, '$ref'));
  const was = bBody.node.required === true;
  const is = cBody.node.required === true;
  if (was !== is) {
    sink.emit({
      kind: is ? 'request-body-required' : 'request-body-optional',
      direction: 'request',
      pointer: join(cBody.pointer, 'required'),
      basePointer: bBody.pointer,
      message: `request body of \`${id}\` ${is ? 'is now required' : 'is no longer required'}`,
      where: 'request body',
      operations: [id],
    });
  }
  diffContent(
    sink,
    id,
    'request',
    'request body',
    bBody.node.content,
    cBody.node.content,
    bBody.pointer,
    cBody.pointer,
  );
}

function diffResponses(sink: DiffSink, id: string, b: OperationRef, c: OperationRef): void {
  const bResponses = isObject(b.node.responses) ? b.node.responses : {};
  const cResponses = isObject(c.node.responses) ? c.node.responses : {};
  for (const [status, raw] of Object.entries(bResponses)) {
    const bPtr = join(b.pointer, 'responses', status);
    const cPtr = join(c.pointer, 'responses', status);
    const bResp = deref(sink.base, raw, bPtr);
    if (!(status in cResponses)) {
      sink.handled(bPtr);
      const success = /^2/.test(status);
      sink.emit({
        kind: 'response-removed',
        direction: 'response',
        variant: success ? 'success' : 'error',
        pointer: nearestExisting(sink.cand, join(c.pointer, 'responses')),
        basePointer: bPtr,
        message: `response ${status} of \`${id}\` removed`,
        where: `response ${status}`,
        operations: [id],
      });
      continue;
    }
    const cResp = deref(sink.cand, cResponses[status], cPtr);
    sink.handled(join(bPtr, '$ref'), join(cPtr, '$ref'));
    diffContent(
      sink,
      id,
      'response',
      `response ${status}`,
      bResp.node.content,
      cResp.node.content,
      bResp.pointer,
      cResp.pointer,
    );
  }
  for (const status of Object.keys(cResponses)) {
    if (status in bResponses) continue;
    const cPtr = join(c.pointer, 'responses', status);
    sink.handled(cPtr);
    sink.emit({
      kind: 'response-added',
      direction: 'response',
      pointer: cPtr,
      message: `response ${status} added to \`${id}\``,
      where: `response ${status}`,
      operations: [id],
    });
  }
}

function diffContent(
  sink: DiffSink,
  id: string,
  direction: Direction,
  where: string,
  bContent: unknown,
  cContent: unknown,
  bOwner: string,
  cOwner: string,
): void {
  const b = isObject(bContent) ? bContent : {};
  const c = isObject(cContent) ? cContent : {};
  const removed = Object.keys(b).filter((m) => !(m in c));
  const added = Object.keys(c).filter((m) => !(m in b));
  sink.handled(...removed.map((m) => join(bOwner, 'content', m)), ...added.map((m) => join(cOwner, 'content', m)));
  if (removed.length === 1 && added.length === 1) {
    const [from, to] = [removed[0] as string, added[0] as string];
    sink.emit({
      kind: 'content-type-changed',
      direction,
      pointer: join(cOwner, 'content', to),
      basePointer: join(bOwner, 'content', from),
      message: `${where} of \`${id}\`: content type ${from} → ${to}`,
      where,
      before: from,
      after: to,
      operations: [id],
    });
  } else {
    for (const media of removed) {
      sink.emit({
        kind: 'content-type-removed',
        direction,
        pointer: nearestExisting(sink.cand, join(cOwner, 'content')),
        basePointer: join(bOwner, 'content', media),
        message: `${where} of \`${id}\`: content type ${media} removed`,
        where,
        before: media,
        operations: [id],
      });
    }
    for (const media of added) {
      sink.emit({
        kind: 'content-type-added',
        direction,
        pointer: join(cOwner, 'content', media),
        message: `${where} of \`${id}\`: content type ${media} added`,
        where,
        after: media,
        operations: [id],
      });
    }
  }
  const seen = new Set<string>();
  for (const media of Object.keys(b)) {
    if (!(media in c)) continue;
    const bMedia = isObject(b[media]) ? b[media] : {};
    const cMedia = isObject(c[media]) ? c[media] : {};
    const site: SchemaSite = {
      direction,
      operation: id,
      where: `${where} ${media}`,
      subject: bodySubject(direction),
      seen,
    };
    compareSchemas(
      sink,
      site,
      { node: bMedia.schema, pointer: join(bOwner, 'content', media, 'schema') },
      { node: cMedia.schema, pointer: join(cOwner, 'content', media, 'schema') },
      '',
    );
  }
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
