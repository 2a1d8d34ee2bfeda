/**
 * `APIError` and its subclasses: one class per meaning of failure, so callers can write
 * `if (err instanceof RateLimitError)` whichever of MiniMax's error shapes the server used.
 */

import { type HeadersLike, redactText, scrubDeep, urlHost, urlPath } from '../internal/redact.ts';
import { retryAfterMsFromHeaders } from '../internal/retry-after.ts';
import { readErrorDetails } from './api-error-details.ts';
import { type ErrorCategory, errorCodeInfo } from './error-codes.ts';
import { classifyError } from './error-mapping.ts';
import { formatErrorMessage, regionHint } from './error-message.ts';
import { MiniMaxError } from './minimax-error.ts';

/** What an {@link APIError} is built from: the response, and the request it answered. */
export interface APIErrorOptions {
  /** HTTP status; 200 for a native endpoint's `base_resp` failure; undefined when there was no response. */
  status?: number | undefined;
  /** The parsed body (or its raw text when it was not JSON). */
  body?: unknown;
  /** Response headers; credential headers are dropped on copy, every value is redacted. */
  headers?: HeadersLike | undefined;
  /** The request's method, shown in the message. */
  method?: string | undefined;
  /** The request's URL; only its path is kept (the query string may hold secrets). */
  url?: string | URL | undefined;
  /** Replaces the server's message. */
  message?: string | undefined;
  cause?: unknown;
  /** For a failure inside a stream: the text received before it. */
  partialText?: string | undefined;
}

/**
 * An error answered by the API (or, for the connection subclasses, the lack of an answer). Carries
 * everything support asks for: code, HTTP status, trace id and the failing call, never credentials.
 *
 * @example
 * ```ts
 * try { … } catch (err) {
 *   if (err instanceof APIError) console.error(err.code, err.status, err.traceId);
 * }
 * ```
 */
export class APIError extends MiniMaxError {
  override readonly name: string = 'APIError';
  /** HTTP status: 200 for native endpoints, which report failures in `base_resp`. */
  readonly status: number | undefined;
  /** MiniMax status code (e.g. 1002), else the compatible endpoints' error type (e.g. `'api_error'`). */
  readonly code: number | string | undefined;
  /** The compatible endpoints' error type, when present. */
  readonly type: string | undefined;
  /** The server's own message (credentials scrubbed). */
  readonly serverMessage: string;
  /** The `Trace-Id` MiniMax support asks for. */
  readonly traceId: string | undefined;
  readonly requestId: string | undefined;
  /** Response headers, lowercase names, credential headers removed, values redacted. */
  readonly headers: Record<string, string>;
  /** The parsed response body: a copy with credentials redacted and nesting past 64 levels cut (see `scrubDeep`). */
  readonly body: unknown;
  readonly method: string | undefined;
  /** The request path, without query string. */
  readonly path: string | undefined;
  /** Text received from a stream before the failure, if the failure arrived mid-stream. */
  readonly partialText: string | undefined;
  /** A suggestion for fixing the error, when there is one. */
  readonly hint: string | undefined;

  constructor(options: APIErrorOptions = {}) {
    const details = readErrorDetails(options.body, options.headers);
    const code = details.code ?? details.type;
    const rawPath = urlPath(options.url);
    const path = rawPath === undefined ? undefined : redactText(rawPath);
    const hint = (new.target as typeof APIError).hintFor(urlHost(options.url));
    const message = formatErrorMessage({
      status: options.status,
      code,
      serverMessage: options.message ?? details.serverMessage,
      meaning: errorCodeInfo(code)?.meaning,
      method: options.method,
      path,
      traceId: details.traceId,
      hint,
    });
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.code = code;
    this.type = details.type;
    this.serverMessage = details.serverMessage;
    this.traceId = details.traceId;
    this.requestId = details.requestId;
    this.headers = details.headers;
    this.body = scrubDeep(options.body);
    this.method = options.method?.toUpperCase();
    this.path = path;
    this.partialText = options.partialText === undefined ? undefined : redactText(options.partialText);
    this.hint = hint;
  }

