/**
 * The base class of every error this SDK throws, so one `instanceof` check catches them all.
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
}
