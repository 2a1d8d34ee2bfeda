import { InvalidArgumentError } from '../core/invalid-argument-error.ts';

const DIGITS = /^[0-9]{1,19}$/;

/**
 * An int64 id as the exact digit string the SDK sends. Ids are strings in the public API because real ones have 18
 * digits: a JavaScript number above 2^53 has already lost its last digits, so it is refused rather than sent wrong.
 */
export function int64Id(value: unknown, argument: string): string {
  if (typeof value === 'string' && DIGITS.test(value)) return value;
  if (typeof value === 'bigint' && value >= 0n && value.toString().length <= 19) return value.toString();
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'number' && Number.isInteger(value)) {
    throw new InvalidArgumentError(
      argument,
      `${value} is above 2^53 and has lost precision as a JavaScript number; pass the id as a string (e.g. the "${argument}" string an SDK response gave you).`,
    );
  }
  throw new InvalidArgumentError(
    argument,
    `expected an id made of digits, got ${JSON.stringify(value) ?? String(value)}`,
  );
}

/** A string task id (video ids are real strings on the wire). */
export function taskId(value: unknown, argument = 'task_id'): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new InvalidArgumentError(
    argument,
    `expected a non-empty task id string, got ${JSON.stringify(value) ?? String(value)}`,
  );
}

/** Checks (and normalises to strings) the int64 id fields of a request body, at any depth. */
export function checkIdFields<T>(body: T, keys: ReadonlySet<string>): T {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null || node instanceof Blob) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = keys.has(key) && value !== undefined && value !== null ? int64Id(value, key) : visit(value);
    }
    return out;
  };
  return visit(body) as T;
}
