/**
 * The Responses API stream (`mm.responses.stream()` / `create({ stream: true })`). MiniMax says the endpoint streams
 * but documents no event format [unconfirmed]; this reads OpenAI's Responses events — `response.created` …
 * `response.completed`, with or without `event:` lines, with or without a `[DONE]` — yields every event (an unknown
 * type unchanged, never an error), keeps a snapshot of the response they build, and raises a `response.failed` or an
 * `error` event as a typed `APIError`. A stream that ends without a terminal event was cut: `APIConnectionError`
 * with the text received so far.
 */

import { APIError } from '../core/api-error.ts';
import { EventStream } from '../core/event-stream.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { SSEEvent } from '../internal/sse-parser.ts';
import { decodeFrame, type StreamContext, truncatedStream } from '../internal/stream-context.ts';
import type {
  ResponseFunctionCall,
  ResponseObject,
  ResponseStreamEvent,
  ResponseStreamEvents,
} from './response-events.ts';
import { functionCalls, ResponseSnapshot } from './response-snapshot.ts';

type Frame = Record<string, unknown> & { type: string };

const TERMINAL = 'response.completed, response.incomplete or response.failed';

/**
 * @example
 * ```ts
 * const stream = await mm.responses.stream({ model: 'MiniMax-M3', input: 'Write a haiku about rain.' });
 * stream.on('text', (delta) => process.stdout.write(delta));
 * const response = await stream.finalResponse();
 * console.log(response.usage?.total_tokens);
 * ```
 */
export class ResponseStream extends EventStream<ResponseStreamEvent, ResponseStreamEvents> {
  readonly #snapshot = new ResponseSnapshot();
  #final: ResponseObject | undefined;
  #text = '';
  #reasoning = '';
  readonly #calls = new Set<string>();

  readonly #ctx: StreamContext;

  constructor(ctx: StreamContext) {
    super(ctx.events, ctx.cancel);
    this.#ctx = ctx;
  }

  protected decode(event: SSEEvent): ResponseStreamEvent | undefined {
    if (event.data.trim() === '[DONE]') return undefined;
    const decoded = decodeFrame(this.#ctx, event, this.#text);
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
      // Not an event object (a bare number, a string): nothing to build from; yielded as the server sent it.
      return decoded as ResponseStreamEvent;
    }
    const frame = decoded as Frame;
    // Without a `type` in its data, the SSE `event:` line names the event.
    if (typeof frame.type !== 'string' && event.event !== undefined) frame.type = event.event;
    if (typeof frame.type !== 'string') return frame as unknown as ResponseStreamEvent;
    if (frame.type === 'response.failed') throw this.#failure(frame);
    this.#apply(frame);
    return frame as unknown as ResponseStreamEvent;
  }

  #apply(frame: Frame): void {
    if (this.#final !== undefined) return; // after the terminal event: yielded, but the answer is settled
    if (frame.type === 'response.completed' || frame.type === 'response.incomplete') {
      this.#final = this.#snapshot.finish(frame);
      for (const call of functionCalls(this.#final)) this.#emitCall(call);
      this.emit('response', this.#final);
      return;
    }
    const effect = this.#snapshot.apply(frame);
    if (effect.text) {
      this.#text += effect.text;
      this.emit('text', effect.text, this.#text);
    }
    if (effect.reasoning) {
      this.#reasoning += effect.reasoning;
      this.emit('reasoning', effect.reasoning, this.#reasoning);
    }
    if (effect.item?.type === 'function_call') this.#emitCall(effect.item);
  }

  #emitCall(call: ResponseFunctionCall): void {
    const key = call.call_id || call.id || `${this.#calls.size}`;
    if (this.#calls.has(key)) return;
    this.#calls.add(key);
    this.emit('functionCall', call);
  }

  /** A `response.failed` event: the typed error its `response.error {code, message}` describes. */
  #failure(frame: Frame): APIError {
    const response = frame.response as { error?: { message?: unknown } | null } | undefined;
    const said = typeof response?.error?.message === 'string' && response.error.message !== '';
    return APIError.generate({
      status: this.#ctx.response.status,
      body: response ?? frame,
      headers: this.#ctx.response.headers,
      partialText: this.#text,
      message: said ? undefined : 'the response failed (response.failed, without an error message)',
      ...this.#ctx.request,
    });
  }

  protected override onSourceEnd(): void {
    if (this.#final === undefined) throw truncatedStream(this.#ctx, TERMINAL);
  }

  protected override textSoFar(): string {
    return this.#text;
  }

  /** The answer's text received so far. */
  get currentText(): string {
    return this.#text;
  }

  /** The response as the events built it so far (before the end: `status: 'in_progress'`, partial output). */
  get currentResponse(): ResponseObject {
    return this.#final ?? this.#snapshot.current;
  }

  /**
   * Consumes the stream and returns the final response: the `response.completed` (or `response.incomplete`) event's,
   * completed from the events where it left parts out, `output_text` filled in.
   */
  async finalResponse(): Promise<ResponseObject> {
    await this.done();
    if (!this.#final) throw new MiniMaxError(`the Responses stream ended without ${TERMINAL}`);
    return this.#final;
  }

  /** Consumes the stream and returns the answer's text (`output_text`). */
  async finalText(): Promise<string> {
    return (await this.finalResponse()).output_text;
  }
}
