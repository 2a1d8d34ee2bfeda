/**
 * `mm.responses`: MiniMax's OpenAI Responses-compatible endpoint (`POST /v1/responses`) and its free token counter
 * (`POST /v1/responses/input_tokens`), shaped like openai-node's `client.responses`.
 */

import {
  type CreateResponseReq,
  countResponseInputTokens,
  createResponse,
  type ResponseInputTokensReq,
  type ResponseInputTokensResp,
  type ResponseObject as WireResponseObject,
} from '@minimax-ts/generated';
import { type APIPromise, checkedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { APIResource } from '../core/resource.ts';
import { checkBody, describeValue, optionalBoolean, requireString } from '../internal/check-params.ts';
import { defineOperation } from '../internal/operation.ts';
import { streamContext } from '../internal/stream-context.ts';
import type { ResponseObject } from '../lib/response-events.ts';
import { withOutputText } from '../lib/response-snapshot.ts';
import { ResponseStream } from '../lib/response-stream.ts';

export type {
  ResponseInputContentPart,
  ResponseInputItem,
  ResponseReasoningConfig,
  ResponseTextConfig,
  ResponseTool,
} from '@minimax-ts/generated';
export type * from '../lib/response-events.ts';

export type ResponseCreateParams = CreateResponseReq;
export type ResponseCreateParamsNonStreaming = CreateResponseReq & { stream?: false | undefined };
export type ResponseCreateParamsStreaming = CreateResponseReq & { stream: true };
/** `stream()` sets `stream: true` itself. */
export type ResponseStreamParams = Omit<CreateResponseReq, 'stream'> & { stream?: true | undefined };
export type ResponseInputTokensParams = ResponseInputTokensReq;
/** `{ object: 'response.input_tokens', input_tokens }`. */
export type ResponseInputTokens = ResponseInputTokensResp;

const ops = {
  create: defineOperation({
    call: createResponse,
    method: 'POST',
    path: '/v1/responses',
    billable: true,
    body: 'json',
    envelope: 'compatible',
    responseSchema: 'zCreateResponseResponse',
    eventSchema: 'zResponseStreamEvent',
  }),
  inputTokens: defineOperation({
    call: countResponseInputTokens,
    method: 'POST',
    path: '/v1/responses/input_tokens',
    billable: false,
    body: 'json',
    envelope: 'compatible',
    responseSchema: 'zCountResponseInputTokensResponse',
  }),
};

const INPUT = 'a prompt, or a non-empty array of items';

/** `input`: a non-blank prompt, or a non-empty array of item objects. */
function checkInput(input: unknown): void {
  if (input === undefined) throw new InvalidArgumentError('input', `is required: ${INPUT}`);
  if (typeof input === 'string') {
    if (input.trim() === '') throw new InvalidArgumentError('input', `must not be empty: ${INPUT}`);
    return;
  }
  if (!Array.isArray(input) || input.length === 0) {
    throw new InvalidArgumentError('input', `expected ${INPUT}, got ${describeValue(input)}`);
  }
  const bad = input.findIndex((item) => typeof item !== 'object' || item === null || Array.isArray(item));
  if (bad >= 0)
    throw new InvalidArgumentError(`input[${bad}]`, `expected an item object, got ${describeValue(input[bad])}`);
}

/**
 * `model` and `input` are required, `stream` is a boolean; everything else is the server's to judge (new models, new
 * item types appear faster than an SDK is upgraded).
 */
function checkCreate(params: unknown): void {
  const body = checkBody(params);
  requireString(body, 'model', 'a model id such as "MiniMax-M3"');
  checkInput(body.input);
  optionalBoolean(body, 'stream');
}

/** `POST /v1/responses`, MiniMax's OpenAI Responses-compatible endpoint. */
export class Responses extends APIResource {
  /**
   * Creates a model response; with `stream: true`, a {@link ResponseStream} of its events.
   *
   * A response whose generation failed (`status: 'failed'`, with `error: {code, message}`) or stopped early
   * (`status: 'incomplete'`, see `incomplete_details`) is returned, not thrown, as openai-node returns it: the call
   * itself succeeded, and the object still carries its id, usage and any output. Check `status`. (A stream cannot
   * hand back a failed response: it raises `response.failed` as an `APIError` whose `body` is that response.)
   *
   * @example
   * ```ts
   * const response = await mm.responses.create({ model: 'MiniMax-M3', input: 'Hello!' });
   * console.log(response.output_text); // always a string: derived from `output` when the server sends null
   *
   * const stream = await mm.responses.create({ model: 'MiniMax-M3', input: 'Hello!', stream: true });
   * for await (const event of stream) if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
   * ```
   */
  create(params: ResponseCreateParamsNonStreaming, options?: RequestOptions): APIPromise<ResponseObject>;
  create(params: ResponseCreateParamsStreaming, options?: RequestOptions): APIPromise<ResponseStream>;
  create(params: ResponseCreateParams, options?: RequestOptions): APIPromise<ResponseObject | ResponseStream>;
  create(params: ResponseCreateParams, options?: RequestOptions): APIPromise<ResponseObject | ResponseStream> {
    return checkedCall((): APIPromise<ResponseObject | ResponseStream> => {
      checkCreate(params);
      if (params.stream === true) {
        return this._transport
          .sse(ops.create, { body: params }, options)
          ._thenUnwrap((open) => new ResponseStream(streamContext(open)));
      }
      return this._transport
        .json<WireResponseObject>(ops.create, { body: params }, options)
        ._thenUnwrap((response) => withOutputText(response) as ResponseObject);
    });
  }

  /**
   * Shorthand for `create({ ...params, stream: true })`.
   *
   * @example
   * ```ts
   * const stream = await mm.responses.stream({ model: 'MiniMax-M3', input: 'Write a haiku.' });
   * stream.on('text', (delta) => process.stdout.write(delta));
   * const response = await stream.finalResponse();
   * ```
   */
  stream(params: ResponseStreamParams, options?: RequestOptions): APIPromise<ResponseStream> {
    return this.create({ ...params, stream: true }, options);
  }

  /**
   * Counts the input tokens a request would use, without running the model (free; retried like any read).
   *
   * @example
   * ```ts
   * const { input_tokens } = await mm.responses.inputTokens({ model: 'MiniMax-M3', input: 'Hello!' });
   * ```
   */
  inputTokens(params: ResponseInputTokensParams, options?: RequestOptions): APIPromise<ResponseInputTokens> {
    return checkedCall(() => {
      checkCreate(params);
      return this._transport.json<ResponseInputTokens>(ops.inputTokens, { body: params }, options);
    });
  }
}
