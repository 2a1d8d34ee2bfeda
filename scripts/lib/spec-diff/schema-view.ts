/**
 * A JSON Schema seen the way a client sees it: refs followed, `allOf` merged, `null` pulled out of `type`, `enum`
 * and `anyOf`/`oneOf` into one nullability flag. Two views are what schema-diff compares.
 */
import { deref, isObject, type Json, join } from './pointer.ts';

/** A schema node and where it lives (before its refs are followed). */
export interface Located {
  node: unknown;
  pointer: string;
}

export interface Variant extends Located {
  /** How variants are matched across versions: the `$ref` they point to, or their position among inline ones. */
  key: string;
}

export interface SchemaView {
  /** Where the schema's content lives, refs followed. */
  pointer: string;
  /** A `$ref` that could not be resolved: the view is then that ref and nothing else. */
  dangling?: string;
  /** Allowed JSON types without `null` (`undefined`: any). */
  types?: Set<string>;
  typePointer?: string;
  nullable: boolean;
  nullablePointer?: string;
  format?: string;
  formatPointer?: string;
  /** Allowed values without `null` (`enum`, or a `const`), as given. */
  enumValues?: unknown[];
  enumPointer?: string;
  properties: Map<string, Located>;
  propertiesPointer?: string;
  required: Set<string>;
  /** `false`: no other keys allowed; a schema: other keys' values; `true`: anything. */
  additional: boolean | Located;
  additionalPointer?: string;
  items?: Located;
  variants?: { keyword: 'oneOf' | 'anyOf'; list: Variant[]; pointer: string };
  constraints: Map<string, { value: unknown; pointer: string }>;
  deprecated: boolean;
  /** Every keyword pointer this view was built from (what the diff "looked at"). */
  keywordPointers: string[];
}

/** Validation keywords that narrow or widen what is accepted, without changing the shape. */
export const CONSTRAINT_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

const MAX_DEPTH = 32;

