/**
 * The types of the Responses API (`POST /v1/responses`) as the SDK hands them out: the response object with its
 * `output_text` always a string, and the stream's events in OpenAI's Responses format. MiniMax documents streaming
 * but no event list [unconfirmed], so these are the events an OpenAI-compatible server sends; a stream yields events
 * of any other type unchanged (see `ResponseStream`).
 */

import type {
  ResponseObject as GeneratedResponseObject,
  ResponseFunctionCall,
  ResponseOutputItem,
  ResponseOutputText,
} from '@minimax-ts/generated';

export type {
  ResponseFunctionCall,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseOutputText,
  ResponseReasoningItem,
  ResponseUsage,
} from '@minimax-ts/generated';

/**
 * A model response (`object: "response"`). `output_text` is every `output_text` part of the `message` items joined:
 * the server sends it nullable, the SDK fills it in from `output` when it is missing or `null`. `status` may be
 * `failed` (see `error`) or `incomplete` (see `incomplete_details`): the object is returned, not thrown.
 *
 * @example
 * ```ts
 * const response: ResponseObject = await mm.responses.create({ model: 'MiniMax-M3', input: 'Hi' });
 * if (response.status === 'completed') console.log(response.output_text);
 * ```
 */
export type ResponseObject = Omit<GeneratedResponseObject, 'output_text'> & { output_text: string };

/** What every stream event carries besides its `type`: its position in the stream. */
interface EventBase {
  /** Orders the events, from 0 (OpenAI's format; MiniMax's is unconfirmed, so it may be missing). */
  sequence_number?: number;
}

/** A reasoning part of a `reasoning` item. */
export interface ResponseReasoningText {
  type: 'reasoning_text';
  text: string;
}

/** `response.created`, `response.in_progress`: the response so far (status `in_progress`, usually no output). */
export interface ResponseLifecycleEvent extends EventBase {
  type: 'response.created' | 'response.in_progress' | 'response.queued';
  response: ResponseObject;
}

/** `response.completed`, `response.incomplete`: the whole response; the last event of a stream. */
export interface ResponseTerminalEvent extends EventBase {
  type: 'response.completed' | 'response.incomplete';
  response: ResponseObject;
}

/** An output item (message, reasoning, function call) starts or is complete. */
export interface ResponseOutputItemEvent extends EventBase {
  type: 'response.output_item.added' | 'response.output_item.done';
  output_index: number;
  item: ResponseOutputItem;
}

/** A content part of an item starts or is complete. */
export interface ResponseContentPartEvent extends EventBase {
  type: 'response.content_part.added' | 'response.content_part.done';
  item_id: string;
  output_index: number;
  content_index: number;
  part: ResponseOutputText | ResponseReasoningText;
}

/** A piece of the answer's text (`response.output_text.delta`) or of the reasoning (`response.reasoning_text.delta`). */
export interface ResponseTextDeltaEvent extends EventBase {
  type: 'response.output_text.delta' | 'response.reasoning_text.delta';
  item_id: string;
  output_index: number;
  content_index: number;
  delta: string;
}

/** The whole text of a content part, once complete. */
export interface ResponseTextDoneEvent extends EventBase {
  type: 'response.output_text.done' | 'response.reasoning_text.done';
  item_id: string;
  output_index: number;
  content_index: number;
  text: string;
}

/** A piece, or the whole, of a reasoning summary part. */
export interface ResponseReasoningSummaryTextEvent extends EventBase {
  type: 'response.reasoning_summary_text.delta' | 'response.reasoning_summary_text.done';
  item_id: string;
  output_index: number;
  summary_index: number;
  delta?: string;
  text?: string;
}

/** A piece of a function call's JSON arguments. */
export interface ResponseFunctionCallArgumentsDeltaEvent extends EventBase {
  type: 'response.function_call_arguments.delta';
  item_id: string;
  output_index: number;
  delta: string;
}

/** A function call's whole JSON arguments. */
export interface ResponseFunctionCallArgumentsDoneEvent extends EventBase {
  type: 'response.function_call_arguments.done';
  item_id: string;
  output_index: number;
  arguments: string;
  name?: string;
}

/**
 * One event of a Responses stream. `response.failed` and `error` are not in the union: the stream raises them as
 * an `APIError` instead of yielding them. Events of another type (MiniMax documents no list) are yielded as they
 * arrive, with their `type` string: give your `switch` a `default` branch.
 *
 * @example
 * ```ts
 * for await (const event of stream) {
 *   if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
 * }
 * ```
 */
export type ResponseStreamEvent =
  | ResponseLifecycleEvent
  | ResponseTerminalEvent
  | ResponseOutputItemEvent
  | ResponseContentPartEvent
  | ResponseTextDeltaEvent
  | ResponseTextDoneEvent
  | ResponseReasoningSummaryTextEvent
  | ResponseFunctionCallArgumentsDeltaEvent
  | ResponseFunctionCallArgumentsDoneEvent;

/** The listeners a `ResponseStream` adds to `item`, `end` and `error`. */
export interface ResponseStreamEvents {
  /** A piece of the answer, and the answer so far (every message's text, joined). */
  text: (delta: string, snapshot: string) => void;
  /** A piece of the model's reasoning, and the reasoning so far. */
  reasoning: (delta: string, snapshot: string) => void;
  /** A function call the model made, complete (name, `call_id`, JSON `arguments`). */
  functionCall: (call: ResponseFunctionCall) => void;
  /** The final response (`response.completed` or `response.incomplete`). */
  response: (response: ResponseObject) => void;
}
