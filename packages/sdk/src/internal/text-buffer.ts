/**
 * The text a stream has received so far, appended piece by piece (one per event) and joined only when read.
 *
 * `text += piece` per event builds a rope of one cons cell per piece; on a 200,000-event stream those cells all
 * survive the young-generation collections that follow (the text is kept to the end), and copying them cost ~10 %
 * of the stream's CPU. Pieces pushed to an array and joined by the thousand into flat blocks leave little behind:
 * the text is read only when someone asks (a `text` listener's snapshot, `currentText`, an error's `partialText`,
 * the final message).
 */

/** Pieces joined into one flat block at a time: bounds the array, and a block is never copied again. */
const BLOCK = 1024;

/**
 * @example
 * ```ts
 * const text = new TextBuffer();
 * text.append('Hel');
 * text.append('lo');
 * text.value; // 'Hello'
 * ```
 */
export class TextBuffer {
  #joined = '';
  readonly #pieces: string[] = [];

  /** Adds a piece at the end. */
  append(piece: string): void {
    if (this.#pieces.push(piece) === BLOCK) this.#collapse();
  }

  /** The whole text so far. */
  get value(): string {
    if (this.#pieces.length > 0) this.#collapse();
    return this.#joined;
  }

  #collapse(): void {
    const pieces = this.#pieces;
    this.#joined += pieces.length === 1 ? pieces[0] : pieces.join('');
    pieces.length = 0;
  }
}
