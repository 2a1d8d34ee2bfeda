import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteIdsAndBigIntegers } from '../src/internal/json-big-integers.ts';
import { INT64_ID_KEYS, parseJSON, stringifyJSON } from '../src/internal/lossless-json.ts';

const NO_KEYS = new Set<string>();
const FILE_ID = new Set(['file_id']);

describe('parseJSON', () => {
  it.each([
    ['{"file_id":307123456789012345}', { file_id: '307123456789012345' }],
    ['{"n":9223372036854775807}', { n: '9223372036854775807' }],
    ['{"n":-9223372036854775808}', { n: '-9223372036854775808' }],
    [
      '[307123456789012345, [1, 123456789012345678901234567890]]',
      ['307123456789012345', [1, '123456789012345678901234567890']],
    ],
    ['{"a":{"b":[{"c":307123456789012345}]}}', { a: { b: [{ c: '307123456789012345' }] } }],
    ['307123456789012345', '307123456789012345'],
    [' \n\t{ "x" : 307123456789012345 \n}', { x: '307123456789012345' }],
  ])('keeps big integers exact: %s', (text, expected) => {
    expect(parseJSON(text, { int64Keys: NO_KEYS })).toEqual(expected);
  });

  it('keeps the largest safe integer a number, and the next one a string', () => {
    expect(
      parseJSON('[9007199254740991,-9007199254740991,9007199254740992,-9007199254740992,1000000000000000]'),
    ).toEqual([9007199254740991, -9007199254740991, '9007199254740992', '-9007199254740992', 1000000000000000]);
  });

  it.each([
    '{"f":1.5,"e":1e21,"E":-2.5E-300,"long":0.12345678901234567890,"big":12345678901234567890.5}',
    '{"exp":1e12345678901234567,"neg":-0,"z":0}',
    '[1.7976931348623157e308, 123456789012345678e2]',
  ])('leaves floats and exponents alone: %s', (text) => {
    expect(parseJSON(text, { int64Keys: NO_KEYS })).toEqual(JSON.parse(text));
  });

  it.each([
    '{"s":"307123456789012345"}',
    '{"s":"a \\"quoted\\" 307123456789012345 \\\\"}',
    '{"s":"\\\\\\"307123456789012345"}',
    '{"307123456789012345":"key with digits","audio":"49443303040000000000000000ff"}',
    '["\\\\", 1, "\\"", 2]',
  ])('leaves strings untouched: %s', (text) => {
    expect(parseJSON(text, { int64Keys: NO_KEYS })).toEqual(JSON.parse(text));
  });

  it('parses big integers after strings that contain escaped quotes', () => {
    expect(parseJSON('{"s":"x\\"y","file_id":307123456789012345,"t":"\\\\"}')).toEqual({
      s: 'x"y',
      file_id: '307123456789012345',
      t: '\\',
    });
  });

  it('turns every number under an id key into a string (default INT64_ID_KEYS)', () => {
    const text = '{"file_id":42,"task_id":"106916112212032","text_file_id":7,"prompt_audio":8,"other":42}';
    expect(parseJSON(text)).toEqual({
      file_id: '42',
      task_id: '106916112212032',
      text_file_id: '7',
      prompt_audio: '8',
      other: 42,
    });
  });

  it('converts ids nested anywhere, including arrays of ids under an id key', () => {
    const text = '{"data":[{"file":{"file_id":1,"bytes":2}}],"file_id":[3,307123456789012345]}';
    expect(parseJSON(text, { int64Keys: FILE_ID })).toEqual({
      data: [{ file: { file_id: '1', bytes: 2 } }],
      file_id: ['3', '307123456789012345'],
    });
  });

  it('leaves id keys alone when int64Keys is empty', () => {
    expect(parseJSON('{"file_id":42}', { int64Keys: NO_KEYS })).toEqual({ file_id: 42 });
  });

  it.each([
    '',
    '{',
    '{"a":}',
    '[1,]',
    '{"a":0123456789012345678}',
    '{"a":-}',
    '{"a":307123456789012345"x"}',
    'NaN',
    '{12345678901234567890:1}',
    '{"a":1,12345678901234567890:2}',
    '{"file_id":[1,12345678901234567890:2]}',
    '{"file_id":01}',
    '{"file_id":1.}',
    '{"file_id":-}',
  ])('throws SyntaxError on invalid JSON: %s', (text) => {
    expect(() => parseJSON(text)).toThrow(SyntaxError);
  });
});

