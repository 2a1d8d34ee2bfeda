/** The billable retry rule, row by row: only failures that prove the request did no work are safe to send again. */

import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  InsufficientBalanceError,
  InternalServerError,
  InvalidParamsError,
  RateLimitError,
  UsageLimitError,
} from '@minimax-ts/sdk';
import { describe, expect, it } from 'vitest';
import { safeToResend, systemErrorCode } from '../src/errors/safe-to-resend.ts';

const sysError = (code: string) => Object.assign(new Error(code), { code });
const fetchFailed = (code: string) => new TypeError('fetch failed', { cause: sysError(code) });
const native = (code: number, message = 'x') => ({ base_resp: { status_code: code, status_msg: message } });
const compatible = (type: string, message: string) => ({ type: 'error', error: { type, message } });

const rows: Array<[string, APIError, boolean]> = [
  ['HTTP 429', APIError.generate({ status: 429, body: compatible('rate_limit_error', 'slow down (1002)') }), true],
  ['native 1002 (HTTP 200)', APIError.generate({ status: 200, body: native(1002) }), true],
  ['native 1039 TPM', APIError.generate({ status: 200, body: native(1039) }), true],
  ['native 1041 connections', APIError.generate({ status: 200, body: native(1041) }), true],
  ['native 2045 rate growth', APIError.generate({ status: 200, body: native(2045) }), true],
  ['HTTP 500', APIError.generate({ status: 500, body: compatible('api_error', 'boom') }), false],
  ['HTTP 503 HTML page', APIError.generate({ status: 503, body: '<html>bad gateway</html>' }), false],
  ['native 1000 unknown', APIError.generate({ status: 200, body: native(1000) }), false],
  ['native 1001 server timeout', APIError.generate({ status: 200, body: native(1001) }), false],
  [
    'HTTP 500 insufficient balance',
    APIError.generate({ status: 500, body: compatible('api_error', 'insufficient balance (1008)') }),
    false,
  ],
  ['native 1008', APIError.generate({ status: 200, body: native(1008) }), false],
  ['native 2049 invalid key', APIError.generate({ status: 200, body: native(2049) }), false],
  [
    'HTTP 400 invalid params',
    APIError.generate({ status: 400, body: compatible('invalid_request_error', 'bad (2013)') }),
    false,
  ],
  ['connection refused', new APIConnectionError({ cause: fetchFailed('ECONNREFUSED') }), true],
  ['host not found', new APIConnectionError({ cause: fetchFailed('ENOTFOUND') }), true],
  ['connect timeout', new APITimeoutError({ cause: fetchFailed('UND_ERR_CONNECT_TIMEOUT') }), true],
  ['connection reset', new APIConnectionError({ cause: fetchFailed('ECONNRESET') }), false],
  ['socket closed mid-body', new APIConnectionError({ cause: fetchFailed('UND_ERR_SOCKET') }), false],
  ['request timeout', new APITimeoutError({}), false],
  ['no cause', new APIConnectionError({}), false],
  ['user abort', new APIUserAbortError({}), false],
];

describe('safeToResend', () => {
  it.each(rows)('%s → %s', (_name, error, expected) => {
    expect(safeToResend(error)).toBe(expected);
  });

  it('classifies as the sdk does', () => {
    expect(rows[0]?.[1]).toBeInstanceOf(RateLimitError);
    expect(rows[5]?.[1]).toBeInstanceOf(InternalServerError);
    expect(rows[9]?.[1]).toBeInstanceOf(InsufficientBalanceError);
    expect(rows[11]?.[1]).toBeInstanceOf(AuthenticationError);
    expect(rows[12]?.[1]).toBeInstanceOf(InvalidParamsError);
  });

  it('a usage limit (2056) sent as HTTP 429 follows the status, as the sdk does', () => {
    const error = APIError.generate({ status: 429, body: compatible('rate_limit_error', 'usage limit (2056)') });
    expect(error).toBeInstanceOf(UsageLimitError);
    expect(safeToResend(error)).toBe(true);
  });
});

describe('systemErrorCode', () => {
  it('walks the cause chain', () => {
    expect(systemErrorCode(new Error('a', { cause: fetchFailed('EAI_AGAIN') }))).toBe('EAI_AGAIN');
  });

  it('trusts an AggregateError only when every attempt agrees', () => {
    expect(systemErrorCode(new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')]))).toBe(
      'ECONNREFUSED',
    );
    expect(systemErrorCode(new AggregateError([sysError('ECONNREFUSED'), sysError('ETIMEDOUT')]))).toBeUndefined();
  });

  it('stops on cycles', () => {
    const a: { cause?: unknown } = {};
    a.cause = a;
    expect(systemErrorCode(a)).toBeUndefined();
  });
});
