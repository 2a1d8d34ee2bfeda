/** The vocabulary of spec-diff: what a change is, and how it is classified for SDK users. */

export type Severity = 'breaking' | 'non-breaking';

/** Which side of the wire a schema describes: what SDK users send, or what they read. */
export type Direction = 'request' | 'response';

/**
 * The nuance a rule needs beyond kind and direction: whether an added thing is required, whether a type or a
 * constraint got narrower or wider, whether a removed response is a success.
 */
export type Variant =
  | 'required'
  | 'optional'
  | 'narrowing'
  | 'widening'
  | 'incompatible'
  | 'added'
  | 'removed'
  | 'changed'
  | 'tighter'
  | 'looser'
  | 'success'
  | 'error';

export const CHANGE_KINDS = [
  'operation-added',
  'operation-removed',
  'operation-id-changed',
  'operation-moved',
  'parameter-added',
  'parameter-removed',
  'parameter-required',
  'parameter-optional',
  'request-body-added',
  'request-body-removed',
  'request-body-required',
  'request-body-optional',
  'field-added',
  'field-removed',
  'field-required',
  'field-optional',
  'type-changed',
  'format-changed',
  'nullable-added',
  'nullable-removed',
  'enum-value-added',
  'enum-value-removed',
  'enum-added',
  'enum-removed',
  'constraint-changed',
  'variant-added',
  'variant-removed',
  'additional-properties-changed',
  'content-type-added',
  'content-type-removed',
  'content-type-changed',
  'response-added',
  'response-removed',
  'security-changed',
  'security-scheme-added',
  'security-scheme-changed',
  'deprecated',
  'servers-changed',
  'documentation-changed',
  'other',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One structural difference between the vendored upstream file and the candidate. */
export interface Change {
  kind: ChangeKind;
  severity: Severity;
  /** For schema, parameter and body changes: request (what users send) or response (what they read). */
  direction?: Direction;
  variant?: Variant;
  /** JSON pointer in the candidate where the change is; for a removal, the nearest parent that still exists. */
  pointer: string;
  /** JSON pointer of the same place in the vendored upstream file (absent for additions). */
  basePointer?: string;
  /** One line for humans, e.g. ``response field `file.download_url` removed``. */
  message: string;
  /** Where, seen from the first operation that reaches it: `response 200 application/json`, `query parameter`… */
  where?: string;
  /** Field path from the body root (`file.download_url`, `files[].bytes`) or `query.file_id` for parameters. */
  field?: string;
  before?: unknown;
  after?: unknown;
  /** operationIds whose requests or responses reach the change. */
  operations: string[];
  /** SDK methods that call those operations, e.g. `mm.files.retrieve` (filled in by the report). */
  sdkMethods: string[];
}

/** A change before the report attaches SDK methods. */
export type RawChange = Omit<Change, 'severity' | 'sdkMethods'>;
