/**
 * What every HTTP method of the SDK returns: a real `Promise` of the data (so `await`, `.then`, `instanceof Promise`
 * and unhandled-rejection reports behave as they always did) that also hands out the HTTP response behind it —
 * `withResponse()` for the data with its response, `Trace-Id` and request id (what MiniMax support asks for, of a
 * successful call as often as of a failed one), `asResponse()` for the raw response with its body unread. Nothing is
 * computed for a call that asks for neither: the transport only keeps a reference to the response it already has.
 */

import { redactText } from '../internal/redact.ts';
import { MiniMaxError } from './minimax-error.ts';

/**
 * What the transport learns of one call, for its promise: the response whose body became the data, and whether
 * `asResponse()` asked for that body unread. One small object per call; shared by the promises a call is mapped into.
 *
 * @example
 * ```ts
 * const record = new CallRecord();
 * return new APIPromise(this.#execute(op, input, options, (open) => readJSON(open, op, check, record)), record);
 * ```
 */
export class CallRecord {
  /** The answer whose body became the data (the last attempt's); of a composite call, its last request's. */
  response: Response | undefined = undefined;
  /** The parsed JSON body, when there was one (its `trace_id` / `request_id` when the headers have none). */
  body: unknown = undefined;
  /** `asResponse()` asked for the body unread: the transport hands the response over as soon as it is a success. */
  raw = false;

  /**
   * @param composite A call made of several requests (`generate`, `wait`): its response is its last request's, whose
   *   body the SDK has read, so `asResponse()` resolves with it as it is.
   */
  constructor(readonly composite = false) {}
}

/**
 * What `withResponse()` resolves to.
 *
 * @example
 * ```ts
 * const { data, response, traceId, requestId }: WithResponse<ImageGeneration> = await mm.images.generate(params).withResponse();
 * ```
 */
export interface WithResponse<T> {
  /** What `await` gives. */
  data: T;
  /**
   * The HTTP response behind `data`: of the attempt that succeeded; of a stream, the one whose events it reads; of a
   * composite call (`wait`, `generate`, `enhancePrompt`), its last request's (the final poll, or the file lookup of
   * `mm.video.generate`). Its body has been read by the SDK, except a stream's, which the stream reads.
   */
  response: Response;
  /** The `Trace-Id` MiniMax support asks for (the header, else the body's `trace_id` where it has one). */
  traceId: string | undefined;
  /** `x-request-id` / `request-id`, else the body's `request_id` (the OpenAI-style endpoints send one). */
  requestId: string | undefined;
}

const resolveNow = (resolve: (value: never) => void): void => resolve(undefined as never);

let partsOf: <T>(promise: APIPromise<T>) => [data: Promise<T>, record: CallRecord];

