/**
 * The streamed transcript of `transcriptions.create({ stream: true })`. MiniMax sends the text as it is recognised, one
 * `{index, delta, finish}` frame at a time, and a last frame with `finish: true` and the audio's `duration`. Its docs
 * say to join the deltas in `index` order and to stop reading at that last frame: the stream ends there, even if the
 * server keeps the connection open. No `[DONE]` is documented; one is tolerated (it ends the stream too). A body that
 * ends before either was cut: `APIConnectionError` with the text received so far as `partialText`.
 */

import type { SpeechToTextStreamEvent } from '@minimax-ts/generated';
import { EventStream } from '../core/event-stream.ts';
import type { SSEEvent } from '../internal/sse-parser.ts';
import { decodeFrame, type StreamContext, truncatedStream } from '../internal/stream-context.ts';

/** One frame of a streamed transcript. */
export type TranscriptionStreamEvent = SpeechToTextStreamEvent;

interface TranscriptionStreamEvents {
  /** A piece of the transcript, and the transcript so far (in arrival order). */
  text: (delta: string, snapshot: string) => void;
}

/** Shared between the stream and the source wrapper it hands its base class: set once the last frame was read. */
interface EndMark {
  ended: boolean;
}

/**
 * @example
 * ```ts
 * const stream = await mm.transcriptions.create({ file, model: 'asr-1.0', stream: true });
 * stream.on('text', (delta) => process.stdout.write(delta));
 * console.log(await stream.finalText(), stream.duration); // the whole transcript, the audio's length in seconds
 * ```
 */
export class TranscriptionStream extends EventStream<TranscriptionStreamEvent, TranscriptionStreamEvents> {
  readonly #ctx: StreamContext;
  readonly #end: EndMark;
  /** The deltas with their `index` (arrival position when a frame has none), for the ordered join. */
  readonly #parts: Array<{ index: number; delta: string }> = [];
  #text = '';
  /** Whether the deltas arrived in `index` order (then the arrival-order text is the answer). */
  #inOrder = true;
  #finished = false;
  #duration: number | undefined;

  constructor(ctx: StreamContext) {
    const end: EndMark = { ended: false };
    super(untilEnd(ctx.events, end), ctx.cancel);
    this.#ctx = ctx;
    this.#end = end;
  }

  protected decode(event: SSEEvent): TranscriptionStreamEvent | undefined {
    if (event.data === '[DONE]') {
      this.#end.ended = true;
      return undefined;
    }
    const frame = decodeFrame(this.#ctx, event, this.#orderedText()) as TranscriptionStreamEvent;
    if (typeof frame !== 'object' || frame === null) return frame;
    if (typeof frame.delta === 'string' && frame.delta !== '') {
      const index = typeof frame.index === 'number' ? frame.index : this.#parts.length;
      const last = this.#parts.at(-1);
      if (last && index < last.index) this.#inOrder = false;
      this.#parts.push({ index, delta: frame.delta });
      this.#text += frame.delta;
      this.emit('text', frame.delta, this.#text);
    }
    if (frame.finish === true) {
      this.#finished = true;
      this.#end.ended = true;
      if (typeof frame.duration === 'number') this.#duration = frame.duration;
    }
    return frame;
  }

  protected override onSourceEnd(): void {
    if (!this.#end.ended) throw truncatedStream(this.#ctx, 'its last frame (finish: true)');
  }

  protected override textSoFar(): string {
    return this.#orderedText();
  }

  /** The transcript so far, in arrival order (what the `text` events carried). */
  get currentText(): string {
    return this.#text;
  }

  /** The audio's length in seconds, from the last frame (billed by it); `undefined` until then. */
  get duration(): number | undefined {
    return this.#duration;
  }

  /** Whether the last frame (`finish: true`) arrived; `false` after a `[DONE]` without one. */
  get finished(): boolean {
    return this.#finished;
  }

  /** Consumes the stream and returns the whole transcript: every delta, joined in `index` order. */
  async finalText(): Promise<string> {
    await this.done();
    return this.#orderedText();
  }

  #orderedText(): string {
    if (this.#inOrder) return this.#text;
    // A stable sort: deltas that share an index keep their arrival order.
    return [...this.#parts]
      .sort((a, b) => a.index - b.index)
      .map((part) => part.delta)
      .join('');
  }
}

/** The events until the stream's end mark is set; the connection is released there (see the file comment). */
function untilEnd(events: AsyncIterable<SSEEvent>, end: EndMark): AsyncIterable<SSEEvent> {
  return {
    [Symbol.asyncIterator]() {
      const source = events[Symbol.asyncIterator]();
      const finished = (): IteratorResult<SSEEvent> => ({ done: true, value: undefined });
      return {
        next: () => (end.ended ? Promise.resolve(source.return?.()).then(finished) : source.next()),
        return: () => Promise.resolve(source.return?.()).then(finished),
      };
    },
  };
}
