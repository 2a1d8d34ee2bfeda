import { MiniMaxError } from './minimax-error.ts';

/**
 * A method was called with an argument the API would reject or, worse, silently misread (an id that lost its last
 * digits in a JavaScript number). Raised before anything is sent.
 *
 * @example
 * ```ts
 * try { await mm.files.retrieve(307123456789012345 as never); }
 * catch (err) { if (err instanceof InvalidArgumentError) console.error(err.argument, err.message); }
 * ```
 */
export class InvalidArgumentError extends MiniMaxError {
  override readonly name = 'InvalidArgumentError' as const;

  constructor(
    /** The argument's name, e.g. `file_id`. */
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}
