import type { Logger, ValidationMode } from '../core/client-options.ts';
import { ResponseValidationError, type ValidationIssue } from '../core/response-validation-error.ts';

interface SafeParser {
  safeParse(data: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

// Loaded on first use only: with validation off (the default), zod never enters the process or the bundle's main chunk.
let schemas: Promise<Record<string, unknown>> | undefined;
const loadSchemas = (): Promise<Record<string, unknown>> => {
  schemas ??= import('@minimax-ts/generated/zod') as Promise<Record<string, unknown>>;
  return schemas;
};

/**
 * Checks `data` against the named generated zod schema. The caller keeps using `data` itself: zod's parsed copy
 * strips fields the spec does not know, and a new field from the server must reach the user.
 */
export async function validateResponse(
  mode: ValidationMode,
  schemaName: string | undefined,
  data: unknown,
  context: { operation: string; logger: Logger },
): Promise<void> {
  if (mode === 'off' || schemaName === undefined) return;
  const check = await checker(mode, schemaName, context);
  check?.(data);
}

/**
 * A synchronous checker for one schema, loaded once: streams validate every event without an await per event.
 * `undefined` when validation is off.
 */
export async function checker(
  mode: ValidationMode,
  schemaName: string | undefined,
  context: { operation: string; logger: Logger },
): Promise<((data: unknown) => void) | undefined> {
  if (mode === 'off' || schemaName === undefined) return undefined;
  const schema = (await loadSchemas())[schemaName] as SafeParser | undefined;
  if (!schema) throw new Error(`internal: no zod schema named ${schemaName}`);
  return (data) => {
    const result = schema.safeParse(data);
    if (result.success) return;
    const issues: ValidationIssue[] = (result.error?.issues ?? []).map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    }));
    const error = new ResponseValidationError(context.operation, issues, data);
    if (mode === 'strict') throw error;
    context.logger.warn(error.message);
  };
}
