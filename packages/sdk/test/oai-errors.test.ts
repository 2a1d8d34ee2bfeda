/**
 * The V2 / OaiError family (Video V2, speech-to-text) through `APIError.generate`, with the documented bodies copied
 * from the reference (`components.responses.Err*` of docs video-generation-v2-create; China speech-to-text): class,
 * status, `code` from the message suffix (else the type), `type`, `serverMessage`, `requestId` from the body, and
 * `http_code` (a string) read as the status the server meant.
 */
import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  ContentSensitiveError,
  InsufficientBalanceError,
  InternalServerError,
  InvalidParamsError,
  RateLimitError,
} from '../src/index.ts';
import { describeFailure } from '../src/internal/describe-failure.ts';
import { shouldRetry } from '../src/internal/retry-policy.ts';

const REQUEST_ID = '021785229015510a2c883cf675b9804d';
const body = (type: string, message: string, status: number) => ({
  type: 'error',
  error: { type, message, http_code: String(status) },
  request_id: REQUEST_ID,
});

// [status, error.type, message, class, code]
const DOCUMENTED: Array<[number, string, string, typeof APIError, number | string]> = [
  [
    400,
    'bad_request_error',
    'invalid params, content must include a non-empty text item (prompt is required) (2013)',
    InvalidParamsError,
    2013,
  ],
  [
    401,
    'authorized_error',
    "login fail: Please carry the API secret key in the 'Authorization' field of the request header (1004)",
    AuthenticationError,
    1004,
  ],
  [402, 'insufficient_balance_error', 'insufficient balance (1008)', InsufficientBalanceError, 1008],
  [
    413,
    'invalid_request_error',
    'request body too large: 88200078 bytes exceeds limit of 52428800 bytes',
    InvalidParamsError,
    'invalid_request_error',
  ],
  [
    422,
    'unprocessable_entity_error',
    'video description contains sensitive content (1026)',
    ContentSensitiveError,
    1026,
  ],
  [422, 'unprocessable_entity_error', 'audio content contains sensitive content (1026)', ContentSensitiveError, 1026],
  [429, 'rate_limit_error', 'rate limit, please retry later (1002)', RateLimitError, 1002],
  [500, 'server_error', 'internal error (1000)', InternalServerError, 1000],
  [529, 'overloaded_error', 'service overloaded, please retry later', InternalServerError, 'overloaded_error'],
];

describe('APIError.generate: the V2 / OaiError family', () => {
  it.each(DOCUMENTED)('HTTP %i %s → class, code, type, requestId', (status, type, message, cls, code) => {
    const error = APIError.generate({ status, body: body(type, message, status), url: 'https://api.minimax.io/v2/x' });
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({ status, code, type, serverMessage: message, requestId: REQUEST_ID });
  });

  it('reads http_code (a string) when the response itself said 200', () => {
    const error = APIError.generate({ status: 200, body: body('whatever_error', 'slow down', 429) });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(200);
  });

  it('a 422 without its code is still sensitive content when it says so; otherwise invalid parameters', () => {
    expect(
      APIError.generate({ status: 422, body: body('unprocessable_entity_error', 'input sensitive', 422) }),
    ).toBeInstanceOf(ContentSensitiveError);
    expect(
      APIError.generate({ status: 422, body: body('unprocessable_entity_error', 'bad shape', 422) }),
    ).toBeInstanceOf(InvalidParamsError);
  });

  it('retries as the policy table says: 429 always, 529 and 500 only when nothing is billed', () => {
    const decide = (status: number, type: string, message: string, billable: boolean) =>
      shouldRetry({
        attempt: 0,
        maxRetries: 2,
        billable,
        failure: describeFailure(APIError.generate({ status, body: body(type, message, status) })),
      });
    expect(decide(429, 'rate_limit_error', 'rate limit, please retry later (1002)', true)).toEqual({
      retry: true,
      reason: 'rate-limited',
    });
    expect(decide(529, 'overloaded_error', 'overloaded', true).retry).toBe(false);
    expect(decide(529, 'overloaded_error', 'overloaded', false).retry).toBe(true);
    expect(decide(500, 'server_error', 'internal error (1000)', true).retry).toBe(false);
    expect(decide(500, 'server_error', 'internal error (1000)', false).retry).toBe(true);
    expect(decide(402, 'insufficient_balance_error', 'insufficient balance (1008)', false)).toEqual({
      retry: false,
      reason: 'insufficient-balance',
    });
  });
});
