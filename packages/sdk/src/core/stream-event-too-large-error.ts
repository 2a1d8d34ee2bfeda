/**
 * The error of a stream whose server sent a line or an event larger than the client accepts. Without a cap, a body
 * that never sends a newline (a broken proxy, a hostile server) is buffered until the process runs out of memory.
 */

import { APIConnectionError } from './connection-errors.ts';

/**
 * The default of the `maxEventBytes` option: 64 MiB. The largest legitimate event is a speech stream's final frame
 * when the caller asks for the aggregated audio (`exclude_aggregated_audio: false`): a 10,000-character text at
 * 128–256 kbps MP3 is about 10–20 MB of audio, 20–40 MB of hex. The SDK excludes that frame by default; every
 * other event (a chat delta, an audio chunk, the final chat frame) is far smaller.
 */
export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024 * 1024;

/** Options of {@link StreamEventTooLargeError}. */
export interface StreamEventTooLargeErrorOptions {
  /** The limit in force (`maxEventBytes`). */
  limit: number;
  method?: string | undefined;
  url?: string | URL | undefined;
}

/**
 * A stream sent a line or an event larger than `maxEventBytes` (default 64 MiB, counted in characters of the decoded
 * text: bytes, for the ASCII JSON MiniMax sends). The stream is cancelled as soon as the limit is passed, so memory
 * stays bounded; the text received before it is on `partialText`. It extends `APIConnectionError`: like a cut
 * connection, the answer is incomplete.
 *
 * @example
 * ```ts
 * try {
 *   for await (const chunk of await client.speech.stream(params)) play(chunk);
 * } catch (err) {
 *   if (err instanceof StreamEventTooLargeError) console.error(`event over ${err.limit} bytes`);
 * }
 * // A legitimately larger event (aggregated WAV audio of a long text): raise the limit.
 * const client = new MiniMax({ maxEventBytes: 256 * 1024 * 1024 });
 * ```
 */
export class StreamEventTooLargeError extends APIConnectionError {
  override readonly name = 'StreamEventTooLargeError' as const;
  /** The limit that was passed, in characters (bytes for ASCII text). */
  readonly limit: number;

  constructor({ limit, method, url }: StreamEventTooLargeErrorOptions) {
    super({
      message: `An event stream line or event passed maxEventBytes (${limit} bytes); the stream was cancelled.`,
      method,
      url,
    });
    this.limit = limit;
  }
}
