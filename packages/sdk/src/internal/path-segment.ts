/**
 * Checks a value that goes into a URL path (`/v1/models/{model_id}`). The generated client percent-encodes it, so
 * `?`, `#`, `%` and spaces cannot escape the segment; what encoding does not stop is a segment that is empty or is
 * `.` / `..` (which fetch's URL parser resolves, sending the request to another endpoint), a slash or backslash
 * (which some proxies decode back), or a control character. Those are refused before sending.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { describeValue } from './check-params.ts';

const MAX_LENGTH = 256;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
const UNSAFE = /[/\\\u0000-\u001f\u007f]/;

/**
 * A safe single path segment, returned unencoded (the generated client encodes it).
 *
 * @example
 * ```ts
 * pathSegment('MiniMax-M2.7', 'model_id'); // 'MiniMax-M2.7'
 * pathSegment('../files', 'model_id'); // throws InvalidArgumentError('model_id', …)
 * ```
 */
export function pathSegment(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(argument, `expected a non-empty string, got ${describeValue(value)}`);
  }
  if (value === '.' || value === '..') {
    throw new InvalidArgumentError(argument, `${JSON.stringify(value)} is not an id: it would change the URL's path`);
  }
  if (UNSAFE.test(value)) {
    throw new InvalidArgumentError(
      argument,
      `${JSON.stringify(value.slice(0, 40))} contains a slash, a backslash or a control character; an id is one path segment`,
    );
  }
  if (value.length > MAX_LENGTH) {
    throw new InvalidArgumentError(argument, `is ${value.length} characters long; ids are at most ${MAX_LENGTH}`);
  }
  return value;
}
