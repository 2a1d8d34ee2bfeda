/**
 * MiniMax skips a `task_continue` over 10,000 characters (code 2204) and an empty one (2203). The session never sends
 * those: empty text is dropped, long text is cut into pieces below the limit, at the last sentence end, else the last
 * space, else anywhere, so nothing is skipped or lost.
 */

/** MiniMax's limit for one `task_continue`, in characters. */
export const MAX_TEXT_CHARS = 10_000;

const SENTENCE_END = /[.!?。！？…\n]/;

/**
 * The pieces one `send(text)` goes out as.
 *
 * @example
 * ```ts
 * splitText(''); // []
 * splitText('Hello.'); // ['Hello.']
 * ```
 */
export function splitText(text: string, limit = MAX_TEXT_CHARS): string[] {
  if (text === '') return [];
  // UTF-16 length is at least the character count, so a text within it is within MiniMax's limit however it counts.
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = -1;
    for (let i = limit - 1; i > limit / 2; i--) {
      if (SENTENCE_END.test(rest[i] as string)) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) {
      const space = rest.lastIndexOf(' ', limit - 1);
      cut = space > limit / 2 ? space + 1 : limit;
    }
    // Never between the two halves of a surrogate pair (an emoji).
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}
