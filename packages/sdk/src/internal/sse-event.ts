/**
 * The values the SSE parser produces: events, and the non-fatal errors it reports.
 */

/**
 * One dispatched server-sent event.
 *
 * @example
 * ```ts
 * const event: SSEEvent = { event: 'message_stop', data: '{"type":"message_stop"}' };
 * ```
 */
export interface SSEEvent {
  /** The `event:` field; `undefined` means the default type (`"message"`). */
  event?: string;
  /** The `data:` lines of the event, joined with `\n`. */
  data: string;
  /** The last event id seen on the stream (per the spec it persists across events). */
  id?: string;
}

/**
 * A non-fatal problem in the stream: the spec ignores such lines, the parser reports them for
 * diagnostics. Never thrown by the parser; passed to `onError`.
 *
 * @example
 * ```ts
 * createSSEParser({ onEvent, onError: (err) => logger.debug(err.type, err.line) });
 * ```
 */
export class SSEParseError extends Error {
  override readonly name = 'SSEParseError' as const;
  /** `unknown-field`: a field other than data/event/id/retry. `invalid-retry`: `retry:` not all digits. */
  readonly type: 'unknown-field' | 'invalid-retry';
  /** The offending line, without its line terminator. */
  readonly line: string;

  constructor(type: SSEParseError['type'], line: string) {
    super(
      `${type === 'unknown-field' ? 'Unknown SSE field' : 'Invalid SSE retry value'} in line: ${line.slice(0, 80)}`,
    );
    this.type = type;
    this.line = line;
  }
}

/**
 * Thrown by the parser's `feed` when a line, or an event's data, grows past `maxEventSize`: the stream must stop,
 * or a body without newlines would be buffered without limit. `iterateSSE` turns it into the public
 * `StreamEventTooLargeError`.
 *
 * @example
 * ```ts
 * try { parser.feed(chunk); } catch (err) { if (err instanceof SSETooLargeError) cancel(err.limit); }
 * ```
 */
export class SSETooLargeError extends Error {
  override readonly name = 'SSETooLargeError' as const;
  /** The limit that was passed, in characters. */
  readonly limit: number;

  constructor(limit: number) {
    super(`An SSE line or event is longer than ${limit} characters.`);
    this.limit = limit;
  }
}
