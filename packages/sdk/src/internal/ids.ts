/**
 * Checks ids before they are sent. int64 ids (file ids, async-speech task ids) go on the wire as bare JSON numbers,
 * digit for digit: a string with a leading zero (`"007"`) would make the body invalid JSON, one above 2^63 − 1 would
 * be refused or wrapped by the server, and a JavaScript number above 2^53 has already lost its last digits. Each is
 * refused with an `InvalidArgumentError` naming the field and saying exactly why.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';

const INT64_MAX = 9_223_372_036_854_775_807n;
const CANONICAL = /^(0|[1-9][0-9]*)$/;

const shown = (value: unknown): string => {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
};

/**
 * Why `digits` (a string) is not an int64 id in canonical decimal form, or `undefined` when it is one.
 *
 * @example
 * ```ts
 * int64IdProblem('007'); // 'has a leading zero; ids are written without one (e.g. "7")'
 * int64IdProblem('307123456789012345'); // undefined
 * ```
 */
export function int64IdProblem(digits: string): string | undefined {
  if (digits === '') return 'is empty';
  if (/^-[0-9]+$/.test(digits)) return 'is negative; ids are 0 or more';
  if (!/^[0-9]+$/.test(digits)) return 'is not a decimal id (digits 0-9 only)';
  if (!CANONICAL.test(digits)) {
    return `has a leading zero; ids are written without one (e.g. ${JSON.stringify(digits.replace(/^0+(?=.)/, ''))})`;
  }
  if (digits.length > 19 || BigInt(digits) > INT64_MAX) return `is above the int64 maximum ${INT64_MAX}`;
  return undefined;
}

/**
 * An int64 id as the exact digit string the SDK sends. Ids are strings in the public API because real ones have 18
 * digits: accepted are a string of decimal digits without a leading zero, a non-negative bigint, or a safe
 * non-negative integer, each at most 2^63 − 1.
 *
 * @example
 * ```ts
 * int64Id('307123456789012345', 'file_id'); // '307123456789012345'
 * int64Id('007', 'file_id'); // throws InvalidArgumentError('file_id', '"007" has a leading zero; …')
 * ```
 */
export function int64Id(value: unknown, argument: string): string {
  if (typeof value === 'string') {
    const problem = int64IdProblem(value);
    if (problem === undefined) return value;
    throw new InvalidArgumentError(argument, `${shown(value)} ${problem}`);
  }
  if (typeof value === 'bigint') {
    if (value < 0n) throw new InvalidArgumentError(argument, `${shown(value)} is negative; ids are 0 or more`);
    if (value > INT64_MAX)
      throw new InvalidArgumentError(argument, `${shown(value)} is above the int64 maximum ${INT64_MAX}`);
    return value.toString();
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new InvalidArgumentError(argument, `${shown(value)} is not a whole number`);
    if (value < 0) throw new InvalidArgumentError(argument, `${shown(value)} is negative; ids are 0 or more`);
    if (!Number.isSafeInteger(value)) {
      throw new InvalidArgumentError(
        argument,
        `${value} is above 2^53 and has lost precision as a JavaScript number; pass the id as a string (e.g. the "${argument}" string an SDK response gave you).`,
      );
    }
    return String(value);
  }
  throw new InvalidArgumentError(argument, `expected an id as a string of digits, got ${shown(value)}`);
}

/**
 * A task id that is a real string on the wire (video): a non-empty string, or a safe non-negative integer.
 *
 * @example
 * ```ts
 * taskId('106916112212032'); // '106916112212032'
 * ```
 */
export function taskId(value: unknown, argument = 'task_id'): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw new InvalidArgumentError(argument, `expected a non-empty task id string, got ${shown(value)}`);
}

/**
 * Checks (and normalises to strings) the int64 id fields of a request body, at any depth.
 *
 * @example
 * ```ts
 * checkIdFields({ file_id: 42n, purpose: 'voice_clone' }, new Set(['file_id'])); // { file_id: '42', … }
 * ```
 */
export function checkIdFields<T>(body: T, keys: ReadonlySet<string>): T {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null || node instanceof Blob) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // `undefined` leaves an optional id out; `null` is never an id (JSON would send it as one).
      out[key] = keys.has(key) && value !== undefined ? idField(value, key) : visit(value);
    }
    return out;
  };
  return visit(body) as T;
}

/** An id field's value: one id, or an array of them (each checked, its index in the name). */
function idField(value: unknown, key: string): unknown {
  if (!Array.isArray(value)) return int64Id(value, key);
  return value.map((item, index) => int64Id(item, `${key}[${index}]`));
}

const V2_TASK_ID = /^[0-9]{1,32}$/;

/**
 * A Video V2 task id. It goes in the URL path (`/v2/query/video_generation/{task_id}`), so it must be a safe path
 * segment: V2 ids are JSON strings of digits (15 in every example), and anything else (`../x`, `1?a=b`, an empty
 * string) is refused before it can change which URL is called. A safe non-negative integer is accepted too.
 *
 * @example
 * ```ts
 * v2TaskId('424010985738629'); // '424010985738629'
 * v2TaskId('../files'); // throws InvalidArgumentError('taskId', …)
 * ```
 */
export function v2TaskId(value: unknown, argument = 'taskId'): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && V2_TASK_ID.test(value)) return value;
  const why = typeof value === 'string' ? `${shown(value)} is not a V2 task id (digits only)` : `got ${shown(value)}`;
  throw new InvalidArgumentError(argument, `expected a task id string of digits such as "424010985738629"; ${why}`);
}
