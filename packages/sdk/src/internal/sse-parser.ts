/**
 * An incremental parser for the `text/event-stream` format (WHATWG HTML, "Server-sent events",
 * section "Parsing an event stream"). It knows nothing about fetch or bytes: feed it decoded text
 * in chunks of any size and it calls `onEvent` once per complete event.
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
 */

import { type SSEEvent, SSEParseError, SSETooLargeError } from './sse-event.ts';

export { type SSEEvent, SSEParseError, SSETooLargeError } from './sse-event.ts';

/** Callbacks of {@link createSSEParser}. */
export interface SSEParserCallbacks {
  /** Called once per dispatched event, synchronously from `feed` or `flush`. */
  onEvent: (event: SSEEvent) => void;
  /** Called for ignored lines (unknown fields, a bad `retry`). A plain-JSON body fed by mistake shows up here. */
  onError?: (error: SSEParseError) => void;
  /** Called with the reconnection time in ms from a valid `retry:` field. */
  onRetry?: (ms: number) => void;
  /** Called with the text of a comment line (`:` prefix), without the colon and one optional space. */
  onComment?: (comment: string) => void;
  /**
   * The longest line, and the longest data of one event, in characters. Past it `feed` throws `SSETooLargeError`
   * and what was buffered is dropped, so memory stays bounded whatever the server sends. Default: no limit.
   */
  maxEventSize?: number | undefined;
}

/** The parser returned by {@link createSSEParser}. */
export interface SSEParser {
  /** Parses the next piece of decoded text. Chunks may split lines, even a CRLF pair, anywhere. */
  feed(text: string): void;
  /**
   * Ends the stream: parses a final unterminated line and dispatches a pending event, then returns
   * the parser to its initial state. The spec discards an event missing its closing blank line; we
   * dispatch it because servers and proxies that drop the trailing blank line are common, and the last
   * MiniMax frame carries the usage. A truncated payload then fails loudly in `JSON.parse` rather than
   * silently disappearing.
   */
  flush(): void;
  /** Discards all buffered state without dispatching (e.g. before reconnecting). */
  reset(): void;
}

const LF = 10;
const COLON = 58;
const SPACE = 32;
const BOM = 0xfeff;
/**
 * Small fragments of a partial line kept before they are joined into one: a body trickling in one character per
 * read would otherwise hold a string object per character (tens of bytes each) for a line of millions of characters.
 * Only consecutive small fragments are joined, so a long line arriving in network-sized chunks is never copied
 * before its end (which would double the memory it takes).
 */
const MAX_FRAGMENTS = 1024;
const SMALL_FRAGMENT = 1024;

/**
 * Creates an incremental SSE parser.
 *
 * Buffering is linear: a line split across chunks is kept as a list of fragments, and joined once
 * when its terminator arrives, so only the partial line is copied, never the whole buffer again per
 * chunk (the naive `buffer += chunk` re-scan is O(N²) for a long line arriving in small pieces).
 * Every scan uses `indexOf` from the current position forward, so each character is looked at a
 * bounded number of times. With `maxEventSize`, a line or an event that grows past it throws
 * `SSETooLargeError` as soon as it does, having buffered at most that much.
 *
 * @example
 * ```ts
 * const parser = createSSEParser({ onEvent: (e) => console.log(e.event, JSON.parse(e.data)) });
 * parser.feed('event: ping\ndata: {"a"');
 * parser.feed(':1}\n\n'); // logs: ping { a: 1 }
 * parser.flush();
 * ```
 */
