/**
 * MiniMax `base_resp.status_code` values, from MiniMax's error-code page. Pure data: the error
 * classes ({@link ./api-error.ts}) and the retry policy both read this table, so a code's class and
 * its retryability can never disagree.
 */

/** What kind of failure a code (or an HTTP status) means; each category has its own error class. */
export type ErrorCategory =
  | 'authentication'
  | 'permission_denied'
  | 'not_found'
  | 'rate_limit'
  | 'insufficient_balance'
  | 'content_sensitive'
  | 'invalid_params'
  | 'voice_clone'
  | 'usage_limit'
  | 'internal_server';

/** One row of {@link ERROR_CODES}. */
export interface ErrorCodeInfo {
  /** A stable snake_case identifier for the code. */
  readonly name: string;
  /** Which error class the code maps to. */
  readonly category: ErrorCategory;
  /**
   * Whether the same request may succeed if sent again later. For a billable create this alone is
   * not enough: see `shouldRetry`, which retries those only on rate-limit codes.
   */
  readonly retryable: boolean;
  /** What MiniMax's documentation says the code means. */
  readonly meaning: string;
}

const row = (name: string, category: ErrorCategory, retryable: boolean, meaning: string): ErrorCodeInfo =>
  Object.freeze({ name, category, retryable, meaning });

/**
 * Every documented MiniMax status code. Codes 1002, 1039 and 1041 are rate limits (the official CLI
 * maps 1002 and 1039 to "content filter": a bug we do not copy). 1013 comes from the per-endpoint code lists;
 * 1028, 1030 and 2061 (Token Plan quota and entitlement) are known from the official CLI only.
 *
 * @example
 * ```ts
 * ERROR_CODES[1002]; // { name: 'rate_limit_rpm', category: 'rate_limit', retryable: true, meaning: … }
 * ```
 */
export const ERROR_CODES: Readonly<Record<number, ErrorCodeInfo>> = Object.freeze({
  1000: row('unknown_error', 'internal_server', true, 'Unknown error'),
  1001: row('timeout', 'internal_server', true, 'Request timed out on the server'),
  1002: row('rate_limit_rpm', 'rate_limit', true, 'Rate limit exceeded (requests per minute)'),
  1004: row(
    'authentication_failed',
    'authentication',
    false,
    'Authentication failed, or the key does not match the group',
  ),
  1008: row('insufficient_balance', 'insufficient_balance', false, 'Insufficient account balance'),
  1013: row('internal_service_error', 'internal_server', true, 'Internal service error'),
  1024: row('internal_error', 'internal_server', true, 'Internal error'),
  1026: row('input_sensitive', 'content_sensitive', false, 'The input was flagged as sensitive content'),
  1027: row('output_sensitive', 'content_sensitive', false, 'The output was flagged as sensitive content'),
  1028: row('quota_exhausted', 'usage_limit', false, 'Token Plan quota exhausted'),
  1030: row('plan_quota_exhausted', 'usage_limit', false, 'Token Plan quota exhausted (handled like 1028)'),
  1033: row('downstream_error', 'internal_server', true, 'System or downstream service error'),
  1039: row('rate_limit_tpm', 'rate_limit', true, 'Rate limit exceeded (tokens per minute)'),
  1041: row('connection_limit', 'rate_limit', true, 'Too many concurrent connections'),
  1042: row('invisible_characters', 'invalid_params', false, 'Invisible characters make up over 10% of the input'),
  1043: row('voice_clone_asr_check_failed', 'voice_clone', false, 'Voice clone failed the ASR similarity check'),
  1044: row('voice_clone_similarity_failed', 'voice_clone', false, 'Voice clone failed the similarity check'),
  2013: row('invalid_params', 'invalid_params', false, 'Invalid parameters'),
  20132: row('invalid_clone_sample', 'invalid_params', false, 'Invalid voice clone sample or voice_id'),
  2037: row('voice_sample_duration', 'voice_clone', false, 'Voice sample duration out of range'),
  2038: row('voice_clone_disabled', 'voice_clone', false, 'Voice cloning is disabled until the account is verified'),
  2039: row('duplicate_voice_id', 'voice_clone', false, 'This voice_id already exists'),
  2042: row('voice_access_denied', 'permission_denied', false, 'No access to this voice_id'),
  2045: row('rate_growth_limit', 'rate_limit', true, 'Request rate grew too fast'),
  2048: row('prompt_audio_too_long', 'voice_clone', false, 'The prompt audio is too long'),
  2049: row('invalid_api_key', 'authentication', false, 'Invalid API key'),
  2056: row('usage_limit', 'usage_limit', false, 'The plan usage limit has been reached'),
  2061: row('model_not_in_plan', 'usage_limit', false, 'The model is not available on your current Token Plan'),
  // Speech WebSocket (`/ws/v1/t2a_v2`, `/ws/v1/t2a_v2_bidi`): codes of `task_failed` and `task_continued.base_resp`
  // (docs `speech-t2a-websocket`, `speech-t2a-websocket-bidi`). 2201: the server closed a connection idle ~120 s;
  // nothing was being synthesized, so a new session may be opened (never silently: the SDK does not reconnect).
  // 2202/2206 are client bugs (an event the protocol does not allow, or out of order), and 2203/2204 skip the text
  // (empty, or over 10,000 characters): sending the same again fails the same way. 2205 means too much text is queued
  // for synthesis; the docs say it is "not a quota rate limit" but is answered exactly like one: resend that text a
  // moment later, no reconnect. 2203/2204/2205 leave the session open (soft), 2201/2202/2206 end it.
  2201: row('ws_idle_timeout', 'internal_server', true, 'The WebSocket was idle too long and the server closed it'),
  2202: row('ws_illegal_event', 'invalid_params', false, 'Illegal WebSocket event'),
  2203: row('ws_empty_text', 'invalid_params', false, 'Empty text; the task_continue was skipped'),
  2204: row('ws_text_too_long', 'invalid_params', false, 'Text over 10,000 characters; the task_continue was skipped'),
  2205: row('ws_too_much_queued', 'rate_limit', true, 'Too much text queued for synthesis; resend it later'),
  2206: row('ws_illegal_event_order', 'invalid_params', false, 'Illegal WebSocket event order'),
});

/**
 * Looks up a status code; `undefined` for codes MiniMax has not documented.
 *
 * @example
 * ```ts
 * errorCodeInfo(2049)?.category; // 'authentication'
 * ```
 */
export function errorCodeInfo(code: unknown): ErrorCodeInfo | undefined {
  return typeof code === 'number' && Object.hasOwn(ERROR_CODES, code) ? ERROR_CODES[code] : undefined;
}