describe('quoteIdsAndBigIntegers', () => {
  it('returns the same string when nothing needs quoting', () => {
    const text = '{"a":[1,2.5,"307123456789012345"]}';
    expect(quoteIdsAndBigIntegers(text, NO_KEYS)).toBe(text);
  });

  it('quotes only unsafe integer literals', () => {
    expect(quoteIdsAndBigIntegers('[1, 9223372036854775807, 1.5e300, -12345678901234567890]', NO_KEYS)).toBe(
      '[1, "9223372036854775807", 1.5e300, "-12345678901234567890"]',
    );
  });

  it.each([
    ['{"file_id":1}', '{"file_id":"1"}'],
    ['{ "file_id" \n : 1}', '{ "file_id" \n : "1"}'],
    ['{"x":"file_id"}', '{"x":"file_id"}'],
    ['["file_id", 1]', '["file_id", 1]'],
    ['{"x":"\\"file_id\\":1"}', '{"x":"\\"file_id\\":1"}'],
    ['{"profile_id":1}', '{"profile_id":1}'],
    ['{"file_ix":1}', '{"file_ix":1}'],
    ['{"file\\u005fid":1}', '{"file\\u005fid":"1"}'],
  ])('quotes numbers under id keys (property names only): %s', (text, expected) => {
    expect(quoteIdsAndBigIntegers(text, FILE_ID)).toBe(expected);
  });
});

describe('deep nesting (no recursion per level)', () => {
  const DEPTH = 100_000;

  it('parses a 100,000-deep document with an id key at the bottom', () => {
    const text = `${'[{"a":'.repeat(DEPTH)}{"file_id":307123456789012345}${'}]'.repeat(DEPTH)}`;
    let value = parseJSON(text) as unknown;
    for (let i = 0; i < DEPTH; i++) value = (value as Array<{ a: unknown }>)[0]!.a;
    expect(value).toEqual({ file_id: '307123456789012345' });
  });

  it('parses a 100,000-deep array of arrays under an id key', () => {
    const text = `{"file_id":[1,${'['.repeat(DEPTH)}2${']'.repeat(DEPTH)},3]}`;
    const value = parseJSON(text) as { file_id: unknown[] };
    expect(value.file_id[0]).toBe('1');
    expect(value.file_id[2]).toBe('3');
    let inner = value.file_id[1];
    for (let i = 0; i < DEPTH - 1; i++) inner = (inner as unknown[])[0];
    expect(inner).toEqual([2]); // only direct elements of an id array are ids
  });
});

describe('stringifyJSON', () => {
  it('writes an id string as a bare number, digit for digit', () => {
    expect(stringifyJSON({ file_id: '307123456789012345', purpose: 'voice_clone' }, { int64Keys: FILE_ID })).toBe(
      '{"file_id":307123456789012345,"purpose":"voice_clone"}',
    );
    expect(stringifyJSON({ file_id: '9223372036854775807' }, { int64Keys: FILE_ID })).toBe(
      '{"file_id":9223372036854775807}',
    );
    expect(stringifyJSON({ file_id: '-42' }, { int64Keys: FILE_ID })).toBe('{"file_id":-42}');
  });

  it('writes nested ids and arrays of ids under an id key', () => {
    const value = { clone_prompt: { prompt_audio: '307123456789012345', prompt_text: '123' }, file_id: ['1', '2'] };
    expect(stringifyJSON(value, { int64Keys: new Set(['prompt_audio', 'file_id']) })).toBe(
      '{"clone_prompt":{"prompt_audio":307123456789012345,"prompt_text":"123"},"file_id":[1,2]}',
    );
  });

  it('defaults to no id keys, so a digits-only video task_id stays a string', () => {
    expect(stringifyJSON({ task_id: '106916112212032', file_id: '1' })).toBe(
      '{"task_id":"106916112212032","file_id":"1"}',
    );
  });

  it('keeps non-integer strings under id keys quoted', () => {
    expect(stringifyJSON({ file_id: '1.5', task_id: 'abc', text_file_id: '' }, { int64Keys: INT64_ID_KEYS })).toBe(
      '{"file_id":"1.5","task_id":"abc","text_file_id":""}',
    );
  });

  it('leaves numbers under id keys as JSON.stringify writes them', () => {
    expect(stringifyJSON({ file_id: 42 }, { int64Keys: FILE_ID })).toBe('{"file_id":42}');
  });

  it('follows JSON.stringify for toJSON, undefined, functions, NaN, boxed values', () => {
    const value = {
      date: new Date(0),
      skip: undefined,
      fn: () => 1,
      arr: [
        undefined,
        () => 1,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        new Number(3),
        new String('s'),
        new Boolean(false),
      ],
      custom: { toJSON: (key: string) => `key:${key}` },
      nested: { file_id: { toJSON: () => '307123456789012345' } },
    };
    expect(stringifyJSON(value, { int64Keys: new Set(['none']) })).toBe(JSON.stringify(value));
    expect(stringifyJSON(value, { int64Keys: FILE_ID })).toBe(
      JSON.stringify(value).replace('"file_id":"307123456789012345"', '"file_id":307123456789012345'),
    );
  });

  it('throws like JSON.stringify on cycles, bigint and a top-level undefined', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stringifyJSON(cyclic, { int64Keys: FILE_ID })).toThrow(TypeError);
    expect(() => stringifyJSON({ n: 1n }, { int64Keys: FILE_ID })).toThrow(TypeError);
    expect(() => stringifyJSON(undefined)).toThrow(TypeError);
    expect(() => stringifyJSON(undefined, { int64Keys: FILE_ID })).toThrow(TypeError);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { file_id: '1' };
    expect(stringifyJSON([shared, shared], { int64Keys: FILE_ID })).toBe('[{"file_id":1},{"file_id":1}]');
  });
});

