import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  ContentSensitiveError,
  ERROR_CODES,
  errorCodeInfo,
  InsufficientBalanceError,
  InternalServerError,
  InvalidParamsError,
  MiniMaxError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UsageLimitError,
  VoiceCloneError,
} from '../src/core/errors.ts';

type ErrorClass = typeof APIError;

// Written from the error-code table in docs/minimax-api-notes.md (plus 1013 from the per-endpoint code lists and
// 1028 / 1030 / 2061 from the official CLI, ../shared/docs/minimax-api-fidelity.md row 8), independently of ERROR_CODES.
const CODE_TABLE: [code: number, cls: ErrorClass, retryable: boolean][] = [
  [1000, InternalServerError, true],
  [1001, InternalServerError, true],
  [1002, RateLimitError, true],
  [1004, AuthenticationError, false],
  [1008, InsufficientBalanceError, false],
  [1013, InternalServerError, true],
  [1024, InternalServerError, true],
  [1026, ContentSensitiveError, false],
  [1027, ContentSensitiveError, false],
  [1028, UsageLimitError, false],
  [1030, UsageLimitError, false],
  [1033, InternalServerError, true],
  [1039, RateLimitError, true],
  [1041, RateLimitError, true],
  [1042, InvalidParamsError, false],
  [1043, VoiceCloneError, false],
  [1044, VoiceCloneError, false],
  [2013, InvalidParamsError, false],
  [20132, InvalidParamsError, false],
  [2037, VoiceCloneError, false],
  [2038, VoiceCloneError, false],
  [2039, VoiceCloneError, false],
  [2042, PermissionDeniedError, false],
  [2045, RateLimitError, true],
  [2048, VoiceCloneError, false],
  [2049, AuthenticationError, false],
  [2056, UsageLimitError, false],
  [2061, UsageLimitError, false],
  // Speech WebSocket codes (speech-t2a-websocket and -bidi pages): 2205 "resend later" behaves as a rate limit.
  [2201, InternalServerError, true],
  [2202, InvalidParamsError, false],
  [2203, InvalidParamsError, false],
  [2204, InvalidParamsError, false],
  [2205, RateLimitError, true],
  [2206, InvalidParamsError, false],
];

const nativeFailure = (code: number, msg = 'server says no') => ({ base_resp: { status_code: code, status_msg: msg } });

describe('ERROR_CODES', () => {
  it('has exactly the documented codes', () => {
    expect(Object.keys(ERROR_CODES).map(Number).sort()).toEqual(CODE_TABLE.map(([code]) => code).sort());
  });

  it.each(CODE_TABLE)('code %i → %o (retryable: %s)', (code, cls, retryable) => {
    const info = errorCodeInfo(code)!;
    expect(info.retryable).toBe(retryable);
    expect(info.name).toMatch(/^[a-z0-9_]+$/);
    expect(info.meaning.length).toBeGreaterThan(5);
    const error = APIError.generate({
      status: 200,
      body: nativeFailure(code),
      method: 'POST',
      url: 'https://api.minimax.io/v1/x',
    });
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(MiniMaxError);
    expect(error.constructor).toBe(cls);
    expect(error.name).toBe(cls.name);
    expect(error.code).toBe(code);
    expect(error.status).toBe(200);
    expect(error.serverMessage).toBe('server says no');
    expect(error.message).toContain(`${code} server says no`);
    expect(error.message).toContain('HTTP 200');
  });

  it('falls back to the documented meaning when the server message is empty', () => {
    expect(APIError.generate({ status: 200, body: nativeFailure(1008, '') }).message).toContain(
      'Insufficient account balance',
    );
  });

  it('gives an unknown non-zero code a generic APIError', () => {
    const error = APIError.generate({ status: 200, body: nativeFailure(9999) });
    expect(error.constructor).toBe(APIError);
    expect(error.code).toBe(9999);
    expect(errorCodeInfo(9999)).toBeUndefined();
    expect(errorCodeInfo('1002')).toBeUndefined();
  });
});

