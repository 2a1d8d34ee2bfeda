/**
 * Turns what the sdk throws into what the AI SDK expects: an `APICallError` (from `@ai-sdk/provider`) with the sdk's
 * typed error as `cause`, so `err.cause instanceof RateLimitError` and `err.cause.traceId` keep working, and the AI
 * SDK's retry loop reads `isRetryable` from {@link safeToResend}. A user abort is re-thrown as the signal's reason,
 * which is what the AI SDK recognises as an abort (it never retries one); anything that is not an API failure (a
 * refused argument, a missing key) passes through unchanged.
 */

import { APICallError } from '@ai-sdk/provider';
import { APIError, APIUserAbortError } from '@minimax-ts/sdk';
import { safeToResend } from './safe-to-resend.ts';

/** The request an error belongs to, for the `url` and `requestBodyValues` of the `APICallError`. */
export interface FailedRequest {
  url: string;
  body: unknown;
  abortSignal?: AbortSignal | undefined;
  /**
   * `false` once a billable job exists (a video task being waited for): whatever fails then, calling the model again
   * would start and bill a second job, so the AI SDK must not retry it.
   */
  resendable?: false | undefined;
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body);
  } catch {
    return String(body);
  }
}

/**
 * Maps one thrown value; returns it unchanged when it is not an sdk `APIError`.
 *
 * @example
 * ```ts
 * try { await mm.speech.create(body); } catch (err) { throw toAISDKError(err, { url, body }); }
 * ```
 */
export function toAISDKError(error: unknown, request: FailedRequest): unknown {
  if (error instanceof APIUserAbortError && request.abortSignal?.aborted) {
    return request.abortSignal.reason ?? error;
  }
  if (!(error instanceof APIError)) return error;
  const headers = Object.keys(error.headers).length > 0 ? error.headers : undefined;
  return new APICallError({
    message: error.message,
    url: request.url,
    requestBodyValues: request.body,
    statusCode: error.status,
    responseHeaders: headers,
    responseBody: bodyText(error.body),
    cause: error,
    isRetryable: request.resendable === false ? false : safeToResend(error),
    data: error.body,
  });
}

/**
 * Runs one sdk call and maps its failure.
 *
 * @example
 * ```ts
 * const message = await callSdk(() => mm.anthropic.messages.create(body, options), { url, body });
 * ```
 */
export async function callSdk<T>(call: () => Promise<T>, request: FailedRequest): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAISDKError(error, request);
  }
}