describe('properties', () => {
  const bigInt = fc
    .bigInt({ min: -(2n ** 70n), max: 2n ** 70n })
    .filter((n) => n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER));
  const idValue = fc.oneof(bigInt, fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }));

  /** A JSON tree whose integers are bigints (so they can be written exactly) and whose `file_id`s are integers. */
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      bigInt,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.dictionary(
        fc.string().filter((k) => k !== 'file_id' && k !== '__proto__'),
        tie('tree'),
        { maxKeys: 4 },
      ),
      fc.record({ file_id: idValue, data: tie('tree') }),
    ),
  }));

  /** Writes the tree as JSON text, bigints as bare digits. */
  const write = (value: unknown): string => {
    if (typeof value === 'bigint') return value.toString();
    if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      return `{${Object.entries(value)
        .map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`)
        .join(',')}}`;
    }
    return JSON.stringify(value);
  };

  /** Whether JSON.stringify writes the number as an integer literal beyond 2^53 - 1. */
  const isUnsafeIntegerLiteral = (n: number): boolean =>
    Number.isInteger(n) && !Number.isSafeInteger(n) && Math.abs(n) < 1e21;

  /** What parseJSON must return for the tree: big integer literals as exact digit strings. */
  const expected = (value: unknown): unknown => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && isUnsafeIntegerLiteral(value)) return JSON.stringify(value);
    if (Array.isArray(value)) return value.map(expected);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expected(v)]));
    }
    return typeof value === 'number' ? JSON.parse(JSON.stringify(value)) : value;
  };

  it('parse keeps every big integer exact, anywhere', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(parseJSON(write(value), { int64Keys: FILE_ID })).toEqual(expected(value));
      }),
      { numRuns: 500 },
    );
  });

  it('parse then stringify (with the id keys) reproduces the text exactly', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const text = write(value);
        const parsed = parseJSON(text, { int64Keys: FILE_ID });
        const bigOutsideIds = /(?<![\w"])-?\d{16,}(?![\d.eE])/.test(text.replace(/"file_id":-?\d+/g, ''));
        // Big integers outside id fields come back as strings (by design); elsewhere the text is identical.
        if (!bigOutsideIds) expect(stringifyJSON(parsed, { int64Keys: FILE_ID })).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  /** Whether JSON.stringify writes some number of the value as an integer literal beyond 2^53 - 1. */
  const writesUnsafeInteger = (value: unknown): boolean => {
    if (typeof value === 'number')
      return Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21;
    if (value !== null && typeof value === 'object') return Object.values(value).some(writesUnsafeInteger);
    return false;
  };

  it('matches JSON.parse on any JSON without unsafe integer literals', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        fc.pre(!writesUnsafeInteger(value));
        const text = JSON.stringify(value);
        expect(parseJSON(text, { int64Keys: NO_KEYS })).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('matches JSON.stringify whenever no id key is involved', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stringifyJSON(value, { int64Keys: new Set(['file_id']) })).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });
});
