/**
 * Server-sent events, built from the spec's SSE examples. By convention (spec/README.md) a `text/event-stream`
 * example's value is the array of frames `{event?, data}` in wire order, ending as the real API ends the stream
 * (aggregated final frame, `[DONE]` where it is sent). This module turns such an array into timed, chunked output,
 * and can stretch it to N delta events for load tests without changing how it starts or ends.
 */
import { type Sink, sleep } from './live-stream.ts';

export interface SseFrame {
  event?: string;
  data: unknown;
}

export function isFrameList(value: unknown): value is SseFrame[] {
  return Array.isArray(value) && value.every((f) => typeof f === 'object' && f !== null && 'data' in (f as object));
}

/** One frame as wire text: `event:` (when named) and `data:` lines, then the blank line that ends the event. */
export function encodeFrame(frame: SseFrame, stringify: (v: unknown) => string): string {
  const data = typeof frame.data === 'string' ? frame.data : stringify(frame.data);
  const lines = data.split(/\r?\n/).map((l) => `data: ${l}`);
  return `${frame.event ? `event: ${frame.event}\n` : ''}${lines.join('\n')}\n\n`;
}

export interface PlanOptions {
  /** Total delta events wanted; the example's deltas are cycled to reach it. */
  chunks?: number;
  /** Speech's `stream_options.exclude_aggregated_audio`: the final event's audio is emptied. */
  excludeAggregatedAudio?: boolean;
}

/**
 * The frames to send. With `chunks`, the last run of delta frames (the answer) is stretched to the wanted count —
 * its first and last frames stay in place (an OpenAI stream opens with a `role: ""` chunk; the last chunk carries
 * `finish_reason`) — and the aggregated final frames are recomputed from the deltas actually sent, so "final =
 * concatenation of the chunks" stays true. The input is not modified.
 */
export function planFrames(example: readonly SseFrame[], options: PlanOptions = {}): SseFrame[] {
  let frames = structuredClone(example) as SseFrame[];
  if (options.chunks !== undefined && options.chunks > 0) {
    frames = stretchDeltas(frames, options.chunks);
    fixAggregates(frames);
  }
  if (options.excludeAggregatedAudio) {
    for (const f of frames) {
      const inner = audioPayload(f);
      if (inner && inner.status === 2) inner.audio = '';
    }
  }
  return frames;
}

/** An increment: an OpenAI-style chunk, an Anthropic content delta, or a speech/music audio chunk (status 1). */
export function isDelta(frame: SseFrame): boolean {
  if (frame.event === 'content_block_delta') return true;
  const data = frame.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object') return false;
  if (data.object === 'chat.completion.chunk') return true;
  return audioPayload(frame)?.status === 1;
}

function stretchDeltas(frames: SseFrame[], total: number): SseFrame[] {
  // Find the last contiguous run of deltas: that is the answer text / audio body to stretch.
  let end = -1;
  for (let i = frames.length - 1; i >= 0; i--) {
    if (isDelta(frames[i]!)) {
      end = i;
      break;
    }
  }
  if (end < 0) return frames;
  let start = end;
  while (start > 0 && isDelta(frames[start - 1]!)) start--;
  const run = frames.slice(start, end + 1);
  const otherDeltas = frames.filter(isDelta).length - run.length;
  const want = Math.max(1, total - otherDeltas);

  let stretched: SseFrame[];
  if (run.length >= 3) {
    const middle = run.slice(1, -1);
    const count = Math.max(0, want - 2);
    stretched = [run[0]!, ...cycle(middle, count), run[run.length - 1]!];
    if (want === 1) stretched = [run[run.length - 1]!];
  } else {
    stretched = cycle(run, want);
  }
  return [...frames.slice(0, start), ...stretched, ...frames.slice(end + 1)];
}

function cycle<T>(items: readonly T[], count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count && items.length > 0; i++) out.push(structuredClone(items[i % items.length]!));
  return out;
}

/** Recomputes aggregated frames (chat `message` text, speech/music final audio) from the deltas before them. */
function fixAggregates(frames: SseFrame[]): void {
  const text = new Map<string, string>();
  let audio = '';
  for (const frame of frames) {
    const data = frame.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') continue;
    const inner = audioPayload(frame);
    if (inner?.status === 1 && typeof inner.audio === 'string') audio += inner.audio;
    else if (inner?.status === 2 && typeof inner.audio === 'string' && inner.audio !== '') inner.audio = audio;

    const choices = Array.isArray(data.choices) ? (data.choices as Array<Record<string, unknown>>) : [];
    for (const choice of choices) {
      const index = String(choice.index ?? 0);
      if (data.object === 'chat.completion.chunk') {
        const delta = (choice.delta ?? {}) as Record<string, unknown>;
        for (const field of ['content', 'reasoning_content']) {
          if (typeof delta[field] === 'string') {
            const key = `${index}:${field}`;
            text.set(key, (text.get(key) ?? '') + delta[field]);
          }
        }
      } else if (data.object === 'chat.completion') {
        const message = choice.message as Record<string, unknown> | undefined;
        if (!message) continue;
        for (const field of ['content', 'reasoning_content']) {
          const joined = text.get(`${index}:${field}`);
          if (typeof message[field] === 'string' && joined !== undefined) message[field] = joined;
        }
      }
    }
  }
}

/** Speech and music events carry `{data: {audio, status}}`; status 1 = chunk, 2 = final. */
function audioPayload(frame: SseFrame): Record<string, unknown> | undefined {
  const data = frame.data as Record<string, unknown> | null;
  const inner = data && typeof data === 'object' ? data.data : undefined;
  if (inner && typeof inner === 'object' && 'status' in inner) return inner as Record<string, unknown>;
  return undefined;
}

/** How a stream misbehaves (scenarios), counted in frames from the start. */
export type StreamFault =
  | { kind: 'cut'; at: number }
  | { kind: 'stall'; at: number; resumeMs?: number }
  | { kind: 'error'; at: number; frame: string };

export interface WriteOptions {
  delayMs: number;
  fault?: StreamFault;
}

/**
 * Writes encoded frames one by one with `delayMs` between them (first frame at once), honouring back-pressure and
 * stopping as soon as the client goes away or the host shuts down.
 */
export async function writeFrames(sink: Sink, encoded: readonly string[], opts: WriteOptions): Promise<void> {
  for (let i = 0; i < encoded.length; i++) {
    const fault = opts.fault;
    if (fault && i === fault.at) {
      if (fault.kind === 'cut') {
        // Half an event, then the connection drops: the client sees a truncated frame and a socket error.
        await sink.write(encoded[i]!.slice(0, Math.max(1, Math.floor(encoded[i]!.length / 2))));
        return sink.cut();
      }
      if (fault.kind === 'error') return sink.write(fault.frame);
      // Stall: headers and the first events were sent, then silence. Only an idle timeout saves the client.
      await sleep(fault.resumeMs ?? Number.POSITIVE_INFINITY, sink.signal);
      if (sink.gone) return;
    }
    if (i > 0 && opts.delayMs > 0) await sleep(opts.delayMs, sink.signal);
    if (sink.gone) return;
    await sink.write(encoded[i]!);
  }
}
