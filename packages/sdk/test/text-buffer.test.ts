/**
 * `TextBuffer`: the text a stream received, kept as pieces and joined when read. It must read back exactly what was
 * appended, in order, whenever it is read: between appends, across the block size where pieces are joined, and after.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextBuffer } from '../src/internal/text-buffer.ts';

describe('TextBuffer', () => {
  it('starts empty and reads back every piece in order', () => {
    const text = new TextBuffer();
    expect(text.value).toBe('');
    text.append('Hel');
    text.append('');
    text.append('lo, 世界');
    expect(text.value).toBe('Hello, 世界');
    text.append('!');
    expect(text.value).toBe('Hello, 世界!');
  });

  it('keeps the order across the block where pieces are joined (read at the end only)', () => {
    const text = new TextBuffer();
    const pieces = Array.from({ length: 5000 }, (_, i) => `${i % 7 === 0 ? '，' : ' '}${i}`);
    for (const piece of pieces) text.append(piece);
    expect(text.value).toBe(pieces.join(''));
  });

  it('reads back the same whatever the reads in between (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.boolean()), { maxLength: 3000 }), (steps) => {
        const text = new TextBuffer();
        let expected = '';
        for (const [piece, read] of steps) {
          text.append(piece);
          expected += piece;
          if (read) expect(text.value).toBe(expected);
        }
        expect(text.value).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});
