import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSSEParser, type SSEEvent, type SSEParseError, SSETooLargeError } from '../src/internal/sse-parser.ts';
import { SSE_FIXTURES } from './fixtures/sse-fixtures.ts';

/** Parses `chunks` in order, then flushes; returns every event. */
function parseChunks(chunks: readonly string[]): SSEEvent[] {
  const events: SSEEvent[] = [];
  const parser = createSSEParser({ onEvent: (event) => events.push(event) });
  for (const chunk of chunks) parser.feed(chunk);
  parser.flush();
  return events;
}

describe('createSSEParser: fixtures', () => {
  it.each(SSE_FIXTURES)('$name (whole)', ({ text, events }) => {
    expect(parseChunks([text])).toEqual(events);
  });

  it.each(SSE_FIXTURES)('$name (split at every boundary)', ({ text, events }) => {
    for (let i = 0; i <= text.length; i++) {
      expect(parseChunks([text.slice(0, i), text.slice(i)]), `split at ${i}`).toEqual(events);
    }
  });

  it.each(SSE_FIXTURES)('$name (split at every pair of boundaries)', ({ text, events }) => {
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        expect(parseChunks([text.slice(0, i), text.slice(i, j), text.slice(j)]), `split at ${i}, ${j}`).toEqual(events);
      }
    }
  });

  it.each(SSE_FIXTURES)('$name (one character at a time)', ({ text, events }) => {
    expect(parseChunks([...text])).toEqual(events);
  });
});

