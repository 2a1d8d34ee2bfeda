/**
 * Compares two schemas as a client sees them (see schema-view.ts), recursing through properties, items,
 * additionalProperties and oneOf/anyOf variants. Cyclic schemas terminate: a pair of places already compared for
 * the same operation and direction is not compared again.
 */
import type { Direction, RawChange, Variant as RuleVariant } from './model.ts';
import { canonical, join, nearestExisting } from './pointer.ts';
import { buildView, type Located, type SchemaView, typeLabel } from './schema-view.ts';

/** What the whole diff shares: both documents, where changes go, and what was looked at. */
export interface DiffSink {
  base: unknown;
  cand: unknown;
  emit(change: RawChange): void;
  /** Records pointers the diff understood, so the catch-all pass does not report them again. */
  handled(...pointers: Array<string | undefined>): void;
}

/** One walk from an operation's body, parameter or response into its schema. */
export interface SchemaSite {
  direction: Direction;
  operation: string;
  /** `request body application/json`, `response 200 application/json`, `query parameter file_id`. */
  where: string;
  /** Names a field for messages: `request field \`a.b\``, `query parameter \`file_id\``… */
  subject(field: string): string;
  /** Pairs of places already compared on this walk (cycles, and schemas reached twice). */
  seen: Set<string>;
}

export function bodySubject(direction: Direction): (field: string) => string {
  const side = direction === 'request' ? 'request' : 'response';
  return (field) => (field ? `${side} field \`${field}\`` : `${side} body`);
}

export function compareSchemas(sink: DiffSink, site: SchemaSite, b: Located, c: Located, field: string): void {
  const bv = buildView(sink.base, b);
  const cv = buildView(sink.cand, c);
  const key = `${bv.pointer}\u0000${cv.pointer}`;
  if (site.seen.has(key)) return;
  site.seen.add(key);
  sink.handled(...bv.keywordPointers, ...cv.keywordPointers);

  const emit = (
    kind: RawChange['kind'],
    variant: RuleVariant | undefined,
    pointer: string,
    basePointer: string | undefined,
    message: string,
    values: { before?: unknown; after?: unknown; field?: string } = {},
  ) => {
    const { field: at = field, ...rest } = values;
    sink.emit({
      kind,
      direction: site.direction,
      ...(variant && { variant }),
      pointer,
      ...(basePointer !== undefined && { basePointer }),
      message,
      where: site.where,
      ...(at && { field: at }),
      ...rest,
      operations: [site.operation],
    });
  };
  const subject = site.subject(field);

  if (bv.dangling !== undefined || cv.dangling !== undefined) {
    if (bv.dangling !== cv.dangling) {
      const what =
        cv.dangling === undefined
          ? `now resolves (${bv.dangling} was dangling)`
          : `points to ${cv.dangling}, which does not exist`;
      emit('other', undefined, cv.pointer, bv.pointer, `${subject}: ${what}`);
    }
    return;
  }

  compareTypes(bv, cv, subject, emit);
  compareNullable(bv, cv, subject, emit);
  compareFormat(bv, cv, subject, emit);
  compareEnum(bv, cv, subject, emit);
  compareConstraints(bv, cv, subject, emit);
  if (!bv.deprecated && cv.deprecated) emit('deprecated', undefined, cv.pointer, bv.pointer, `${subject} deprecated`);

  // Properties.
  for (const [name, located] of bv.properties) {
    const child = field ? `${field}.${name}` : name;
    const other = cv.properties.get(name);
    if (!other) {
      sink.handled(located.pointer);
      emit(
        'field-removed',
        undefined,
        nearestExisting(sink.cand, cv.propertiesPointer ?? join(cv.pointer, 'properties')),
        located.pointer,
        `${site.subject(child)} removed`,
        { field: child },
      );
      continue;
    }
    const wasRequired = bv.required.has(name);
    const isRequired = cv.required.has(name);
    if (wasRequired !== isRequired) {
      emit(
        isRequired ? 'field-required' : 'field-optional',
        undefined,
        other.pointer,
        located.pointer,
        `${site.subject(child)} ${isRequired ? 'is now required' : 'is no longer required'}`,
        { field: child },
      );
    }
    compareSchemas(sink, site, located, other, child);
  }
  for (const [name, located] of cv.properties) {
    if (bv.properties.has(name)) continue;
    const child = field ? `${field}.${name}` : name;
    const required = cv.required.has(name);
    sink.handled(located.pointer);
    emit(
      'field-added',
      required ? 'required' : 'optional',
      located.pointer,
      undefined,
      `${required ? 'required' : 'optional'} ${site.subject(child)} added`,
      { field: child },
    );
  }

  compareAdditional(sink, site, bv, cv, field, subject, emit);

  // Array items.
  if (bv.items && cv.items) compareSchemas(sink, site, bv.items, cv.items, `${field}[]`);
  else if (bv.items || cv.items) {
    sink.handled(bv.items?.pointer, cv.items?.pointer);
    emit(
      'other',
      undefined,
      cv.items?.pointer ?? cv.pointer,
      bv.items?.pointer ?? bv.pointer,
      `${subject}: array items schema ${cv.items ? 'added' : 'removed'}`,
    );
  }

  compareVariants(sink, site, bv, cv, field, subject, emit);
}

