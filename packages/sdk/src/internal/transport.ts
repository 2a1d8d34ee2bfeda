/**
 * Sends every request of the SDK through the generated functions, and adds what the generated client does not do:
 * timeouts, cancellation, the retry policy, lossless JSON, MiniMax's HTTP-200 errors, and response validation.
 * Resources call {@link Transport.json}, {@link Transport.sse}, {@link Transport.binary} or {@link Transport.text}; none
 * builds a URL itself.
 */

import { buildUrl, type Client, type Config, createConfig } from '@minimax-ts/generated';
import { APIError } from '../core/api-error.ts';
import type { Logger, RequestOptions, ValidationMode } from '../core/client-options.ts';
import { APIConnectionError, APITimeoutError } from '../core/connection-errors.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { ResponseValidator } from '../core/response-validator.ts';
import { errorForAbort } from './abort-error.ts';
import { AttemptSignal } from './attempt-signal.ts';
import { checkRequestOptions } from './check-options.ts';
import { Deadline } from './deadline.ts';
import { describeFailure } from './describe-failure.ts';
import { stringifyJSON } from './lossless-json.ts';
import type { OpenResponse } from './open-response.ts';
import { checkEventStream } from './open-stream.ts';
import type { GeneratedResult, Operation } from './operation.ts';
import { parseAnswer } from './read-json.ts';
import { readTextAnswer } from './read-text.ts';
import { retryDelayMs, shouldRetry } from './retry-policy.ts';
import { sleep } from './sleep.ts';
import { type Check, validationFor } from './validation.ts';

export type { OpenResponse } from './open-response.ts';

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

const CONTENT_TYPE_JSON = /\bjson\b/i;

export class Transport {
  /** The generated client's configuration (base URL, default headers, serialisers), without a client instance. */
  readonly #clientConfig: Config;
  readonly #config: TransportConfig;
  /** What the generated functions are called with as their `client`: sends with one `fetch(url, init)`. */
  readonly #sender: Client;
  /** The generated client's default body serialiser, for a body without one of its own. */
  readonly #defaultSerializer: ((body: unknown) => unknown) | undefined;

  constructor(config: TransportConfig) {
    this.#config = config;
    this.#clientConfig = createConfig({ baseUrl: config.baseURL, headers: config.defaultHeaders });
    const clientConfig = this.#clientConfig;
    this.#defaultSerializer = clientConfig.bodySerializer ?? undefined;
    const clientHeaders = headerRecord(undefined, clientConfig.headers as HeadersInit | undefined);
    this.#sender = {
      get: (options: GeneratedRequest) => this.#dispatch('GET', options, clientHeaders),
      post: (options: GeneratedRequest) => this.#dispatch('POST', options, clientHeaders),
      delete: (options: GeneratedRequest) => this.#dispatch('DELETE', options, clientHeaders),
    } as unknown as Client;
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
  json<T>(op: Operation, input: CallInput, options?: RequestOptions): Promise<T> {
    const validation = this.#validation(op, options);
    if (!validation) return this.#execute(op, input, options, (open) => readAnswer<T>(open, op, undefined));
    return validation.then((check) => this.#execute(op, input, options, (open) => readAnswer<T>(open, op, check)));
  }

  /**
   * An SSE answer, handed over open: its reader owns `attempt` (so the caller's signal still cancels it) and must
   * dispose of it. A JSON answer where SSE was expected (MiniMax's rate-limited streams) is raised inside the retry
   * loop when its content type says JSON, and through `resume` when the stream finds it under an SSE content type, so
   * a rate limit is retried either way. Every attempt listens to one signal: the caller's, the stream's own cancel
   * (`stop`, which also ends a retry in progress) and, with a `streamTimeout`, the deadline that covers the attempts,
   * the backoff between them and every event after. The stream releases it (`done`) when it ends.
   */
  async sse(op: Operation, input: CallInput, options?: RequestOptions): Promise<OpenResponse> {
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

  /** A text answer (subtitles), read whole; a JSON error body in its place raised (see `read-text.ts`). */
  text(op: Operation, input: CallInput, options?: RequestOptions): Promise<string> {
    return this.#execute(op, input, options, async (open) => {
      try {
        return readTextAnswer(await open.response.text(), open.response, open.request);
      } finally {
        open.attempt.dispose();
      }
    });
  }