describe('createSSEParser: behaviour', () => {
  it('dispatches synchronously on the blank line, not before', () => {
    const events: SSEEvent[] = [];
    const parser = createSSEParser({ onEvent: (event) => events.push(event) });
    parser.feed('data: a\n');
    expect(events).toEqual([]);
    parser.feed('\n');
    expect(events).toEqual([{ data: 'a', event: undefined, id: undefined }]);
  });

  it('treats a CR ending one chunk and an LF starting the next as one line end', () => {
    expect(parseChunks(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([
      { data: 'a\nb', event: undefined, id: undefined },
    ]);
  });

  it('handles a bare CR at a chunk end followed by a non-LF character', () => {
    expect(parseChunks(['data: a\r', 'data: b\r', '\r'])).toEqual([{ data: 'a\nb', event: undefined, id: undefined }]);
  });

  it('strips a BOM only at the very start of the stream', () => {
    expect(parseChunks(['', '\uFEFFdata: a\n\n'])).toEqual([{ data: 'a', event: undefined, id: undefined }]);
    expect(parseChunks(['data: a\n\n', '\uFEFFdata: b\n\n'])).toEqual([{ data: 'a', event: undefined, id: undefined }]);
  });

  it('reports retry values and rejects non-digit ones', () => {
    const retries: number[] = [];
    const errors: SSEParseError[] = [];
    const parser = createSSEParser({
      onEvent: () => {},
      onRetry: (ms) => retries.push(ms),
      onError: (e) => errors.push(e),
    });
    parser.feed('retry: 1500\nretry: 1.5\nretry\n\n');
    expect(retries).toEqual([1500]);
    expect(errors.map((e) => [e.type, e.line])).toEqual([
      ['invalid-retry', 'retry: 1.5'],
      ['invalid-retry', 'retry'],
    ]);
  });

  it('reports unknown fields, which is how a plain JSON body fed by mistake shows up', () => {
    const errors: SSEParseError[] = [];
    const events: SSEEvent[] = [];
    const parser = createSSEParser({ onEvent: (e) => events.push(e), onError: (e) => errors.push(e) });
    parser.feed('{"base_resp":{"status_code":1002,"status_msg":"rate limit"}}');
    parser.flush();
    expect(events).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.type).toBe('unknown-field');
    expect(errors[0]!.name).toBe('SSEParseError');
  });

  it('passes comments to onComment', () => {
    const comments: string[] = [];
    const parser = createSSEParser({ onEvent: () => {}, onComment: (c) => comments.push(c) });
    parser.feed(': keep-alive\n:raw\n:\n');
    expect(comments).toEqual(['keep-alive', 'raw', '']);
  });

  it('field names are case-sensitive', () => {
    expect(parseChunks(['Data: x\nDATA: y\n\n'])).toEqual([]);
  });

  it('reset() discards a partial line, a pending event and the last event id', () => {
    const events: SSEEvent[] = [];
    const parser = createSSEParser({ onEvent: (event) => events.push(event) });
    parser.feed('id: 1\ndata: pending\ndata: par');
    parser.reset();
    parser.feed('data: fresh\n\n');
    expect(events).toEqual([{ data: 'fresh', event: undefined, id: undefined }]);
  });

  it('flush() returns the parser to its initial state', () => {
    const events: SSEEvent[] = [];
    const parser = createSSEParser({ onEvent: (event) => events.push(event) });
    parser.feed('id: 9\nevent: e\ndata: a');
    parser.flush();
    parser.feed('\uFEFFdata: b\n\n');
    parser.flush();
    expect(events).toEqual([
      { data: 'a', event: 'e', id: '9' },
      { data: 'b', event: undefined, id: undefined },
    ]);
  });

  it('buffers a long line arriving in tiny pieces in linear time', () => {
    const size = 400_000;
    const events: SSEEvent[] = [];
    const parser = createSSEParser({ onEvent: (event) => events.push(event) });
    const started = performance.now();
    parser.feed('data: ');
    for (let i = 0; i < size; i++) parser.feed('x');
    parser.feed('\n\n');
    const elapsed = performance.now() - started;
    expect(events[0]!.data.length).toBe(size);
    // Quadratic re-buffering would copy ~8e10 characters here; linear buffering takes milliseconds.
    expect(elapsed).toBeLessThan(2_000);
  });

  it('scans many short colon-free lines in linear time', () => {
    const text = 'x\n'.repeat(200_000);
    const started = performance.now();
    parseChunks([text]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('createSSEParser: properties', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', 'é', '😀', '{', '"', '1') });
  const eventArb = fc.record({
    data: fc.array(field, { minLength: 1, maxLength: 3 }),
    event: fc.option(
      field.filter((s) => s !== ''),
      { nil: undefined },
    ),
  });
  const lineEnd = fc.constantFrom('\n', '\r', '\r\n');

  it('any chunking of any stream gives the same events', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 6 }),
        lineEnd,
        fc.array(fc.nat(), { maxLength: 12 }),
        (evs, eol, cuts) => {
          let text = '';
          for (const e of evs) {
            if (e.event !== undefined) text += `event:${e.event}${eol}`;
            for (const line of e.data) text += `data:${line}${eol}`;
            text += eol;
          }
          const expected = evs.map((e) => ({
            data: e.data.map((line) => (line.startsWith(' ') ? line.slice(1) : line)).join('\n'),
            event:
              e.event === undefined ? undefined : e.event.startsWith(' ') ? e.event.slice(1) || undefined : e.event,
            id: undefined,
          }));
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let last = 0;
          for (const p of points) {
            chunks.push(text.slice(last, p));
            last = p;
          }
          chunks.push(text.slice(last));
          expect(parseChunks(chunks)).toEqual(expected);
          expect(parseChunks([text])).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('createSSEParser: maxEventSize', () => {
  const parserWith = (maxEventSize: number) => {
    const events: SSEEvent[] = [];
    const parser = createSSEParser({ onEvent: (event) => events.push(event), maxEventSize });
    return { parser, events };
  };

  it('accepts a line and an event of exactly the limit', () => {
    const { parser, events } = parserWith(12);
    parser.feed(`data: ${'a'.repeat(6)}\n`); // a 12-character line
    parser.feed(`data:${'b'.repeat(5)}\n\n`); // data 'aaaaaa\nbbbbb': 12 characters
    expect(events).toEqual([{ data: 'aaaaaa\nbbbbb', event: undefined, id: undefined }]);
  });

  it('throws SSETooLargeError for a long line inside one chunk', () => {
    const { parser } = parserWith(100);
    expect(() => parser.feed(`data: ${'x'.repeat(200)}\n\n`)).toThrow(SSETooLargeError);
  });

  it('throws as soon as a line without its end passes the limit, having buffered at most the limit', () => {
    const { parser } = parserWith(1_000);
    let fed = 0;
    const feedChunk = () => {
      parser.feed('y'.repeat(64));
      fed += 64;
    };
    let error: unknown;
    try {
      for (let i = 0; i < 100; i++) feedChunk();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SSETooLargeError);
    expect((error as SSETooLargeError).limit).toBe(1_000);
    expect(fed).toBeLessThanOrEqual(1_000 + 64);
  });

  it('throws when the data lines of one event add up past the limit', () => {
    const { parser, events } = parserWith(50);
    expect(() => {
      for (let i = 0; i < 20; i++) parser.feed('data: 0123456789\n');
    }).toThrow(SSETooLargeError);
    expect(events).toEqual([]);
  });

  it('counts each event on its own: many events under the limit pass', () => {
    const { parser, events } = parserWith(20);
    for (let i = 0; i < 1_000; i++) parser.feed(`data: ${i}\n\n`);
    expect(events).toHaveLength(1_000);
  });

  it('drops its buffer after throwing, and parses again after reset', () => {
    const { parser, events } = parserWith(10);
    expect(() => parser.feed('data: 0123456789abcdef')).toThrow(SSETooLargeError);
    parser.reset();
    parser.feed('data: ok\n\n');
    expect(events).toEqual([{ data: 'ok', event: undefined, id: undefined }]);
  });

  it('joins a line delivered one character per chunk correctly (fragments are joined in blocks)', () => {
    const line = `data: ${'z'.repeat(5_000)}`;
    const events = parseChunks([...line, '\n', '\n']);
    expect(events).toEqual([{ data: 'z'.repeat(5_000), event: undefined, id: undefined }]);
  });
});