type Emit = (
  kind: RawChange['kind'],
  variant: RuleVariant | undefined,
  pointer: string,
  basePointer: string | undefined,
  message: string,
  values?: { before?: unknown; after?: unknown; field?: string },
) => void;

const covers = (wide: Set<string>, t: string) => wide.has(t) || (t === 'integer' && wide.has('number'));

function compareTypes(bv: SchemaView, cv: SchemaView, subject: string, emit: Emit): void {
  const before = bv.types;
  const after = cv.types;
  if (!before && !after) return;
  let variant: RuleVariant;
  if (!before) variant = 'narrowing';
  else if (!after) variant = 'widening';
  else {
    const narrower = [...after].every((t) => covers(before, t));
    const wider = [...before].every((t) => covers(after, t));
    if (narrower && wider) return;
    variant = narrower ? 'narrowing' : wider ? 'widening' : 'incompatible';
  }
  const label = (types?: Set<string>) => (types ? [...types].sort().join(' | ') : 'any');
  emit(
    'type-changed',
    variant,
    cv.typePointer ?? cv.pointer,
    bv.typePointer ?? bv.pointer,
    `${subject}: type ${label(before)} → ${label(after)} (${variant})`,
    { before: before ? [...before].sort() : undefined, after: after ? [...after].sort() : undefined },
  );
}

function compareNullable(bv: SchemaView, cv: SchemaView, subject: string, emit: Emit): void {
  if (bv.nullable === cv.nullable) return;
  emit(
    cv.nullable ? 'nullable-added' : 'nullable-removed',
    undefined,
    cv.nullablePointer ?? cv.pointer,
    bv.nullablePointer ?? bv.pointer,
    `${subject} ${cv.nullable ? 'may now be null' : 'may no longer be null'}`,
    { before: bv.nullable, after: cv.nullable },
  );
}

function compareFormat(bv: SchemaView, cv: SchemaView, subject: string, emit: Emit): void {
  if (bv.format === cv.format) return;
  const variant: RuleVariant = bv.format === undefined ? 'added' : cv.format === undefined ? 'removed' : 'changed';
  emit(
    'format-changed',
    variant,
    cv.formatPointer ?? cv.pointer,
    bv.formatPointer ?? bv.pointer,
    `${subject}: format ${bv.format ?? '(none)'} → ${cv.format ?? '(none)'} (${typeLabel(bv)} → ${typeLabel(cv)})`,
    { before: bv.format, after: cv.format },
  );
}

function compareEnum(bv: SchemaView, cv: SchemaView, subject: string, emit: Emit): void {
  const before = bv.enumValues;
  const after = cv.enumValues;
  if (!before && !after) return;
  if (!before || !after) {
    emit(
      after ? 'enum-added' : 'enum-removed',
      undefined,
      cv.enumPointer ?? cv.pointer,
      bv.enumPointer ?? bv.pointer,
      after
        ? `${subject} is now restricted to ${list(after)}`
        : `${subject} is no longer restricted to ${list(before)}`,
      { before, after },
    );
    return;
  }
  const b = new Map(before.map((v) => [canonical(v), v]));
  const a = new Map(after.map((v) => [canonical(v), v]));
  for (const [k, v] of a) {
    if (!b.has(k)) {
      emit(
        'enum-value-added',
        undefined,
        cv.enumPointer ?? cv.pointer,
        bv.enumPointer,
        `${subject}: enum value ${show(v)} added`,
        {
          after: v,
        },
      );
    }
  }
  for (const [k, v] of b) {
    if (!a.has(k)) {
      emit(
        'enum-value-removed',
        undefined,
        cv.enumPointer ?? cv.pointer,
        bv.enumPointer,
        `${subject}: enum value ${show(v)} removed`,
        { before: v },
      );
    }
  }
}

