/**
 * `@minimax-ts/sdk/validation`: response validation with the zod schemas generated from the spec. Separate from the
 * main entry so that zod (~35 kB gzipped) enters a bundle only when the application imports this file. In Node the
 * client loads it by itself when `validate` is not `'off'`; a single-file bundle (esbuild without splitting, as
 * Workers and edge deploys build) must pass it as the `validator` option.
 *
 * @example
 * ```ts
 * import { MiniMax } from '@minimax-ts/sdk';
 * import { zodValidator } from '@minimax-ts/sdk/validation';
 * const mm = new MiniMax({ validate: 'strict', validator: zodValidator });
 * ```
 */

import * as schemas from '@minimax-ts/generated/zod';
import type { ValidationIssue } from './core/response-validation-error.ts';
import type { ResponseValidator } from './core/response-validator.ts';

interface SafeParser {
  safeParse(data: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

const byName = schemas as unknown as Record<string, SafeParser | undefined>;

/**
 * Checks data against the generated zod schema of that name. Only the verdict is used: zod's parsed copy strips
 * fields the spec does not know, and a new field from the server must reach the user, so the caller keeps the data.
 *
 * @example
 * ```ts
 * zodValidator.validate('zChatCompletionV2Response', { choices: 'nope' }); // [{ path: 'choices', message: '…' }, …]
 * ```
 */
export const zodValidator: ResponseValidator = {
  validate(schema: string, data: unknown): readonly ValidationIssue[] {
    const parser = byName[schema];
    if (!parser) throw new Error(`internal: no zod schema named ${schema}`);
    const result = parser.safeParse(data);
    if (result.success) return [];
    return (result.error?.issues ?? []).map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
  },
};

export type { ValidationIssue } from './core/response-validation-error.ts';
export type { ResponseValidator } from './core/response-validator.ts';
