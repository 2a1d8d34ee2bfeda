/**
 * Streamed speech and music: hex audio decoded to bytes. By default MiniMax's final event (status 2) repeats the
 * whole audio; a player that played every event would play it twice. The aggregated audio is yielded only when no
 * increment carried audio, so the bytes yielded are the clip exactly once.
 */

import type { MusicStreamEvent, T2aStreamEvent } from '@minimax-ts/generated';
import { EventStream } from '../core/event-stream.ts';
import { urlPath } from '../internal/redact.ts';
import type { SSEEvent } from '../internal/sse-parser.ts';
import { decodeFrame, raiseFrameError, type StreamContext, truncatedStream } from '../internal/stream-context.ts';
import { concatBytes, decodeHex, hexToBytes } from './hex.ts';

/** One event of a speech or music stream. */
export type AudioStreamEvent = T2aStreamEvent | MusicStreamEvent;

interface AudioStreamEvents {
  /** Every decoded event, the final one included (for subtitles, `extra_info`, trace id). */
  event: (event: AudioStreamEvent) => void;
}

const AUDIO_PREFIX = '{"data":{"audio":"';

/**
 * An audio event is ~32 KiB of hex in a ~200-byte envelope. When it is written the way MiniMax writes it
 * (`{"data":{"audio":"<hex>",…`), the hex is cut out by position and decoded, and only the envelope goes through
 * `JSON.parse`, so the hex is not scanned and copied once more by the JSON parser. The shortcut completes only when
 * the cut value is all hex, of even length, in a status-1 event with one `data` key: then it is exactly the JSON
 * string, and the frame equals `JSON.parse(data)`. Anything else (another layout, an escape, a bad character, the
 * status-2 event) returns `undefined` and takes the plain path, with its errors.
 */
function cutAudio(data: string): { frame: AudioStreamEvent; bytes: Uint8Array } | undefined {
  if (!data.startsWith(AUDIO_PREFIX)) return undefined;
  const start = AUDIO_PREFIX.length;
  const end = data.indexOf('"', start);
  if (end <= start || data.includes('"data"', end)) return undefined;
  let frame: AudioStreamEvent;
  try {
    frame = JSON.parse(`${AUDIO_PREFIX}${data.slice(end)}`) as AudioStreamEvent;
  } catch {
    return undefined;
  }
  const inner = frame.data as { audio?: unknown; status?: unknown } | undefined;
  if (inner?.audio !== '' || inner.status === 2) return undefined;
  const hex = data.slice(start, end);
  const bytes = decodeHex(hex);
  if (!bytes) return undefined;
  inner.audio = hex;
  return { frame, bytes };
}

/**
 * @example
 * ```ts
 * const stream = await mm.speech.stream({ model: 'speech-2.6-hd', text: 'Hello!', voice_setting: { voice_id: 'English_Graceful_Lady' } });
 * for await (const bytes of stream) player.write(bytes);
 * console.log(stream.finalEvent?.extra_info);
 * ```
 */
export class AudioStream extends EventStream<Uint8Array, AudioStreamEvents> {
  #bytes = 0;
  #final: AudioStreamEvent | undefined;

  readonly #operation: string;

  readonly #ctx: StreamContext;

  constructor(ctx: StreamContext) {
    super(ctx.events, ctx.cancel);
    this.#ctx = ctx;
    this.#operation = `${ctx.request.method} ${urlPath(ctx.request.url)}`;
  }

  protected override onSourceEnd(): void {
    // The status-2 event is the only proof the clip is whole; without it the audio may stop mid-word.
    if (!this.#final) throw truncatedStream(this.#ctx, 'the final (status 2) event');
  }

  protected decode(event: SSEEvent): Uint8Array | undefined {
    if (event.data === '[DONE]') return undefined;
    const fast = event.event === 'error' ? undefined : cutAudio(event.data);
    if (fast) {
      raiseFrameError(this.#ctx, event, fast.frame, undefined);
      this.#ctx.validate?.(fast.frame);
    }
    const frame = fast ? fast.frame : (decodeFrame(this.#ctx, event, undefined) as AudioStreamEvent);
    this.emit('event', frame);
    const hex = frame.data?.audio;
    if (frame.data?.status === 2) {
      this.#final = frame;
      // The aggregated repeat of everything already yielded; only a stream with no increments needs it.
      if (this.#bytes > 0 || !hex) return undefined;
    }
    if (!hex) return undefined;
    const bytes = fast ? fast.bytes : hexToBytes(hex, { operation: this.#operation, path: 'data.audio' });
    this.#bytes += bytes.length;
    return bytes;
  }

  /** The final (status 2) event once it arrived: `extra_info` (duration, size, format), subtitles, trace id. */
  get finalEvent(): AudioStreamEvent | undefined {
    return this.#final;
  }

  /** Bytes yielded so far. */
  get byteLength(): number {
    return this.#bytes;
  }

  /**
   * Consumes the stream and returns the whole clip as one array. Call it instead of iterating (the stream keeps no
   * copy of what it yields, so a long clip streamed to a player costs no memory).
   */
  async collect(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const bytes of this) chunks.push(bytes);
    return concatBytes(chunks);
  }
}