/**
 * The promise every HTTP method returns. `await` it for the data, exactly as before; call `withResponse()` for the
 * data together with the HTTP response, `Trace-Id` and request id, or `asResponse()` for the raw response, body
 * unread (nothing is parsed, no stream is created: reading it is yours). A call refused before sending
 * (`InvalidArgumentError`) rejects all three the same way.
 *
 * @example
 * ```ts
 * const completion = await mm.chat.create({ model: 'MiniMax-M2', messages }); // unchanged
 *
 * const { data, traceId } = await mm.chat.create({ model: 'MiniMax-M2', messages }).withResponse();
 * console.log(data.choices?.[0]?.message?.content, traceId); // give traceId to MiniMax support
 *
 * const response = await mm.images.generate({ model: 'image-01', prompt: 'A lighthouse' }).asResponse();
 * console.log(response.status, response.headers.get('trace-id'), await response.json());
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  // `then` on an APIPromise gives a plain Promise: what follows a call is not a call.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  static {
    partsOf = (promise) => [promise.#data, promise.#record];
  }

  /** Settles with the data; `then`/`catch`/`finally` are its, so a failure nobody awaits is reported as its own. */
  readonly #data: Promise<T>;
  readonly #record: CallRecord;

  /** @internal The SDK builds these; `data` settles with the call's result, `record` is what its transport saw. */
  constructor(data: Promise<T>, record: CallRecord) {
    // The base promise is settled at once and never rejects: what it settles with is never seen, every `then` goes
    // to `data` (as openai-node's APIPromise does), so awaiting costs no more than awaiting `data`.
    super(resolveNow);
    this.#data = data;
    this.#record = record;
  }

  /**
   * The data with the HTTP response behind it, its `Trace-Id` and request id. Rejects as `await` would.
   *
   * @example
   * ```ts
   * const { data: stream, response, traceId } = await mm.chat.create({ model, messages, stream: true }).withResponse();
   * console.log(response.headers.get('content-type'), traceId);
   * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
   * ```
   */
  withResponse(): Promise<WithResponse<T>> {
    const record = this.#record;
    return this.#settled().then((data) => {
      const response = record.response as Response;
      const body = record.body as BodyIds | undefined;
      const headers = response.headers;
      const traceId =
        headers.get('trace-id') ?? headers.get('x-trace-id') ?? text(body?.trace_id) ?? text(body?.base_resp?.trace_id);
      const requestId = headers.get('x-request-id') ?? headers.get('request-id') ?? text(body?.request_id);
      return {
        data,
        response,
        // Strings a server chose, meant for logs and support tickets: scrubbed like every error's.
        traceId: traceId === undefined ? undefined : redactText(traceId),
        requestId: requestId === undefined ? undefined : redactText(requestId),
      };
    });
  }

  /**
   * The raw `Response`, its body unread: the SDK parses nothing and creates no stream (a stream's SSE response comes
   * as it is). Only an HTTP error status is still raised (as `APIError`, after the usual retries); a failure MiniMax
   * reports inside an HTTP 200 body (`base_resp`) is yours to read. Call it on the promise the method returned,
   * before the answer arrives (`mm.x.y(…).asResponse()`); afterwards the SDK has started reading the body and it
   * rejects. `await` on the same call then rejects too: its body went to you. A composite call (`wait`, `generate`)
   * resolves with its last request's response, whose body the SDK has read.
   *
   * @example
   * ```ts
   * const response = await mm.speech.stream({ model: 'speech-2.6-turbo', text, voice_setting }).asResponse();
   * response.body?.pipeTo(myParser); // the SSE bytes, as the server sent them
   * ```
   */
  asResponse(): Promise<Response> {
    const record = this.#record;
    if (!record.composite && !record.raw) {
      if (record.response) {
        return Promise.reject(
          new MiniMaxError('asResponse() came after the answer arrived: call it first, `mm.x.y(…).asResponse()`.'),
        );
      }
      record.raw = true;
    }
    return this.#data.then(() => record.response as Response);
  }

  // The reason is `any`, as in the standard `Promise` typings: code written against a `Promise` must compile unchanged.
  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a Promise; its then is the data's.
  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#settled().then(onfulfilled, onrejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: as `then`.
  override catch<B = never>(onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#settled().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#settled().finally(onfinally);
  }

  /**
   * @internal Maps the data (and, with `mapError`, the failure) without losing the response: the resources' way to
   * decode hex audio, unwrap a task or open a stream. Skipped when `asResponse()` took the body.
   */
  _thenUnwrap<U>(transform: (data: T) => U, mapError?: (error: unknown) => unknown): APIPromise<U> {
    const record = this.#record;
    const data = this.#data.then(
      (value) => (record.raw ? (value as unknown as U) : transform(value)),
      mapError &&
        ((error: unknown) => {
          throw mapError(error);
        }),
    );
    return new APIPromise(data, record);
  }

  /** The data; once `asResponse()` took the body, the error that says so. */
  #settled(): Promise<T> {
    if (!this.#record.raw || this.#record.composite) return this.#data;
    return this.#data.then(() => {
      throw new MiniMaxError('asResponse() took this call: its body is in the Response it gave.');
    });
  }
}

interface BodyIds {
  trace_id?: unknown;
  request_id?: unknown;
  base_resp?: { trace_id?: unknown } | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * An APIPromise that rejects with `error`: how a call refused before sending (`InvalidArgumentError`) fails, through
 * the promise rather than thrown at the call.
 *
 * @example
 * ```ts
 * return rejectedCall(new InvalidArgumentError('input', 'is required'));
 * ```
 */
export function rejectedCall<T>(error: unknown): APIPromise<T> {
  return new APIPromise<T>(Promise.reject(error), new CallRecord());
}

/**
 * Runs `start`, turning a synchronous throw (an argument check) into a rejected APIPromise.
 *
 * @example
 * ```ts
 * return checkedCall(() => { checkBody(params); return this._transport.json(op, { body: params }, options); });
 * ```
 */
export function checkedCall<T>(start: () => APIPromise<T>): APIPromise<T> {
  try {
    return start();
  } catch (error) {
    return rejectedCall(error);
  }
}

/** What a composite call's steps go through, so that the call's response is its last request's. */
export type Track = <U>(step: APIPromise<U>) => Promise<U>;

/**
 * A call made of several requests (create, poll, look up): `run` awaits each step through `track`, and the call's
 * `withResponse()` gives the response of the last step awaited (e.g. the final poll), and its trace id.
 *
 * @example
 * ```ts
 * return compositeCall(async (track) => {
 *   const { task_id } = await track(this.create(params, options));
 *   return track(this.wait(task_id, options));
 * });
 * ```
 */
export function compositeCall<T>(run: (track: Track) => Promise<T>): APIPromise<T> {
  const record = new CallRecord(true);
  const track: Track = (step) =>
    step.then((data) => {
      const [, last] = partsOf(step);
      record.response = last.response;
      record.body = last.body;
      return data;
    });
  let data: Promise<T>;
  try {
    data = run(track);
  } catch (error) {
    data = Promise.reject(error);
  }
  return new APIPromise(data, record);
}

/**
 * The data and record of a call, for a subclass built from one (`PagePromise`, `ListPromise`): the new promise is the
 * same call, with more to it.
 *
 * @example
 * ```ts
 * class PagePromise<T> extends APIPromise<Page<T>> { constructor(first: APIPromise<Page<T>>) { super(...callParts(first)); } }
 * ```
 */
export function callParts<T>(promise: APIPromise<T>): [data: Promise<T>, record: CallRecord] {
  return partsOf(promise);
}
