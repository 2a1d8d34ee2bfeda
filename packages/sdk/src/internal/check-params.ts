/**
 * Refuses a request body the API would reject before it is sent: a missing required field, a field of the wrong
 * type, a combination the reference calls invalid. Each refusal is an `InvalidArgumentError` naming the field, so
 * a billable call never costs a round trip (or money) to learn that `model` was missing. Deliberately no ranges or
 * enums: MiniMax widens those (new models, new modes) faster than an SDK is upgraded.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';

/** A request body as a record, once {@link checkBody} accepted it. */
export type Body = Readonly<Record<string, unknown>>;

/** What a refused value was, for the message: `"" (an empty string)`, `a number`, `null`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string') return value.trim() === '' ? `${JSON.stringify(value)} (an empty string)` : 'a string';
  return `a${/^[aeiou]/.test(typeof value) ? 'n' : ''} ${typeof value}`;
}

/**
 * The parameters object itself: a plain object (not `undefined`, an array or a string).
 *
 * @example
 * ```ts
 * const body = checkBody(params); // throws InvalidArgumentError('params', …) for `undefined`
 * ```
 */
export function checkBody(params: unknown, name = 'params'): Body {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new InvalidArgumentError(name, `expected an object of request parameters, got ${describeValue(params)}`);
  }
  return params as Body;
}

/**
 * A required, non-blank string field.
 *
 * @example
 * ```ts
 * requireString(body, 'model', 'a model id such as "MiniMax-M3"');
 * ```
 */
export function requireString(body: Body, field: string, what = 'a non-empty string'): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    const missing = value === undefined ? 'is required' : `must be ${what}, got ${describeValue(value)}`;
    throw new InvalidArgumentError(field, value === undefined ? `${missing}: ${what}` : missing);
  }
  return value;
}

/**
 * An optional string field: absent, or a string (empty allowed: some fields mean "random" when empty).
 *
 * @example
 * ```ts
 * optionalString(body, 'prompt');
 * ```
 */
export function optionalString(body: Body, field: string): void {
  const value = body[field];
  if (value !== undefined && typeof value !== 'string') {
    throw new InvalidArgumentError(field, `must be a string when given, got ${describeValue(value)}`);
  }
}

/**
 * An optional boolean field. `"true"` or `1` is refused rather than coerced: the server would misread it.
 *
 * @example
 * ```ts
 * optionalBoolean(body, 'stream');
 * ```
 */
export function optionalBoolean(body: Body, field: string): void {
  const value = body[field];
  if (value !== undefined && typeof value !== 'boolean') {
    throw new InvalidArgumentError(field, `must be true or false when given, got ${describeValue(value)}`);
  }
}

/**
 * Which of `fields` are given, each checked to be a non-blank string (an empty one would reach the server as "given").
 *
 * @example
 * ```ts
 * if (givenStrings(body, ['audio_url', 'audio_base64']).length !== 1) throw …;
 * ```
 */
export function givenStrings(body: Body, fields: readonly string[]): string[] {
  const given: string[] = [];
  for (const field of fields) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidArgumentError(field, `must be a non-empty string when given, got ${describeValue(value)}`);
    }
    given.push(field);
  }
  return given;
}
