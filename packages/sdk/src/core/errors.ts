/**
 * Every error class the SDK throws, and the helpers that read MiniMax's error responses. Import from
 * here; the files behind it are split only to stay small.
 *
 * @example
 * ```ts
 * import { APIError, RateLimitError, AuthenticationError } from './core/errors.ts';
 * ```
 */

export {
  APIError,
  type APIErrorOptions,
  AuthenticationError,
  ContentSensitiveError,
  InsufficientBalanceError,
  InternalServerError,
  InvalidParamsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UsageLimitError,
  VoiceCloneError,
} from './api-error.ts';
export { baseRespFailure, type ErrorDetails, isFailureResponse, readErrorDetails } from './api-error-details.ts';
export {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  type ConnectionErrorOptions,
} from './connection-errors.ts';
export { ERROR_CODES, type ErrorCategory, type ErrorCodeInfo, errorCodeInfo } from './error-codes.ts';
export { classifyError, type ErrorEvidence, saysInsufficientBalance } from './error-mapping.ts';
export { MiniMaxError } from './minimax-error.ts';
export {
  DEFAULT_MAX_EVENT_BYTES,
  StreamEventTooLargeError,
  type StreamEventTooLargeErrorOptions,
} from './stream-event-too-large-error.ts';
export { TaskFailedError, type TaskFailedErrorOptions } from './task-failed-error.ts';