const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

function compareConstraints(bv: SchemaView, cv: SchemaView, subject: string, emit: Emit): void {
  const keywords = new Set([...bv.constraints.keys(), ...cv.constraints.keys()]);
  for (const keyword of [...keywords].sort()) {
    const before = bv.constraints.get(keyword);
    const after = cv.constraints.get(keyword);
    if (before && after && canonical(before.value) === canonical(after.value)) continue;
    let variant: RuleVariant;
    if (!after) variant = 'looser';
    else if (!before) variant = keyword === 'uniqueItems' && after.value === false ? 'looser' : 'tighter';
    else if (typeof before.value === 'number' && typeof after.value === 'number' && LOWER_BOUNDS.has(keyword)) {
      variant = after.value > before.value ? 'tighter' : 'looser';
    } else if (typeof before.value === 'number' && typeof after.value === 'number' && UPPER_BOUNDS.has(keyword)) {
      variant = after.value < before.value ? 'tighter' : 'looser';
    } else if (keyword === 'uniqueItems') variant = after.value === true ? 'tighter' : 'looser';
    else variant = 'tighter'; // a new pattern or multipleOf: cannot be proven wider
    emit(
      'constraint-changed',
      variant,
      after?.pointer ?? cv.pointer,
      before?.pointer ?? bv.pointer,
      `${subject}: ${keyword} ${show(before?.value)} → ${show(after?.value)} (${variant})`,
      { before: before?.value, after: after?.value },
    );
  }
}

function compareAdditional(
  sink: DiffSink,
  site: SchemaSite,
  bv: SchemaView,
  cv: SchemaView,
  field: string,
  subject: string,
  emit: Emit,
): void {
  const b = bv.additional;
  const c = cv.additional;
  if (typeof b === 'object' && typeof c === 'object') {
    compareSchemas(sink, site, b, c, field ? `${field}.*` : '*');
    return;
  }
  if (b === c) return;
  sink.handled(bv.additionalPointer, cv.additionalPointer);
  const label = (v: boolean | Located) => (v === true ? 'any' : v === false ? 'none' : 'typed');
  // Only `false` forbids keys; a schema still allows them, typed.
  const variant: RuleVariant = c === false ? 'tighter' : b === false ? 'looser' : 'tighter';
  emit(
    'additional-properties-changed',
    variant,
    cv.additionalPointer ?? cv.pointer,
    bv.additionalPointer ?? bv.pointer,
    `${subject}: additional properties ${label(b)} → ${label(c)}`,
  );
}

function compareVariants(
  sink: DiffSink,
  site: SchemaSite,
  bv: SchemaView,
  cv: SchemaView,
  field: string,
  subject: string,
  emit: Emit,
): void {
  const before = bv.variants?.list ?? [];
  const after = cv.variants?.list ?? [];
  if (before.length === 0 && after.length === 0) return;
  const afterByKey = new Map(after.map((v) => [v.key, v]));
  const beforeKeys = new Set(before.map((v) => v.key));
  for (const variant of before) {
    const match = afterByKey.get(variant.key);
    if (match) compareSchemas(sink, site, variant, match, field);
    else {
      sink.handled(variant.pointer);
      emit(
        'variant-removed',
        undefined,
        nearestExisting(sink.cand, cv.variants?.pointer ?? cv.pointer),
        variant.pointer,
        `${subject}: ${bv.variants?.keyword} variant ${variant.key} removed`,
      );
    }
  }
  for (const variant of after) {
    if (beforeKeys.has(variant.key)) continue;
    sink.handled(variant.pointer);
    emit(
      'variant-added',
      undefined,
      variant.pointer,
      undefined,
      `${subject}: ${cv.variants?.keyword} variant ${variant.key} added`,
    );
  }
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : `\`${JSON.stringify(value)}\``;
}

function list(values: unknown[] | undefined): string {
  return (values ?? []).map(show).join(', ');
}
