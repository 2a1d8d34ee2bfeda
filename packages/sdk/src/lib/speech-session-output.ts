/**
 * The reading side of a speech session: decoded audio goes to `for await` (through a queue, since a WebSocket pushes
 * whether or not anyone reads yet) and to the `audio` listeners. With an `audio` listener and no iteration started,
 * nothing is queued, so an event-driven caller holds no copy of the audio.
 */

import { concatBytes } from './hex.ts';
import { PushQueue } from './push-queue.ts';
import { SessionEmitter } from './speech-session-emitter.ts';
import type { SpeechSessionEvents } from './speech-session-types.ts';

export abstract class SessionOutput extends SessionEmitter<SpeechSessionEvents> implements AsyncIterable<Uint8Array> {
  /** Breaking out of `for await` stops the session: nobody is left to hear it. */
  protected readonly queue = new PushQueue<Uint8Array>(() => this.abort());

  abstract abort(): void;

  /** Yields the decoded audio chunks as they arrive; once. Ends when the session finishes, throws its error. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this.queue.iterator();
  }

  /**
   * Consumes the audio and returns it as one array.
   *
   * @example
   * ```ts
   * session.send('Hello.');
   * const done = session.finish();
   * await writeFile('hello.mp3', await session.collect());
   * ```
   */
  async collect(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const bytes of this) parts.push(bytes);
    return concatBytes(parts);
  }

  protected deliver(bytes: Uint8Array): void {
    this.emit('audio', bytes);
    if (!(this.hasListeners('audio') && !this.queue.started)) this.queue.push(bytes);
  }
}