describe('APIError.generate: HTTP statuses and compatible bodies', () => {
  it.each([
    [400, InvalidParamsError],
    [401, AuthenticationError],
    [402, InsufficientBalanceError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [413, InvalidParamsError],
    [422, InvalidParamsError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [529, InternalServerError],
    [409, APIError],
    [418, APIError],
  ] as [number, ErrorClass][])('HTTP %i → %o', (status, cls) => {
    const error = APIError.generate({ status, body: undefined });
    expect(error.constructor).toBe(cls);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`${status} status code (no body)`);
  });

  it('maps the Anthropic endpoint HTTP 500 "insufficient balance" to InsufficientBalanceError', () => {
    const body = {
      type: 'error',
      error: { type: 'api_error', message: 'insufficient balance (1008)' },
      request_id: '05997465cd2ee4bd50b24b216c911b75',
    };
    const error = APIError.generate({
      status: 500,
      body,
      method: 'POST',
      url: 'https://api.minimax.io/anthropic/v1/messages',
    });
    expect(error).toBeInstanceOf(InsufficientBalanceError);
    expect(error.code).toBe(1008);
    expect(error.type).toBe('api_error');
    expect(error.requestId).toBe('05997465cd2ee4bd50b24b216c911b75');
    expect(error.message).toBe('1008 insufficient balance (1008) (POST /anthropic/v1/messages, HTTP 500)');
  });

  it('recognises insufficient balance by message even without a code', () => {
    const body = { type: 'error', error: { type: 'api_error', message: 'Insufficient balance' } };
    expect(APIError.generate({ status: 500, body })).toBeInstanceOf(InsufficientBalanceError);
  });

  it('reads the MiniMax code from the end of a compatible error message', () => {
    const body = {
      type: 'error',
      error: {
        type: 'bad_request_error',
        message: 'invalid params, chat content has invalid message role: system (2013)',
        http_code: '400',
      },
    };
    const error = APIError.generate({ status: 400, body });
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(error.code).toBe(2013);
  });

  it('uses the error type as the code when the message carries none', () => {
    const body = {
      type: 'error',
      error: { type: 'authentication_error', message: 'invalid api key' },
      request_id: 'r1',
    };
    const error = APIError.generate({
      status: 401,
      body,
      method: 'POST',
      url: 'https://api.minimaxi.com/anthropic/v1/messages',
    });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('authentication_error');
    expect(error.message).toMatch(
      /^401 authentication_error: invalid api key \(POST \/anthropic\/v1\/messages\)\. Hint: /,
    );
  });

  it('maps OpenAI-style bodies ({error: {message, type, code: null}})', () => {
    const body = {
      error: {
        message: 'invalid params, invalid chat setting (2013)',
        type: 'bad_request_error',
        param: '',
        code: null,
      },
    };
    const error = APIError.generate({ status: 400, body });
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(error.code).toBe(2013);
  });

  it('maps error events inside a 200 stream by their type, keeping the partial text', () => {
    const body = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    const error = APIError.generate({ status: 200, body, partialText: 'Hello, wor' });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.partialText).toBe('Hello, wor');
    expect(error.toJSON().partialText).toBe('Hello, wor');
  });

  it('keeps a non-JSON body as text, truncated', () => {
    const error = APIError.generate({ status: 502, body: `<html>${'x'.repeat(2000)}</html>` });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.serverMessage.length).toBeLessThanOrEqual(501);
    expect(error.message.startsWith('502 <html>')).toBe(true);
  });
});

