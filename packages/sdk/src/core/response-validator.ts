/**
 * What response validation needs from a schema library, so that the client itself never imports one: zod (the
 * generated schemas) stays out of a bundle unless the application imports `@minimax-ts/sdk/validation`.
 */

import type { ValidationIssue } from './response-validation-error.ts';

/**
 * Checks a response (or one stream event) against a schema of the spec. `@minimax-ts/sdk/validation` exports
 * `zodValidator`, built on the generated zod schemas; pass it as the `validator` client option where the SDK is
 * bundled into a single file (an edge function, a Worker) and `validate` is not `'off'`.
 *
 * @example
 * ```ts
 * import { MiniMax } from '@minimax-ts/sdk';
 * import { zodValidator } from '@minimax-ts/sdk/validation';
 * const mm = new MiniMax({ validate: 'strict', validator: zodValidator });
 * ```
 */
export interface ResponseValidator {
  /**
   * Returns the ways `data` differs from the schema named `schema` (an export name of `@minimax-ts/generated/zod`,
   * e.g. `zChatCompletionV2Response`); an empty array when it matches.
   */
  validate(schema: string, data: unknown): readonly ValidationIssue[];
}
