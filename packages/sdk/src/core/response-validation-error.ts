import { scrubDeep } from '../internal/redact.ts';
import { MiniMaxError } from './minimax-error.ts';

/** One mismatch between a response and the spec's schema. */
export interface ValidationIssue {
  /** Where in the body, e.g. `data.audio`. */
  path: string;
  message: string;
}

/**
 * A response did not match the spec's schema, and the client was created with `validate: 'strict'`.
 * The body as received is on `body`, so nothing is lost.
 *
 * @example
 * ```ts
 * const mm = new MiniMax({ validate: 'strict' });
 * try { await mm.images.generate({ model: 'image-01', prompt: 'a lighthouse' }); }
 * catch (err) { if (err instanceof ResponseValidationError) console.error(err.issues); }
 * ```
 */
export class ResponseValidationError extends MiniMaxError {
  override readonly name = 'ResponseValidationError' as const;

  readonly operation: string;
  readonly issues: readonly ValidationIssue[];
  /** The body as received (a copy with credentials redacted, as every field of an SDK error is). */
  readonly body: unknown;

  constructor(operation: string, issues: readonly ValidationIssue[], body: unknown) {
    const shown = issues
      .slice(0, 5)
      .map((i) => `${i.path || '(root)'}: ${i.message}`)
      .join('; ');
    super(`${operation}: the response does not match the spec (${shown}${issues.length > 5 ? '; …' : ''})`);
    this.operation = operation;
    this.issues = scrubDeep(issues) as ValidationIssue[];
    this.body = scrubDeep(body);
  }
}