export function createSSEParser(callbacks: SSEParserCallbacks): SSEParser {
  const { onEvent, onError, onRetry, onComment } = callbacks;
  const maxSize = callbacks.maxEventSize ?? Number.POSITIVE_INFINITY;
  let fragments: string[] = [];
  let fragmentsLength = 0; // characters held in `fragments`
  let smallFragments = 0; // consecutive small fragments at the end of `fragments`
  let atStreamStart = true;
  let skipLeadingLF = false; // the previous chunk ended with CR: a leading LF completes a CRLF pair
  let data = '';
  let hasData = false;
  let eventType: string | undefined;
  let lastEventId: string | undefined;

  function dispatch(): void {
    // No event for an empty data buffer (only comments, `event:` or `id:` lines): per the spec.
    if (hasData) onEvent({ event: eventType, data, id: lastEventId });
    data = '';
    hasData = false;
    eventType = undefined;
  }

  /** Appends one `data:` value to the event's data, within the size limit. */
  function appendData(value: string): void {
    if (!hasData) {
      if (value.length > maxSize) throw tooLarge();
      data = value;
      hasData = true;
      return;
    }
    if (data.length + 1 + value.length > maxSize) throw tooLarge();
    data = `${data}\n${value}`;
  }

  function tooLarge(): SSETooLargeError {
    reset(); // drop what was buffered: the caller stops the stream
    return new SSETooLargeError(maxSize);
  }

  function processLine(text: string, start: number, end: number): void {
    if (start === end) {
      dispatch();
      return;
    }
    if (end - start > maxSize) throw tooLarge();
    // `data:` and `event:` are checked in place (no slice of the line) because they are nearly every line.
    if (text.startsWith('data:', start)) {
      appendData(text.slice(text.charCodeAt(start + 5) === SPACE && start + 5 < end ? start + 6 : start + 5, end));
      return;
    }
    if (text.startsWith('event:', start)) {
      const value = text.slice(text.charCodeAt(start + 6) === SPACE && start + 6 < end ? start + 7 : start + 6, end);
      eventType = value === '' ? undefined : value;
      return;
    }
    // Rare lines: slice first so the colon search is bounded by the line, never the rest of the chunk.
    const line = text.slice(start, end);
    if (line.charCodeAt(0) === COLON) {
      onComment?.(line.slice(line.charCodeAt(1) === SPACE ? 2 : 1));
      return;
    }
    const colon = line.indexOf(':');
    if (colon === -1) {
      processField(line, '', line); // a field with no colon: the whole line is the name
      return;
    }
    processField(line.slice(0, colon), line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1), line);
  }

  function processField(name: string, value: string, line: string): void {
    // Field names are compared literally, without case folding (spec).
    if (name === 'data') appendData(value);
    else if (name === 'event') {
      eventType = value === '' ? undefined : value;
    } else if (name === 'id') {
      if (!value.includes('\0')) lastEventId = value;
    } else if (name === 'retry') {
      if (/^[0-9]+$/.test(value)) onRetry?.(Number(value));
      else onError?.(new SSEParseError('invalid-retry', line));
    } else {
      onError?.(new SSEParseError('unknown-field', line));
    }
  }

  /** Processes every complete line of `text` from `pos`; returns where the unterminated rest begins. */
  function processLines(text: string, pos: number): number {
    const length = text.length;
    let nextCR = text.indexOf('\r', pos); // cached: most streams have no CR at all, so one scan per chunk
    while (pos < length) {
      const nextLF = text.indexOf('\n', pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf('\r', pos);
      if (nextCR === -1 || (nextLF !== -1 && nextLF < nextCR)) {
        if (nextLF === -1) return pos;
        processLine(text, pos, nextLF);
        pos = nextLF + 1;
        continue;
      }
      processLine(text, pos, nextCR);
      pos = nextCR + 1;
      if (pos === length) skipLeadingLF = true;
      else if (text.charCodeAt(pos) === LF) pos++;
    }
    return pos;
  }

  function feed(text: string): void {
    if (text.length === 0) return;
    let pos = 0;
    if (atStreamStart) {
      atStreamStart = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (skipLeadingLF) {
      skipLeadingLF = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    if (fragments.length > 0) {
      const lf = text.indexOf('\n', pos);
      const cr = text.indexOf('\r', pos);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) {
        keepFragment(pos === 0 ? text : text.slice(pos));
        return;
      }
      keepFragment(text.slice(pos, end));
      const line = takeLine();
      processLine(line, 0, line.length);
      pos = end + 1;
      if (end === cr) {
        if (pos === text.length) skipLeadingLF = true;
        else if (text.charCodeAt(pos) === LF) pos++;
      }
    }
    const rest = processLines(text, pos);
    if (rest < text.length) keepFragment(text.slice(rest));
  }

  /** Buffers a piece of a line whose end has not arrived, within the size limit. */
  function keepFragment(piece: string): void {
    fragmentsLength += piece.length;
    if (fragmentsLength > maxSize) throw tooLarge();
    fragments.push(piece);
    if (piece.length >= SMALL_FRAGMENT) {
      smallFragments = 0;
    } else if (++smallFragments >= MAX_FRAGMENTS) {
      // At most MAX_FRAGMENTS × SMALL_FRAGMENT characters copied; a joined block is never copied again.
      fragments.push(fragments.splice(fragments.length - smallFragments).join(''));
      smallFragments = 0;
    }
  }

  function takeLine(): string {
    const line = fragments.length === 1 ? fragments[0]! : fragments.join('');
    fragments = [];
    fragmentsLength = 0;
    smallFragments = 0;
    return line;
  }

  function reset(): void {
    fragments = [];
    fragmentsLength = 0;
    smallFragments = 0;
    atStreamStart = true;
    skipLeadingLF = false;
    data = '';
    hasData = false;
    eventType = undefined;
    lastEventId = undefined;
  }

  function flush(): void {
    if (fragments.length > 0) {
      const line = takeLine();
      processLine(line, 0, line.length);
    }
    dispatch();
    reset();
  }

  return { feed, flush, reset };
}
