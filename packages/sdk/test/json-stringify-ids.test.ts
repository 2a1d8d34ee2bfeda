/**
 * `stringifyWithIds` (native `JSON.stringify` with a marking replacer) against the recursive writer it replaced
 * (fixtures/reference-stringify-ids.ts) on random values, and on the deep bodies the recursive writer could not write.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/core/invalid-argument-error.ts';
import { idLiteral, stringifyNative, stringifyWithIds } from '../src/internal/json-stringify-ids.ts';
import { writeDeep } from '../src/internal/json-write-deep.ts';
import { referenceStringifyWithIds } from './fixtures/reference-stringify-ids.ts';

const KEYS = new Set(['file_id', 'prompt_audio']);

/** What a call does: its text, or the class and message of what it throws. */
function outcome(write: () => string | undefined): unknown {
  try {
    return { text: write() };
  } catch (error) {
    const { name, message } = error as Error;
    return { error: name, message: error instanceof InvalidArgumentError ? message : undefined };
  }
}

describe('stringifyWithIds', () => {
  it('writes a 10,000-deep body with ids (the recursive writer overflowed the stack)', () => {
    const depth = 10_000;
    let value: unknown = { file_id: '307123456789012345', prompt_audio: ['1', '2'] };
    for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
    let expected = '{"file_id":307123456789012345,"prompt_audio":[1,2]}';
    for (let i = 0; i < depth; i++) expected = i % 2 ? `{"a":${expected}}` : `[${expected}]`;
    expect(() => referenceStringifyWithIds(value, KEYS)).toThrow(RangeError);
    expect(() => stringifyNative(value, KEYS)).toThrow(RangeError); // V8 gives up near 2,850 levels: the fallback runs
    expect(stringifyWithIds(value, KEYS)).toBe(expected);
  });

  it('decides a shared array by where it is written, and names the id key of an array element it refuses', () => {
    const shared = ['1', '2'];
    expect(stringifyWithIds({ file_id: shared, other: shared, x: { file_id: shared } }, KEYS)).toBe(
      '{"file_id":[1,2],"other":["1","2"],"x":{"file_id":[1,2]}}',
    );
    expect(() => stringifyWithIds({ prompt_audio: [['7', '007']] }, KEYS)).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', message: expect.stringContaining('prompt_audio') }),
    );
  });

  it('keeps strings that look like the marker or like ids outside id keys as strings', () => {
    const value = { note: '"file_id":1', s: '\u2063id123', file_id: '\u2063id1:2', arr: ['12'] };
    expect(stringifyWithIds(value, KEYS)).toBe(JSON.stringify(value));
  });

  const key = fc.constantFrom('file_id', 'prompt_audio', 'x', 'toJSON', '', '0');
  const idLike = fc.oneof(
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
    fc.constantFrom('007', '00', '-0', '0', '', '1.5', 'abc', '-', '1e3'),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      idLike,
      idLike.map((s) => new String(s)),
      fc.string(),
      fc.double(),
      fc.integer().map((n) => new Number(n)),
      fc.constantFrom(true, false, null, undefined, () => 1, new Boolean(false)),
      fc.date({ noInvalidDate: true }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      tie('value').map((inner) => ({ toJSON: (k: string) => (k === 'file_id' ? '42' : inner) })),
    ),
  }));

  const writers: Array<[string, (input: unknown) => string | undefined]> = [
    ['the native path', (input) => stringifyNative(input, KEYS)],
    ['the deep writer', (input) => writeDeep(input, KEYS, idLiteral)],
  ];
  it.each(writers)('%s matches the recursive writer on random values', (_name, write) => {
    fc.assert(
      fc.property(value, (input) => {
        expect(outcome(() => write(input))).toEqual(outcome(() => referenceStringifyWithIds(input, KEYS)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('throws on a cycle, deep or not, like JSON.stringify', () => {
    const cyclic: Record<string, unknown> = { file_id: '1' };
    cyclic.self = [cyclic];
    expect(() => stringifyWithIds(cyclic, KEYS)).toThrow(TypeError);
    expect(() => writeDeep(cyclic, KEYS, idLiteral)).toThrow(/circular/);
  });
});
