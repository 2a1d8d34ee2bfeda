/**
 * The redaction rule on its own: literal secrets (any shape, overlapping, adjacent, fragments of the placeholder),
 * the credential patterns, and the bounds of the deep scrub.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MiniMaxError } from '../src/index.ts';
import { redactCause, redactText, SCRUB_LIMITS, scrubDeep } from '../src/internal/redact.ts';
import { MIN_SECRET_LENGTH, registerSecrets } from '../src/internal/secrets.ts';

describe('redactText', () => {
  const token = registerSecrets(['abcabc-key', 'x[redac', 'Zm9vYmFy', 'tiny', 'z']);

  it.each([
    ['a plain echo', 'key is abcabc-key.', 'key is [redacted].'],
    ['overlapping occurrences', 'abcabc-keyabcabc-key', '[redacted]'],
    ['an occurrence sharing a prefix', 'abcabcabc-key', 'abc[redacted]'],
    ['two secrets side by side', 'Zm9vYmFyabcabc-key', '[redacted]'],
    ['a credential pattern', 'Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0', 'Authorization: [redacted]'],
    ['nothing to hide', 'rate limit exceeded', 'rate limit exceeded'],
  ])('%s', (_what, text, expected) => {
    expect(redactText(text)).toBe(expected);
    expect(token).toBeDefined();
  });

  it('never re-creates a secret out of the placeholder ("x" + "[redacted]" would re-create "x[redac")', () => {
    const out = redactText('xabcabc-key');
    expect(out).not.toContain('x[redac');
    expect(out).toBe('x***');
  });

  it(`masks a short key even inside a word, but leaves a ${MIN_SECRET_LENGTH - 1}-character one alone`, () => {
    expect(redactText('a tiny detail')).toBe('a [redacted] detail');
    expect(redactText('tinyproxy')).toBe('[redacted]proxy');
    expect(redactText('zero hazard')).toBe('zero hazard');
  });

  it('property: no registered secret survives, whatever the text around it', () => {
    const secret = fc.string({ unit: fc.constantFrom(...'ab[]-redacts*#'), minLength: 6, maxLength: 12 });
    fc.assert(
      fc.property(
        secret,
        fc.array(fc.string({ unit: fc.constantFrom(...'ab[]-redacts*#'), maxLength: 8 })),
        (s, parts) => {
          const keep = registerSecrets([s]);
          const text = parts.join(s);
          expect(redactText(text)).not.toContain(s);
          expect(keep).toBeDefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('scrubDeep', () => {
  it('redacts keys and values at every depth within the bound, and replaces what lies beyond it', () => {
    let nested: unknown = { 'Zm9vYmFy-field': 'Zm9vYmFy' };
    for (let i = 0; i < SCRUB_LIMITS.depth + 10; i++) nested = { child: nested };
    const text = JSON.stringify(scrubDeep(nested));
    expect(text).not.toContain('Zm9vYmFy');
    expect(text).toContain(`[truncated: nested deeper than ${SCRUB_LIMITS.depth} levels]`);
    expect(JSON.stringify(scrubDeep({ a: { 'Zm9vYmFy-field': 1 } }))).toBe('{"a":{"[redacted]-field":1}}');
  });

  it('stops after the node budget, and survives cycles', () => {
    const wide = Array.from({ length: SCRUB_LIMITS.nodes + 10 }, (_, i) => ({ i }));
    const out = scrubDeep(wide) as unknown[];
    expect(out.length).toBeLessThanOrEqual(SCRUB_LIMITS.nodes + 1);
    expect(out.at(-1)).toMatch(/^\[truncated: more than/);
    const cycle: Record<string, unknown> = { name: 'Zm9vYmFy' };
    cycle.self = cycle;
    expect(() => JSON.stringify(scrubDeep(cycle))).not.toThrow();
  });

  it('copies errors with their name, message, stack and code, each redacted', () => {
    const error = Object.assign(new TypeError('failed for Zm9vYmFy'), { code: 'ECONNRESET' });
    const copy = scrubDeep(error) as Error & { code: string };
    expect(copy.message).toBe('failed for [redacted]');
    expect(copy.name).toBe('TypeError');
    expect(copy.code).toBe('ECONNRESET');
    expect(copy.stack).not.toContain('Zm9vYmFy');
  });
});

describe('redactCause', () => {
  it('keeps a clean cause as it is, and replaces one whose chain mentions a secret', () => {
    const clean = new Error('socket hang up');
    expect(redactCause(clean)).toBe(clean);
    const dirty = new Error('outer', { cause: new Error('inner Zm9vYmFy') });
    const copy = redactCause(dirty) as Error;
    expect(copy).not.toBe(dirty);
    expect(String((copy.cause as Error).message)).toBe('inner [redacted]');
    expect(new MiniMaxError('x', { cause: dirty }).cause).not.toBe(dirty);
  });
});
