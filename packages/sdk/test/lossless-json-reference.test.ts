/**
 * `parseJSON` against a slow reference parser (fixtures/reference-lossless-json.ts) on random JSON texts written
 * the way hostile or unusual servers could write them: random whitespace, numbers in every form (big, negative,
 * `-0`, floats, exponents), strings full of digits, quotes, colons and escapes, id keys written with escapes, arrays
 * of ids, deep nesting; and on broken texts, which must fail exactly when `JSON.parse` fails.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJSON } from '../src/internal/lossless-json.ts';
import { referenceParse } from './fixtures/reference-lossless-json.ts';

const KEYS = new Set(['file_id', 'task_id']);

const space = fc.constantFrom('', '', '', ' ', '\n', '\t', '\r\n', '  ');

/** Number literals in every JSON form, with an emphasis on the 15–20 digit range around 2^53. */
const numberLiteral = fc.oneof(
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  fc.bigInt({ min: 2n ** 53n - 5n, max: 2n ** 53n + 5n }).map(String),
  fc.bigInt({ min: -(2n ** 53n) - 5n, max: -(2n ** 53n) + 5n }).map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0', '-0', '1e21', '1E+2', '-2.5e-3', '0.0', '1.50', '9007199254740993.0', '12345678901234567890e0'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(99), fc.constantFrom('e', 'E', 'e+', 'e-', '.'))
    .map(([int, digits, mark]) => `${int}${mark}${digits}`),
);

/** Characters that confuse a scanner: digits next to quotes, colons and brackets, escapes, non-ASCII. */
const trickyText = fc
  .array(
    fc.constantFrom(
      '"',
      '\\',
      ':',
      ',',
      '[',
      '{',
      '}',
      ' ',
      '1234567890123456789',
      '-9007199254740993',
      'file_id',
      '":',
      'é',
      '\u2028',
      '😀',
      '\n',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), trickyText);

/** A string literal, sometimes with every character written as a `\u` escape. */
const stringLiteral = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.boolean())
    .map(([value, escapeAll]) =>
      escapeAll
        ? `"${[...value].map((c) => [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('')}"`
        : JSON.stringify(value),
    );

const keyName = fc.oneof(fc.constantFrom('file_id', 'task_id', 'x', 'file_ids', 'id', '__proto__'), anyText);

const { document } = fc.letrec<{ document: string; value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLiteral,
    stringLiteral(anyText),
    fc.constantFrom('true', 'false', 'null'),
    fc
      .array(fc.tuple(space, tie('value'), space), { maxLength: 5 })
      .map((items) => `[${items.map((parts) => parts.join('')).join(',')}]`),
    fc
      .array(fc.tuple(space, stringLiteral(keyName), space, space, tie('value'), space), { maxLength: 5 })
      .map((members) => `{${members.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(',')}}`),
  ),
  document: fc.tuple(space, tie('value'), space).map((parts) => parts.join('')),
}));

describe('parseJSON against the reference parser', () => {
  it('returns what the reference returns on any valid document', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(parseJSON(text, { int64Keys: KEYS })).toEqual(referenceParse(text, KEYS));
      }),
      { numRuns: 3_000 },
    );
  });

  it('fails exactly when JSON.parse fails, on documents with one character changed', () => {
    const broken = fc
      .tuple(document, fc.nat(), fc.constantFrom('', '"', ':', ',', '0', '1', '-', '.', 'e', '[', ']', '{', '}', '\\'))
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(broken, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (valid) expect(parseJSON(text, { int64Keys: KEYS })).toEqual(referenceParse(text, KEYS));
        else expect(() => parseJSON(text, { int64Keys: KEYS })).toThrow(SyntaxError);
      }),
      { numRuns: 3_000 },
    );
  });

  it('matches on documents nested far deeper than any generated tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 2_000 }), numberLiteral, (depth, literal) => {
        const text = `${'{"file_id":['.repeat(depth)}${literal}${']}'.repeat(depth)}`;
        expect(parseJSON(text, { int64Keys: KEYS })).toEqual(referenceParse(text, KEYS));
      }),
      { numRuns: 5 },
    );
  });
});
