/**
 * Breaking or not, for SDK users (code that calls the client and reads its typed answers). The README's rules
 * table is this table in prose; a test keeps the two in step.
 *
 * The asymmetry is the whole point: what users *send* may grow (new optional fields, wider types, more enum
 * values) but not shrink; what users *read* may shrink in the ways the type checker accepts but not grow, because
 * readers narrow on it (an exhaustive `switch` over a response enum stops compiling, a field that may now be `null`
 * or absent is a crash waiting in `x.field.length`).
 */
import type { ChangeKind, Direction, Severity, Variant } from './model.ts';

type Verdict = Severity | Partial<Record<Variant, Severity>>;

/** A rule per kind: one verdict for both directions, or one per direction, each possibly per variant. */
interface Rule {
  any?: Verdict;
  request?: Verdict;
  response?: Verdict;
}

const B: Severity = 'breaking';
const N: Severity = 'non-breaking';

export const RULES: Record<ChangeKind, Rule> = {
  'operation-added': { any: N },
  'operation-removed': { any: B },
  // The generated function is named after the operationId: a rename breaks every import of it.
  'operation-id-changed': { any: B },
  'operation-moved': { any: B },
  'parameter-added': { request: { required: B, optional: N } },
  'parameter-removed': { request: B },
  'parameter-required': { request: B },
  'parameter-optional': { request: N },
  'request-body-added': { request: { required: B, optional: N } },
  'request-body-removed': { request: B },
  'request-body-required': { request: B },
  'request-body-optional': { request: N },
  'field-added': { request: { required: B, optional: N }, response: N },
  'field-removed': { any: B },
  'field-required': { request: B, response: N },
  // `T` becomes `T | undefined` for readers: `x.field.length` no longer compiles.
  'field-optional': { request: N, response: B },
  'type-changed': {
    request: { narrowing: B, incompatible: B, widening: N },
    response: { widening: B, incompatible: B, narrowing: N },
  },
  'format-changed': {
    request: { added: B, changed: B, removed: N },
    response: { removed: B, changed: B, added: N },
  },
  'nullable-added': { request: N, response: B },
  'nullable-removed': { request: B, response: N },
  'enum-value-added': { request: N, response: B },
  // In a response too: `status === 'Fail'` stops compiling once 'Fail' leaves the union.
  'enum-value-removed': { any: B },
  'enum-added': { request: B, response: N },
  'enum-removed': { request: N, response: B },
  'constraint-changed': { request: { tighter: B, looser: N }, response: N },
  'variant-added': { request: N, response: B },
  'variant-removed': { request: B, response: N },
  'additional-properties-changed': { request: { tighter: B, looser: N }, response: N },
  'content-type-added': { any: N },
  'content-type-removed': { any: B },
  'content-type-changed': { any: B },
  'response-added': { any: N },
  'response-removed': { any: { success: B, error: N } },
  'security-changed': { any: B },
  'security-scheme-added': { any: N },
  'security-scheme-changed': { any: B },
  deprecated: { any: N },
  'servers-changed': { any: N },
  'documentation-changed': { any: N },
  // A difference no rule models (an unreferenced component, a keyword such as `not`): shown for review.
  other: { any: N },
};

/** The severity of a change. Unknown combinations are breaking: a rule that is missing must not hide a break. */
export function classify(kind: ChangeKind, direction?: Direction, variant?: Variant): Severity {
  const rule = RULES[kind];
  const verdict =
    (direction && rule[direction]) ?? rule.any ?? (direction ? undefined : (rule.request ?? rule.response));
  if (verdict === undefined) return B;
  if (typeof verdict === 'string') return verdict;
  return (variant && verdict[variant]) ?? B;
}