  /** A binary answer (file content), handed over with its body unread. */
  binary(op: Operation, input: CallInput, options?: RequestOptions): Promise<OpenResponse> {
    return this.#execute(op, input, options, async (open) => {
      const type = open.response.headers.get('content-type') ?? '';
      if (op.envelope === 'native' && CONTENT_TYPE_JSON.test(type)) {
        // Native endpoints answer a failure with a JSON base_resp even where bytes were expected.
        try {
          parseAnswer(await open.response.text(), open.response, open.request); // raises the failure it reports
          throw new APIConnectionError({ message: 'expected file content, got a JSON body', ...open.request });
        } finally {
          open.attempt.dispose();
        }
      }
      open.attempt.stopTimer();
      return open;
    });
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

  async #send(
    op: Operation,
    input: CallInput,
    options: RequestOptions | undefined,
    signal: AttemptSignal,
    request: { method: string; url: string },
  ): Promise<Response> {
    const result = await op.call({
      client: this.#sender,
      ...(op.body === 'json' ? { bodySerializer: jsonSerializer(op.idKeys) } : {}),
      ...input,
      headers: input.headers || options?.headers ? { ...input.headers, ...options?.headers } : undefined,
      signal: signal.signal,
      parseAs: 'stream',
      throwOnError: false,
    });
    const response = result?.response;
    // No response: fetch itself failed (refused, reset, aborted); the caller's catch names it.
    if (!response) throw result?.error ?? new APIConnectionError(request);
    if (!response.ok) {
      throw APIError.generate({ status: response.status, body: result.error, headers: response.headers, ...request });
    }
    return response;
  }

  /**
   * Sends the request a generated function assembled (URL, query, security, headers, body serialiser) with a single
   * `fetch(url, init)`. The generated client's own `request()` builds a `Request` first and hands that to fetch, which
   * clones it — the body piped through a new TransformStream — and that clone was ~30% of the CPU of a small call.
   * The request on the wire is the same: URL and query from the generated `buildUrl`, the client's headers, then the
   * operation's, a `null` header removed, `Authorization: Bearer` set for a bearer-secured operation, `Content-Type`
   * dropped when there is no body, the body from the operation's serialiser. A non-2xx answer's body is read into
   * `error` as the generated client does (JSON if it parses, else text).
   */
  async #dispatch(
    method: string,
    options: GeneratedRequest,
    clientHeaders: Record<string, string>,
  ): Promise<GeneratedResult> {
    const url =
      options.query || options.path
        ? buildUrl({ ...this.#clientConfig, ...options } as never)
        : `${this.#config.baseURL}${options.url}`;
    const headers = headerRecord(clientHeaders, options.headers);
    if (options.security?.some((scheme) => scheme.scheme === 'bearer'))
      headers.authorization = `Bearer ${this.#config.apiKey}`;
    let body: unknown;
    if (options.body === undefined) delete headers['content-type'];
    else {
      const serializer = options.bodySerializer === undefined ? this.#defaultSerializer : options.bodySerializer;
      body = serializer ? serializer(options.body) : options.body;
      if (body === '') {
        delete headers['content-type'];
        body = undefined;
      }
    }
    const init: RequestInit & { duplex?: 'half' } = { method, headers, redirect: 'follow' };
    if (body !== undefined && body !== null) init.body = body as BodyInit;
    if (options.signal) init.signal = options.signal;
    if (options.duplex) init.duplex = options.duplex;
    const response = await this.#config.fetch(url, init);
    if (response.ok) return { response };
    const text = await response.text();
    let error: unknown = text;
    try {
      error = JSON.parse(text);
    } catch {
      // not JSON: the text itself
    }
    return { response, error: error || {} };
  }
}

/** The options a generated function passes to `client.get/post` (its defaults merged with the transport's input). */
interface GeneratedRequest {
  url: string;
  security?: ReadonlyArray<{ scheme?: string }>;
  headers?: HeadersInit | Record<string, string | null | undefined> | undefined;
  body?: unknown;
  bodySerializer?: ((body: unknown) => unknown) | null;
  query?: Record<string, unknown>;
  path?: Record<string, unknown>;
  signal?: AbortSignal;
  duplex?: 'half';
}

type HeaderSource = HeadersInit | Record<string, string | readonly string[] | null | undefined | object> | undefined;

/**
 * Headers as a plain record with lower-case names (what fetch receives), merged like the generated `mergeHeaders`:
 * later sources win, `null` removes, `undefined` is skipped, an array appends, an object is sent as JSON.
 */
function headerRecord(base: Record<string, string> | undefined, source: HeaderSource): Record<string, string> {
  const out: Record<string, string> = base ? { ...base } : {};
  if (!source) return out;
  const entries: Iterable<[string, unknown]> = source instanceof Headers ? source : Object.entries(source);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (value === null) delete out[key];
    else if (Array.isArray(value)) {
      for (const item of value) out[key] = out[key] === undefined ? String(item) : `${out[key]}, ${item}`;
    } else if (value !== undefined) out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
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

const serializers = new WeakMap<ReadonlySet<string>, (body: unknown) => string>();
const plainSerializer = (body: unknown): string => stringifyJSON(body);

/** The lossless writer, with the operation's id keys (ids go out as bare numbers, digit for digit). */
function jsonSerializer(idKeys: ReadonlySet<string> | undefined): (body: unknown) => string {
  if (!idKeys) return plainSerializer;
  let serializer = serializers.get(idKeys);
  if (!serializer) {
    serializer = (body) => stringifyJSON(body, { int64Keys: idKeys });
    serializers.set(idKeys, serializer);
  }
  return serializer;
}

/** Reads a JSON answer, checks it when validation is on, and releases the attempt. */
async function readAnswer<T>(open: OpenResponse, op: Operation, check: Check | undefined): Promise<T> {
  try {
    const body = parseAnswer(await open.response.text(), open.response, open.request);
    check?.(op.responseSchema, body);
    return body as T;
  } finally {
    open.attempt.dispose();
  }
}
