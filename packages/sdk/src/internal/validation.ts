/**
 * Response validation as the transport runs it: the validator is resolved before a request is sent (so a missing one
 * fails before anything is billed), then each answer or stream event is checked synchronously.
 *
 * The client never imports zod itself. Without a `validator` option it loads `@minimax-ts/sdk/validation` at run
 * time through an `import()` whose specifier is a function argument: bundlers cannot follow it, so zod stays out of
 * a single-file bundle, and Node resolves the package's own export.
 */

import type { Logger, ValidationMode } from '../core/client-options.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { ResponseValidationError } from '../core/response-validation-error.ts';
import type { ResponseValidator } from '../core/response-validator.ts';
import { importAtRunTime } from './import-at-run-time.ts';

const VALIDATION_ENTRY = '@minimax-ts/sdk/validation';

/** Checks one answer or event against the named schema: throws in strict mode, warns in warn mode. */
export type Check = (schemaName: string | undefined, data: unknown) => void;

let fromEntry: Promise<ResponseValidator> | undefined;

/** The `@minimax-ts/sdk/validation` validator, loaded once; a typed error where the runtime cannot load it. */
function loadEntry(): Promise<ResponseValidator> {
  fromEntry ??= importAtRunTime<{ zodValidator?: ResponseValidator }>(VALIDATION_ENTRY).then(
    (entry) => {
      if (!entry.zodValidator) throw new Error(`${VALIDATION_ENTRY} has no zodValidator export`);
      return entry.zodValidator;
    },
    (cause: unknown) => {
      fromEntry = undefined; // a later call may succeed (e.g. after an import map is set up)
      throw Object.assign(
        new InvalidArgumentError(
          'validator',
          `validate is on, but ${VALIDATION_ENTRY} could not be loaded (a single-file bundle?): pass its zodValidator`,
        ),
        { cause },
      );
    },
  );
  return fromEntry;
}

/**
 * The check for one request in `mode`, or `undefined` when validation is off. Resolves (or fails) before anything
 * is sent.
 */
export function validationFor(
  mode: ValidationMode,
  configured: ResponseValidator | undefined,
  context: { operation: string; logger: Logger },
): Promise<Check> | undefined {
  if (mode === 'off') return undefined;
  const ready = configured ? Promise.resolve(configured) : loadEntry();
  return ready.then((validator) => (schemaName, data) => {
    if (schemaName === undefined) return;
    const issues = validator.validate(schemaName, data);
    if (issues.length === 0) return;
    const error = new ResponseValidationError(context.operation, issues, data);
    if (mode === 'strict') throw error;
    context.logger.warn(error.message);
  });
}
