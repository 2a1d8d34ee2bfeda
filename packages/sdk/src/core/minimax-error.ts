import { redactCause, redactText, scrubDeep } from '../internal/redact.ts';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The base class of every error this SDK throws, so one `instanceof` check catches them all. It is also where
 * credentials are kept out of errors: the message and the `cause` chain are redacted when the error is built, and
 * `toJSON()` and `util.inspect` (so `console.log`) print a redacted, depth-bounded summary. No output form of an SDK
 * error contains a client's API key, whatever its shape and wherever a server echoed it.
 *
 * @example
 * ```ts
 * try {
 *   await client.speech.create({ … });
 * } catch (err) {
 *   if (err instanceof MiniMaxError) console.error(err.message);
 * }
 * ```
 */
export class MiniMaxError extends Error {
  // Typed `string` (not a literal) so that subclasses can set their own name.
  override readonly name: string = 'MiniMaxError';
  /**
   * The task being created or waited for when the error happened (video, async speech). Set on any error raised
   * by `wait()` or `generate()`, so a failed poll never loses the id of a task that may still be running.
   */
  taskId: string | undefined;

  constructor(message?: string, options?: { cause?: unknown }) {
    super(redactText(message ?? ''), options && 'cause' in options ? { cause: redactCause(options.cause) } : undefined);
  }

  /**
   * A plain, credential-free summary for loggers that serialise errors as JSON: the name, the message and every
   * field of the error, redacted and depth-bounded (it never throws, even on a hostile 100,000-level body).
   */
  toJSON(): Record<string, unknown> {
    const summary: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined) summary[key] = value;
    return scrubDeep(summary) as Record<string, unknown>;
  }

  /** Node's `util.inspect` (and so `console.log`) prints this instead of walking every own property. */
  [INSPECT](_depth: number, options: unknown, inspect?: (value: unknown, options: unknown) => string): string {
    const summary = { ...this.toJSON(), ...(this.cause === undefined ? {} : { cause: redactCause(this.cause) }) };
    const head = redactText(this.stack ?? `${this.name}: ${this.message}`);
    return `${head}\n${inspect ? inspect(summary, options) : JSON.stringify(summary)}`;
  }
}
