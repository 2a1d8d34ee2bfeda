/**
 * Sends every request of the SDK through the generated functions, and adds what the generated client does not do:
 * timeouts, cancellation, the retry policy, lossless JSON, MiniMax's HTTP-200 errors, and response validation.
 * Resources call {@link Transport.json}, {@link Transport.sse}, or {@link Transport.call} with a reader of their own
 * (text, file content); none builds a URL itself.
 */

import type { Client } from '@minimax-ts/generated';
import { APIError } from '../core/api-error.ts';
import { APIPromise, CallRecord } from '../core/api-promise.ts';
import type { Logger, RequestOptions, ValidationMode } from '../core/client-options.ts';
import { APIConnectionError, APITimeoutError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { ResponseValidator } from '../core/response-validator.ts';
import { errorForAbort } from './abort-error.ts';
import { AttemptSignal } from './attempt-signal.ts';
import { checkRequestOptions } from './check-options.ts';
import { Deadline } from './deadline.ts';
import { describeFailure } from './describe-failure.ts';
import { stringifyPlain } from './lossless-json.ts';
import type { AnswerReader, OpenResponse } from './open-response.ts';
import { checkEventStream } from './open-stream.ts';
import type { Operation } from './operation.ts';
import { parseAnswer } from './read-json.ts';
import { retryDelayMs, shouldRetry } from './retry-policy.ts';
import { createSender } from './sender.ts';
import { sleep } from './sleep.ts';
import type { UrlBuilder } from './url-builder.ts';
import { type Check, validationFor } from './validation.ts';

export type { AnswerReader, OpenResponse } from './open-response.ts';

export interface TransportConfig {
  baseURL: string;
  apiKey: string;
  /** The registration of the client's secrets (see `secrets.ts`), kept alive by the transport and its responses. */
  secrets: object;
  fetch: typeof fetch;
  defaultHeaders: Record<string, string>;
  timeout: number;
  idleTimeout: number;
  /** Total deadline of a stream; `undefined`: none. */
  streamTimeout: number | undefined;
  maxEventBytes: number;
  maxRetries: number;
  validate: ValidationMode;
  /** Checks answers when `validate` is not 'off'; without one, `@minimax-ts/sdk/validation` is loaded at run time. */
  validator?: ResponseValidator | undefined;
  logger: Logger;
  /** The generated URL builder, for requests with a query or path parameters (see `url-builder.ts`). */
  buildUrl?: UrlBuilder | undefined;
}

/** The parts of a request the generated function takes: body, query and path parameters, extra headers. */
export interface CallInput {
  body?: unknown;
  query?: Record<string, unknown>;
  path?: Record<string, unknown>;
  /** Headers the resource sets (e.g. a multipart boundary); the caller's `options.headers` win. */
  headers?: Record<string, string>;
  /** Replaces the generated body serialiser (a streamed multipart body). */
  bodySerializer?: (body: unknown) => unknown;
  /** `'half'` for a streamed request body, as fetch requires. */
  duplex?: 'half';
}

type Reader<R> = (open: OpenResponse) => Promise<R>;

/**
 * Every call returns an `APIPromise` with the `CallRecord` its reader fills: the response whose body became the data
 * (a reference, nothing computed), or, when `asResponse()` asked for it before the headers arrived, the response
 * handed over unread (see `handOver`).
 */
export class Transport {
  readonly #config: TransportConfig;
  /** What the generated functions are called with as their `client`: sends with one `fetch(url, init)`. */
  readonly #sender: Client;

  constructor(config: TransportConfig) {
    this.#config = config;
    this.#sender = createSender(config);
  }

  get baseURL(): string {
    return this.#config.baseURL;
  }

  get logger(): Logger {
    return this.#config.logger;
  }

  get idleTimeout(): number {
    return this.#config.idleTimeout;
  }

  /** A JSON answer: parsed losslessly, `base_resp` checked, validated when asked. */
  json<T>(op: Operation, input: CallInput, options?: RequestOptions): APIPromise<T> {
    const record = new CallRecord();
    const validation = this.#validation(op, options);
    const data = validation
      ? validation.then((check) => this.#execute(op, input, options, (open) => readJSON<T>(open, op, check, record)))
      : this.#execute(op, input, options, (open) => readJSON<T>(open, op, undefined, record));
    return new APIPromise(data, record);
  }

  /**
   * An SSE answer, handed over open: its reader owns `attempt` (so the caller's signal still cancels it) and must
   * dispose of it. A JSON answer where SSE was expected (MiniMax's rate-limited streams) is raised inside the retry
   * loop when its content type says JSON, and through `resume` when the stream finds it under an SSE content type, so
   * a rate limit is retried either way. Every attempt listens to one signal: the caller's, the stream's own cancel
   * (`stop`, which also ends a retry in progress) and, with a `streamTimeout`, the deadline that covers the attempts,
   * the backoff between them and every event after. The stream releases it (`done`) when it ends.
   */
  sse(op: Operation, input: CallInput, options?: RequestOptions): APIPromise<OpenResponse> {
    const record = new CallRecord();
    return new APIPromise(this.#sse(op, input, options, record), record);
  }

  async #sse(
    op: Operation,
    input: CallInput,
    options: RequestOptions | undefined,
    record: CallRecord,
  ): Promise<OpenResponse> {
    const check = await this.#validation(op, options);
    const streamTimeout = options?.streamTimeout ?? this.#config.streamTimeout;
    checkRequestOptions(options);
    const request = { method: op.method, url: `${this.#config.baseURL}${filledPath(op.path, input.path)}` };
    const stop = new AbortController();
    const expired = () =>
      new APITimeoutError({
        message: `The stream did not finish within streamTimeout (${streamTimeout} ms).`,
        ...request,
      });
    const deadline = new Deadline([options?.signal, stop.signal], streamTimeout, expired);
    const effective = { ...options, signal: deadline.signal };
    const read: Reader<OpenResponse> = async (open) => {
      if (record.raw) {
        deadline.stopTimer(); // the caller's signal still reaches the body; the SDK's clocks no longer run on it
        return handOver(open, record);
      }
      record.response = open.response; // from here on, too late for asResponse()
      await this.#openStream(op, open, check);
      open.done = () => deadline.dispose();
      open.stop = () => stop.abort();
      return open;
    };
    try {
      return await this.#execute(op, input, effective, read);
    } catch (error) {
      deadline.dispose();
      throw error;
    }
  }

  async #openStream(op: Operation, open: OpenResponse, check: Check | undefined): Promise<void> {
    try {
      await checkEventStream(open);
    } catch (error) {
      open.attempt.dispose();
      throw error;
    }
    const schema = op.eventSchema;
    if (check && schema) open.validateEvent = (data) => check(schema, data);
  }

  /**
   * A call whose answer `read` turns into the result: subtitles (`textAnswer`, read-text.ts), a file's bytes handed
   * over unread (`binaryAnswer`, read-binary.ts). The readers are functions of their own, not methods here, so a
   * client that never makes such calls (`MiniMaxChat`) leaves them out of its bundle.
   */
  call<R>(op: Operation, input: CallInput, options: RequestOptions | undefined, read: AnswerReader<R>): APIPromise<R> {
    const record = new CallRecord();
    const data = this.#execute<R>(op, input, options, (open) => {
      if (record.raw) return handOver(open, record);
      record.response = open.response;
      return read(open, op);
    });
    return new APIPromise(data, record);
  }

  /** The response check for this call, resolved before it is sent; `undefined` when validation is off. */
  #validation(op: Operation, options: RequestOptions | undefined): Promise<Check> | undefined {
    const mode = options?.validate ?? this.#config.validate;
    if (mode === 'off') return undefined;
    const context = { operation: `${op.method} ${op.path}`, logger: this.#config.logger };
    return validationFor(mode, this.#config.validator, context);
  }

  /**
   * Sends the request, retrying as the policy allows, from attempt `first` on; `read` turns the response into the
   * result (and may throw, which counts as the attempt's failure).
   */
  async #execute<R>(
    op: Operation,
    input: CallInput,
    options: RequestOptions | undefined,
    read: Reader<R>,
    first = 0,
  ): Promise<R> {
    checkRequestOptions(options);
    const timeout = options?.timeout ?? this.#config.timeout;
    const idleTimeout = options?.idleTimeout ?? this.#config.idleTimeout;
    const maxEventBytes = options?.maxEventBytes ?? this.#config.maxEventBytes;
    const request = { method: op.method, url: `${this.#config.baseURL}${filledPath(op.path, input.path)}` };
    const { secrets } = this.#config;
    for (let attempt = first; ; attempt++) {
      const signal = new AttemptSignal(options?.signal, timeout);
      // Used by streams only, whose reader yields the OpenResponse itself.
      const resume = (error: unknown): Promise<OpenResponse> =>
        this.#resume(op, input, options, read as unknown as Reader<OpenResponse>, attempt, error);
      try {
        const response = await this.#send(op, input, options, signal, request);
        return await read({ response, attempt: signal, idleTimeout, maxEventBytes, request, secrets, resume });
      } catch (raw) {
        signal.dispose();
        const error = asSDKError(signal.translate(raw, request), request);
        await this.#backOff(op, options, attempt, error);
      }
    }
  }

  /** A stream found a failure in its body (`OpenResponse.resume`): retry it as the failure of attempt `attempt`. */
  async #resume(
    op: Operation,
    input: CallInput,
    options: RequestOptions | undefined,
    read: Reader<OpenResponse>,
    attempt: number,
    error: unknown,
  ): Promise<OpenResponse> {
    // Cancelled meanwhile (the stream's `stop` rides on this signal): an abort, not the error that was found.
    if (options?.signal?.aborted) throw errorForAbort(options.signal);
    await this.#backOff(op, options, attempt, error);
    return this.#execute(op, input, options, read, attempt + 1);
  }

  /** Waits before the next attempt when the retry policy allows one; otherwise throws `error`. */
  async #backOff(op: Operation, options: RequestOptions | undefined, attempt: number, error: unknown): Promise<void> {
    // The caller's signal (or an SDK deadline riding on it) ended the call: nothing to retry.
    if (options?.signal?.aborted) throw error;
    const maxRetries = options?.maxRetries ?? this.#config.maxRetries;
    const decision = shouldRetry({ attempt, maxRetries, billable: op.billable, failure: describeFailure(error) });
    if (!decision.retry) throw error;
    const headers = error instanceof APIError ? error.headers : {};
    const delay = retryDelayMs({
      attempt,
      retryAfterHeader: headers['retry-after'],
      retryAfterMsHeader: headers['retry-after-ms'],
    });
    this.#config.logger.info(
      `${op.method} ${op.path} failed (${decision.reason}: ${(error as Error).message}); retry ${attempt + 1}/${maxRetries} in ${Math.round(delay)} ms`,
    );
    await sleep(delay, options?.signal);
  }

  /** Sends one attempt; resolves with a 2xx response, rejects with what failed (an `APIError` for a non-2xx). */
  #send(
    op: Operation,
    input: CallInput,
    options: RequestOptions | undefined,
    signal: AttemptSignal,
    request: { method: string; url: string },
  ): Promise<Response> {
    const headers = input.headers || options?.headers ? { ...input.headers, ...options?.headers } : undefined;
    // Bodies are written losslessly: ids as bare numbers, digit for digit (the input may name its own serialiser).
    const args: Record<string, unknown> =
      op.body === 'json'
        ? { client: this.#sender, bodySerializer: op.idKeys?.write ?? stringifyPlain, ...input }
        : { client: this.#sender, ...input };
    args.headers = headers;
    args.signal = signal.signal;
    args.parseAs = 'stream';
    args.throwOnError = false;
    // A `.then`, not an `async` method: one promise less per call (see `sender.ts`).
    return op.call(args).then((result) => {
      const response = result?.response;
      // No response: fetch itself failed (refused, reset, aborted); the caller's catch names it.
      if (!response) throw result?.error ?? new APIConnectionError(request);
      if (!response.ok) {
        throw APIError.generate({ status: response.status, body: result.error, headers: response.headers, ...request });
      }
      return response;
    });
  }
}

/** The path with its `{name}` parameters filled in, as errors and logs should name the call. */
function filledPath(path: string, params: Record<string, unknown> | undefined): string {
  if (!params) return path;
  return path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : encodeURIComponent(String(params[name])),
  );
}

