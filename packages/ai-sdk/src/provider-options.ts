/**
 * `providerOptions.minimax`: where AI SDK callers pass what only MiniMax understands, and where reasoning signatures
 * come back on the next turn. Checked by hand (no schema library at runtime): a wrong value fails the call with the
 * AI SDK's `InvalidArgumentError` naming the field, instead of reaching the API as a confusing 2013.
 */

import { InvalidArgumentError, type JSONObject, type SharedV3ProviderOptions } from '@ai-sdk/provider';

/** The key of this provider's options and metadata. */
export const PROVIDER_KEY = 'minimax';

/**
 * The `minimax` entry of provider options (or metadata), or `{}`.
 *
 * @example
 * ```ts
 * minimaxOptions({ minimax: { signature: 'abc' } }); // { signature: 'abc' }
 * ```
 */
export function minimaxOptions(options: SharedV3ProviderOptions | undefined): JSONObject {
  return options?.[PROVIDER_KEY] ?? {};
}

/**
 * A refused provider option, named by its path.
 *
 * @example
 * ```ts
 * throw invalidOption('thinking.type', value, "one of 'enabled', 'disabled', 'adaptive'");
 * ```
 */
export function invalidOption(path: string, value: unknown, expected: string): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: `providerOptions.${PROVIDER_KEY}.${path}`,
    message: `providerOptions.${PROVIDER_KEY}.${path} must be ${expected}, got ${JSON.stringify(value)}`,
  });
}

/**
 * Returns `value` when it is a plain object (or undefined), else throws {@link invalidOption}.
 *
 * @example
 * ```ts
 * objectOption('voice_setting', { speed: 1 }); // { speed: 1 }
 * ```
 */
export function objectOption(path: string, value: unknown): JSONObject | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JSONObject;
  throw invalidOption(path, value, 'an object');
}