describe('APIError: what it carries', () => {
  const secretHeaders = {
    Authorization: 'Bearer sk-api-SECRET0123456789abcdef',
    'X-Api-Key': 'sk-api-SECRET0123456789abcdef',
    Cookie: 'session=SECRET',
    'Trace-Id': '0459aabbcc',
    'Content-Type': 'application/json',
  };

  const make = () =>
    APIError.generate({
      status: 200,
      body: nativeFailure(2049, 'invalid api key'),
      headers: new Headers(secretHeaders),
      method: 'get',
      url: 'https://api.minimax.io/v1/get_voice?GroupId=SECRET_GROUP&voice_type=all',
    });

  it('puts the code, method, path and trace id in the message, never the query string', () => {
    const error = make();
    expect(error.message).toContain('2049 invalid api key (GET /v1/get_voice, HTTP 200, trace id 0459aabbcc)');
    expect(error.message).not.toContain('SECRET_GROUP');
    expect(error.path).toBe('/v1/get_voice');
    expect(error.method).toBe('GET');
    expect(error.traceId).toBe('0459aabbcc');
  });

  it('copies headers into a plain object without credential headers', () => {
    const error = make();
    expect(error.headers).toEqual({ 'trace-id': '0459aabbcc', 'content-type': 'application/json' });
    const fromRecord = APIError.generate({ status: 401, headers: secretHeaders });
    expect(Object.keys(fromRecord.headers).sort()).toEqual(['content-type', 'trace-id']);
  });

  it('never prints credentials through inspect, toJSON or JSON.stringify', () => {
    const error = APIError.generate({
      status: 401,
      body: {
        type: 'error',
        error: { type: 'authentication_error', message: 'bad header Bearer sk-api-SECRET0123456789abcdef' },
      },
      headers: secretHeaders,
      cause: new Error('wrapped'),
    });
    for (const text of [
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      String(error),
      error.stack ?? '',
    ]) {
      expect(text).not.toContain('SECRET');
    }
    expect(inspect(error)).toContain('0459aabbcc');
    expect(inspect(error)).toContain('wrapped');
    expect(error.serverMessage).toBe('bad header [redacted]');
  });

  it('reads the trace id from the body when the header is missing (speech)', () => {
    const error = APIError.generate({ status: 200, body: { ...nativeFailure(1026), trace_id: 'body-trace' } });
    expect(error.traceId).toBe('body-trace');
  });

  it('keeps the cause', () => {
    const cause = new Error('root');
    expect(APIError.generate({ status: 500, cause }).cause).toBe(cause);
  });

  const CN_HOSTS = "https://api.minimax.cn, https://api.minimaxi.com, https://api-bj.minimaxi.com (region 'cn')";
  const GLOBAL_HOSTS = "https://api.minimax.io, https://api-uw.minimax.io (region 'global')";
  it.each([
    [
      'https://api.minimax.io/v1/t2a_v2',
      'went to a global host (api.minimax.io)',
      `a China key works only on ${CN_HOSTS}`,
    ],
    ['https://api-uw.minimax.io/v1/t2a_v2', 'went to a global host (api-uw.minimax.io)', CN_HOSTS],
    [
      'https://API.MINIMAX.CN/v1/t2a_v2',
      'went to a cn host (api.minimax.cn)',
      `global) key works only on ${GLOBAL_HOSTS}`,
    ],
    ['https://api.minimaxi.com/v1/t2a_v2', 'went to a cn host (api.minimaxi.com)', GLOBAL_HOSTS],
    ['https://api-bj.minimaxi.com/v1/t2a_v2', 'went to a cn host (api-bj.minimaxi.com)', GLOBAL_HOSTS],
    ['https://api.minimax.chat/v1/t2a_v2', 'went to a cn host (api.minimax.chat)', GLOBAL_HOSTS],
    ['http://localhost:4010/v1/t2a_v2', `global keys work on ${GLOBAL_HOSTS}`, `China keys on ${CN_HOSTS}`],
  ])('hints at the region mismatch on authentication errors (%s)', (url, where, hosts) => {
    const error = APIError.generate({ status: 200, body: nativeFailure(2049, 'invalid api key'), url });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.hint).toMatch(/^this key may belong to the other region: /);
    expect(error.hint).toContain(where);
    expect(error.hint).toContain(hosts);
    expect(error.message).toContain(`Hint: ${error.hint}`);
  });

  it('hints on a V2 401 authorized_error too', () => {
    const body = {
      type: 'error',
      error: { type: 'authorized_error', message: 'invalid api key (2049)', http_code: '401' },
      request_id: '021785229015510a2c883cf675b9804d',
    };
    const error = APIError.generate({ status: 401, body, url: 'https://api.minimax.cn/v2/video_generation' });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.hint).toContain(GLOBAL_HOSTS);
    expect(error.requestId).toBe('021785229015510a2c883cf675b9804d');
  });

  it('gives no hint to other errors', () => {
    expect(APIError.generate({ status: 200, body: nativeFailure(1002) }).hint).toBeUndefined();
  });

  it('exposes the server retry hint on RateLimitError', () => {
    const error = APIError.generate({ status: 429, headers: { 'Retry-After': '3' } }) as RateLimitError;
    expect(error.retryAfterMs).toBe(3000);
    expect(error.toJSON().retryAfterMs).toBe(3000);
    const ms = APIError.generate({ status: 429, headers: new Headers({ 'retry-after-ms': '150' }) }) as RateLimitError;
    expect(ms.retryAfterMs).toBe(150);
    expect(
      (APIError.generate({ status: 200, body: nativeFailure(1002) }) as RateLimitError).retryAfterMs,
    ).toBeUndefined();
  });
});
