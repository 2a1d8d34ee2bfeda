/** The JSON instruction and code-fence removal, for whole answers and for every way a stream can split one. */

import { describe, expect, it } from 'vitest';
import { JsonFenceFilter, jsonInstruction, stripJsonFence } from '../src/language/json-output.ts';

function streamed(text: string, cuts: number[]): string {
  const filter = new JsonFenceFilter();
  let out = '';
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out += filter.push(text.slice(from, cut));
    from = cut;
  }
  return out + filter.end();
}

const cases: Array<[string, string]> = [
  ['```json\n{"a":1}\n```', '{"a":1}'],
  ['```\n[1,2]\n```\n', '[1,2]'],
  ['  ```json\n{"a":"x`y"}\n```  ', '{"a":"x`y"}'],
  ['{"a":1}', '{"a":1}'],
  ['{"code":"```"}', '{"code":"```"}'],
  ['\n{"a":[1,\n2]}\n', '\n{"a":[1,\n2]}\n'],
  ['```json\n{"a":1}\n```\nHope this helps!', '{"a":1}'],
  ['```json\n{"a":1}', '{"a":1}'],
  ['```json\n```', ''],
];

describe('stripJsonFence', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    expect(stripJsonFence(input).trim()).toBe(expected.trim());
  });
});

describe('JsonFenceFilter', () => {
  it.each(cases)('%j gives the same text split at every one and two points', (input, expected) => {
    for (let i = 0; i <= input.length; i++) {
      expect(streamed(input, [i]).trim(), `cut at ${i}`).toBe(expected.trim());
      for (let j = i; j <= input.length; j++) {
        expect(streamed(input, [i, j]).trim(), `cuts at ${i}, ${j}`).toBe(expected.trim());
      }
    }
  });

  it('passes unfenced text through as it arrives', () => {
    const filter = new JsonFenceFilter();
    expect(filter.push('{"a"')).toBe('{"a"');
    expect(filter.push(':1}')).toBe(':1}');
    expect(filter.end()).toBe('');
  });

  it('holds only what may still be the fence', () => {
    const filter = new JsonFenceFilter();
    expect(filter.push('``')).toBe('');
    expect(filter.push('`json\n{"a":')).toBe('{"a":');
    expect(filter.push('1}\n``')).toBe('1}');
    expect(filter.push('`')).toBe('');
    expect(filter.end()).toBe('');
  });
});

describe('jsonInstruction', () => {
  it('names the value and embeds the schema', () => {
    const text = jsonInstruction({ name: 'city', description: 'A city.', schema: { type: 'object' } });
    expect(text).toContain('The value is a city: A city.');
    expect(text).toContain('{"type":"object"}');
  });

  it('asks for bare JSON without a schema', () => {
    expect(jsonInstruction({})).toBe(
      'Your final answer must be one JSON value and nothing else: no prose before or after it, no Markdown code fence.',
    );
  });
});