export function buildView(doc: unknown, located: Located, depth = 0): SchemaView {
  const resolved = deref(doc, located.node, located.pointer);
  const node = resolved.node;
  const at = resolved.pointer;
  const view: SchemaView = {
    pointer: at,
    nullable: false,
    properties: new Map(),
    required: new Set(),
    additional: true,
    constraints: new Map(),
    deprecated: node.deprecated === true,
    keywordPointers: [],
  };
  if (located.pointer !== at) view.keywordPointers.push(join(located.pointer, '$ref'));
  if (resolved.dangling !== undefined) {
    view.dangling = resolved.dangling;
    return view;
  }
  const mark = (keyword: string) => {
    if (keyword in node) view.keywordPointers.push(join(at, keyword));
  };
  ['type', 'nullable', 'format', 'enum', 'const', 'required', 'deprecated', ...CONSTRAINT_KEYWORDS].forEach(mark);

  // Types and nullability.
  if (typeof node.type === 'string' || Array.isArray(node.type)) {
    const list = (Array.isArray(node.type) ? node.type : [node.type]).map(String);
    if (list.includes('null')) {
      view.nullable = true;
      view.nullablePointer = join(at, 'type');
    }
    const types = list.filter((t) => t !== 'null');
    if (types.length > 0) {
      view.types = new Set(types);
      view.typePointer = join(at, 'type');
    }
  }
  if (node.nullable === true) {
    view.nullable = true;
    view.nullablePointer = join(at, 'nullable');
  }
  if (typeof node.format === 'string') {
    view.format = node.format;
    view.formatPointer = join(at, 'format');
  }
  if (Array.isArray(node.enum)) {
    if (node.enum.includes(null)) {
      view.nullable = true;
      view.nullablePointer ??= join(at, 'enum');
    }
    view.enumValues = node.enum.filter((v) => v !== null);
    view.enumPointer = join(at, 'enum');
  } else if ('const' in node) {
    if (node.const === null) {
      view.nullable = true;
      view.nullablePointer ??= join(at, 'const');
    } else {
      view.enumValues = [node.const];
      view.enumPointer = join(at, 'const');
    }
  }

  // Shape.
  if (isObject(node.properties)) {
    view.propertiesPointer = join(at, 'properties');
    for (const [name, schema] of Object.entries(node.properties)) {
      view.properties.set(name, { node: schema, pointer: join(at, 'properties', name) });
    }
  }
  if (Array.isArray(node.required)) for (const name of node.required) view.required.add(String(name));
  if (node.additionalProperties === false) {
    view.additional = false;
    view.additionalPointer = join(at, 'additionalProperties');
  } else if (isObject(node.additionalProperties)) {
    view.additional = { node: node.additionalProperties, pointer: join(at, 'additionalProperties') };
    view.additionalPointer = join(at, 'additionalProperties');
  } else if (node.additionalProperties === true) {
    view.additionalPointer = join(at, 'additionalProperties');
  }
  if (isObject(node.items)) view.items = { node: node.items, pointer: join(at, 'items') };
  for (const keyword of CONSTRAINT_KEYWORDS) {
    if (keyword in node) view.constraints.set(keyword, { value: node[keyword], pointer: join(at, keyword) });
  }

  if (depth >= MAX_DEPTH) return view;

  // allOf: every member's shape applies; merged into one view.
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((member, i) => {
      mergeInto(view, buildView(doc, { node: member, pointer: join(at, 'allOf', i) }, depth + 1));
    });
  }

  // anyOf / oneOf: `null` members are nullability; a single remaining member is the schema itself.
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const members = node[keyword];
    if (!Array.isArray(members)) continue;
    const list: Variant[] = [];
    let inline = 0;
    members.forEach((member, i) => {
      const pointer = join(at, keyword, i);
      if (isNullSchema(member)) {
        view.nullable = true;
        view.nullablePointer ??= pointer;
        view.keywordPointers.push(pointer);
        return;
      }
      const key = isObject(member) && typeof member.$ref === 'string' ? member.$ref : `inline #${inline++}`;
      list.push({ node: member, pointer, key });
    });
    const first = list[0];
    if (list.length === 1 && first && view.types === undefined && view.properties.size === 0) {
      mergeInto(view, buildView(doc, first, depth + 1));
    } else if (list.length > 0) {
      view.variants = { keyword, list, pointer: join(at, keyword) };
    }
  }
  return view;
}

/** Lays an `allOf` member (or the lone non-null `anyOf` member) over a view; what the view says itself wins. */
function mergeInto(view: SchemaView, member: SchemaView): void {
  if (member.dangling !== undefined && view.dangling === undefined && view.properties.size === 0) {
    view.dangling = member.dangling;
  }
  if (member.types) {
    if (!view.types) {
      view.types = member.types;
      view.typePointer = member.typePointer;
    } else {
      view.types = new Set([...view.types].filter((t) => member.types?.has(t)));
    }
  }
  if (member.nullable && !view.nullable) {
    view.nullable = true;
    view.nullablePointer = member.nullablePointer;
  }
  if (view.format === undefined && member.format !== undefined) {
    view.format = member.format;
    view.formatPointer = member.formatPointer;
  }
  if (view.enumValues === undefined && member.enumValues !== undefined) {
    view.enumValues = member.enumValues;
    view.enumPointer = member.enumPointer;
  }
  for (const [name, located] of member.properties) if (!view.properties.has(name)) view.properties.set(name, located);
  view.propertiesPointer ??= member.propertiesPointer;
  for (const name of member.required) view.required.add(name);
  if (view.additional === true && member.additional !== true) {
    view.additional = member.additional;
    view.additionalPointer = member.additionalPointer;
  }
  view.items ??= member.items;
  view.variants ??= member.variants;
  for (const [k, v] of member.constraints) if (!view.constraints.has(k)) view.constraints.set(k, v);
  view.deprecated ||= member.deprecated;
  view.keywordPointers.push(...member.keywordPointers);
}

function isNullSchema(node: unknown): boolean {
  if (!isObject(node)) return false;
  return node.type === 'null' || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'null');
}

export function typeLabel(view: SchemaView): string {
  const types = view.types ? [...view.types].sort().join(' | ') : 'any';
  return view.format ? `${types} (${view.format})` : types;
}

export type { Json };