  /** Subclasses override this to attach a hint; the host is that of the request URL. */
  protected static hintFor(_host: string | undefined): string | undefined {
    return undefined;
  }

  /**
   * Builds the subclass that fits the response: by MiniMax code, then message, HTTP status, error type.
   *
   * @example
   * ```ts
   * const body = parseJSON(await response.text());
   * if (isFailureResponse(response.status, body)) {
   *   throw APIError.generate({ status: response.status, body, headers: response.headers, method: 'POST', url });
   * }
   * ```
   */
  static generate(options: APIErrorOptions): APIError {
    const details = readErrorDetails(options.body, undefined);
    const category = classifyError({ status: options.status, ...details, message: details.serverMessage });
    const ErrorClass = category ? CLASS_BY_CATEGORY[category] : APIError;
    return new ErrorClass(options);
  }
}

/** The API key was rejected (codes 1004, 2049; HTTP 401). Its `hint` mentions the two regions. @example `if (err instanceof AuthenticationError) console.error(err.hint)` */
export class AuthenticationError extends APIError {
  override readonly name = 'AuthenticationError' as const;
  protected static override hintFor(host: string | undefined): string {
    return regionHint(host);
  }
}

/** The key may not use this resource (code 2042, no access to the voice; HTTP 403). @example `if (err instanceof PermissionDeniedError) …` */
export class PermissionDeniedError extends APIError {
  override readonly name = 'PermissionDeniedError' as const;
}

/** The resource does not exist (HTTP 404). @example `if (err instanceof NotFoundError) return undefined` */
export class NotFoundError extends APIError {
  override readonly name = 'NotFoundError' as const;
}

/**
 * Too many requests (codes 1002, 1039, 1041, 2045; HTTP 429). Retried automatically.
 * @example `if (err instanceof RateLimitError) await sleep(err.retryAfterMs ?? 1000)`
 */
export class RateLimitError extends APIError {
  override readonly name = 'RateLimitError' as const;
  /** The server's `retry-after-ms` / `Retry-After` hint, in ms, when it sent one. */
  readonly retryAfterMs: number | undefined = retryAfterMsFromHeaders(this.headers);
}

/** The account is out of balance (code 1008, even when sent as an HTTP 500). Never retried. @example `if (err instanceof InsufficientBalanceError) notifyBilling()` */
export class InsufficientBalanceError extends APIError {
  override readonly name = 'InsufficientBalanceError' as const;
}

/** Input (1026) or output (1027) was flagged as sensitive. @example `if (err instanceof ContentSensitiveError) askToRephrase()` */
export class ContentSensitiveError extends APIError {
  override readonly name = 'ContentSensitiveError' as const;
}

/** The request was invalid (codes 2013, 20132, 1042; HTTP 400). @example `if (err instanceof InvalidParamsError) console.error(err.serverMessage)` */
export class InvalidParamsError extends APIError {
  override readonly name = 'InvalidParamsError' as const;
}

/** Voice cloning refused the sample or voice id (1043, 1044, 2037, 2038, 2039, 2048). @example `if (err instanceof VoiceCloneError) …` */
export class VoiceCloneError extends APIError {
  override readonly name = 'VoiceCloneError' as const;
}

/** The plan's usage limit is reached (2056). @example `if (err instanceof UsageLimitError) …` */
export class UsageLimitError extends APIError {
  override readonly name = 'UsageLimitError' as const;
}

/** A server-side failure (codes 1000, 1001, 1024, 1033; HTTP ≥ 500). @example `if (err instanceof InternalServerError) …` */
export class InternalServerError extends APIError {
  override readonly name = 'InternalServerError' as const;
}

const CLASS_BY_CATEGORY: Readonly<Record<ErrorCategory, typeof APIError>> = {
  authentication: AuthenticationError,
  permission_denied: PermissionDeniedError,
  not_found: NotFoundError,
  rate_limit: RateLimitError,
  insufficient_balance: InsufficientBalanceError,
  content_sensitive: ContentSensitiveError,
  invalid_params: InvalidParamsError,
  voice_clone: VoiceCloneError,
  usage_limit: UsageLimitError,
  internal_server: InternalServerError,
};