/** Anything fetch or a body read threw (TypeError "fetch failed", "terminated", …) becomes a typed connection error. */
function asSDKError(error: unknown, request: { method: string; url: string }): unknown {
  if (error instanceof MiniMaxError) return error;
  return new APIConnectionError({ cause: error, ...request });
}

/** A JSON answer read, or handed over unread when `asResponse()` asked for it. */
function readJSON<T>(open: OpenResponse, op: Operation, check: Check | undefined, record: CallRecord): Promise<T> {
  return record.raw ? handOver(open, record) : readAnswer<T>(open, op, check, record);
}

/** Reads a JSON answer, checks it when validation is on, and releases the attempt (whatever happens). */
function readAnswer<T>(open: OpenResponse, op: Operation, check: Check | undefined, record: CallRecord): Promise<T> {
  record.response = open.response;
  // One `.then` rather than an `async` function: a promise less per call (see `sender.ts`).
  const release = (): void => open.attempt.dispose();
  let text: Promise<string>;
  try {
    text = open.response.text();
  } catch (error) {
    release();
    return Promise.reject(error);
  }
  return text.then(
    (text) => {
      try {
        const body = parseAnswer(text, open.response, open.request);
        record.body = body;
        check?.(op.responseSchema, body);
        return body as T;
      } finally {
        release();
      }
    },
    (error: unknown) => {
      release();
      throw error;
    },
  );
}

/**
 * `asResponse()`: the successful response goes to the caller with its body unread (nothing parsed, no stream). The
 * attempt's timeout stops — the SDK no longer reads — while the caller's signal still reaches the body, as with fetch.
 * The call's data is never read (`await` on it rejects), so it resolves with nothing.
 */
async function handOver<R>(open: OpenResponse, record: CallRecord): Promise<R> {
  open.attempt.stopTimer();
  record.response = open.response;
  return undefined as R;
}
