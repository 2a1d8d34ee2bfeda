/**
 * What an operation takes and gives, compared across versions: its parameters (path-level and operation-level), its
 * request body, its responses and their content types, down to the schemas (through `compareSchemas`).
 */
import type { Direction } from './model.ts';
import type { OperationRef } from './operations.ts';
import { deref, isObject, type Json, join, nearestExisting } from './pointer.ts';
import { bodySubject, compareSchemas, type DiffSink, type SchemaSite } from './schema-diff.ts';

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

/** Parameters matched by `in` + name: removed, added, required or not, deprecated, and their schemas. */
export function diffParameters(sink: DiffSink, id: string, b: OperationRef, c: OperationRef): void {
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

/** The request body: added, removed, required or not, and its content (types and schemas). */
export function diffRequestBody(sink: DiffSink, id: string, b: OperationRef, c: OperationRef): void {
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

/** Responses by status: removed (a success or an error), added, and the content of those in both. */
export function diffResponses(sink: DiffSink, id: string, b: OperationRef, c: OperationRef): void {
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
