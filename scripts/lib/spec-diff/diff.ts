/**
 * The structural diff of two OpenAPI documents, classified for SDK users. Own module rather than a library: see
 * the README's spec-diff section for why.
 *
 * @example
 * ```ts
 * const changes = diffSpecs(vendored, candidate);
 * const breaking = changes.filter((c) => c.severity === 'breaking');
 * ```
 */
import type { Change, RawChange } from './model.ts';
import { diffOperations, diffSecuritySchemes } from './operation-diff.ts';
import { listOperations } from './operations.ts';
import { canonical, get, isObject, type Json, nearestExisting, tokens } from './pointer.ts';
import { isAnnotation, rawDiff, related } from './raw-diff.ts';
import { classify } from './rules.ts';
import type { DiffSink } from './schema-diff.ts';

export function diffSpecs(base: Json, cand: Json): Change[] {
  const changes = new Map<string, Change>();
  const handled = new Set<string>();
  const sink: DiffSink = {
    base,
    cand,
    emit: (raw) => add(changes, raw),
    handled: (...pointers) => {
      for (const p of pointers) if (p !== undefined) handled.add(p);
    },
  };

  diffOperations(sink);
  const reach = operationReach(base, cand);
  diffSecuritySchemes(sink, (scheme) => reach.usingScheme(scheme));
  sink.handled('/security');

  if (canonical(base.servers ?? []) !== canonical(cand.servers ?? [])) {
    add(changes, {
      kind: 'servers-changed',
      pointer: nearestExisting(cand, '/servers'),
      basePointer: '/servers',
      message: `servers: ${hosts(base.servers)} → ${hosts(cand.servers)}`,
      before: base.servers,
      after: cand.servers,
      operations: [],
    });
  }
  sink.handled('/servers');
  sink.handled('/openapi', '/jsonSchemaDialect');

  // Whatever the structural pass did not look at: documentation, or a difference no rule models.
  const handledList = [...handled];
  for (const difference of rawDiff(base, cand)) {
    const annotation = isAnnotation(difference.pointer);
    const explained = handledList.some((h) => related(h, difference.pointer) || related(h, difference.basePointer));
    if (!annotation && explained) continue;
    const kind = annotation ? 'documentation-changed' : 'other';
    const what = describeRaw(difference.pointer);
    const operations = reach.operationsAt(difference.pointer);
    const note = annotation
      ? ''
      : operations.length === 0
        ? ' (used by no operation)'
        : ' (no rule models this: review it)';
    add(changes, {
      kind,
      pointer:
        difference.change === 'removed'
          ? nearestExisting(cand, difference.basePointer.slice(0, difference.basePointer.lastIndexOf('/')))
          : difference.pointer,
      ...(difference.change !== 'added' && { basePointer: difference.basePointer }),
      message: `${what} ${difference.change}${note}`,
      ...(difference.change !== 'added' && { before: summarize(get(base, difference.basePointer)) }),
      ...(difference.change !== 'removed' && { after: summarize(get(cand, difference.pointer)) }),
      operations,
    });
  }

  return [...changes.values()].sort(
    (a, b) =>
      Number(a.severity === 'non-breaking') - Number(b.severity === 'non-breaking') ||
      a.kind.localeCompare(b.kind) ||
      a.pointer.localeCompare(b.pointer),
  );
}

/** One entry per place and kind: a schema shared by several operations is reported once, naming them all. */
function add(changes: Map<string, Change>, raw: RawChange): void {
  const severity = classify(raw.kind, raw.direction, raw.variant);
  const key = [
    raw.kind,
    raw.direction,
    raw.variant,
    raw.pointer,
    raw.basePointer,
    canonical(raw.before),
    canonical(raw.after),
  ].join('\u0000');
  const existing = changes.get(key);
  if (existing) {
    for (const op of raw.operations) if (!existing.operations.includes(op)) existing.operations.push(op);
    return;
  }
  changes.set(key, { ...raw, severity, operations: [...raw.operations], sdkMethods: [] });
}

/**
 * Which operations reach a place: those under it in `paths`, and those whose `$ref` closure includes the
 * component it is in (in either document).
 */
export function operationReach(base: Json, cand: Json) {
  const closures: Array<{ id: string; pointer: string; refs: Set<string>; schemes: Set<string> }> = [];
  for (const doc of [base, cand]) {
    for (const op of listOperations(doc)) {
      const refs = refClosure(doc, op.node);
      for (const param of Array.isArray(op.pathItem.parameters) ? op.pathItem.parameters : []) {
        for (const r of refClosure(doc, param)) refs.add(r);
      }
      const security = (op.node.security ?? doc.security ?? []) as unknown[];
      const schemes = new Set(security.flatMap((req) => Object.keys(isObject(req) ? req : {})));
      closures.push({ id: op.id, pointer: op.pointer, refs, schemes });
    }
  }
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    operationsAt(pointer: string): string[] {
      const parts = tokens(pointer);
      if (parts[0] === 'paths') {
        return unique(closures.filter((c) => related(c.pointer, pointer)).map((c) => c.id));
      }
      if (parts[0] === 'components' && parts.length >= 3) {
        const component = `/${parts.slice(0, 3).join('/')}`;
        return unique(
          closures.filter((c) => [...c.refs].some((r) => related(r, pointer) || r === component)).map((c) => c.id),
        );
      }
      return [];
    },
    usingScheme(scheme: string): string[] {
      return unique(closures.filter((c) => c.schemes.has(scheme)).map((c) => c.id));
    },
  };
}

/** Every local `$ref` target reachable from a node, following refs transitively. */
export function refClosure(doc: unknown, start: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
        const target = value.slice(1);
        if (found.has(target)) continue;
        found.add(target);
        visit(get(doc, target));
      } else visit(value);
    }
  };
  visit(start);
  return found;
}

function describeRaw(pointer: string): string {
  const parts = tokens(pointer);
  const last = parts.at(-1) ?? '';
  if (parts[0] === 'components' && parts.length === 3) return `component ${parts[1]}/${parts[2]}`;
  if (parts[0] === 'info') return `info${parts.length > 1 ? `.${parts.slice(1).join('.')}` : ''}`;
  return /^\d+$/.test(last) ? `\`${parts.at(-2)}\` item ${last}` : `\`${last}\``;
}

/** Short `before`/`after` values: a long description is cut, a big subtree is summarized. */
function summarize(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 197)}…` : value;
  const text = JSON.stringify(value);
  if (text !== undefined && text.length > 400)
    return `(${Array.isArray(value) ? 'array' : typeof value}, ${text.length} chars)`;
  return value;
}

function hosts(servers: unknown): string {
  if (!Array.isArray(servers) || servers.length === 0) return 'none';
  return servers.map((s) => (isObject(s) ? String(s.url) : '?')).join(', ');
}
