import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APIError } from '../src/core/api-error.ts';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../src/core/connection-errors.ts';
import { ERROR_CODES } from '../src/core/error-codes.ts';
import { describeFailure, systemErrorCode } from '../src/internal/describe-failure.ts';
import { parseRetryAfterMs } from '../src/internal/retry-after.ts';
import {
  MAX_RETRY_AFTER_MS,
  type RetryFailure,
  type RetryReason,
  retryDelayMs,
  shouldRetry,
} from '../src/internal/retry-policy.ts';
import { closedPort } from './closed-port.ts';

const response = (status: number, code?: number | string, message?: string): RetryFailure => ({
  kind: 'response',
  status,
  code,
  message,
});

// [description, billable, failure, retry?, reason]
const CASES: [string, boolean, RetryFailure, boolean, RetryReason][] = [
  // Reads and polls
  ['read: connection reset', false, { kind: 'connection', code: 'ECONNRESET' }, true, 'connection-error'],
  ['read: unknown connection error', false, { kind: 'connection' }, true, 'connection-error'],
  ['read: timeout after sending', false, { kind: 'timeout', bodySent: true }, true, 'timeout'],
  ['read: connection refused', false, { kind: 'connection', code: 'ECONNREFUSED' }, true, 'not-sent'],
  ['read: 408', false, response(408), true, 'retryable-status'],
  ['read: 409', false, response(409), true, 'retryable-status'],
  ['read: 429', false, response(429), true, 'rate-limited'],
  ['read: 500', false, response(500), true, 'retryable-status'],
  ['read: 503', false, response(503), true, 'retryable-status'],
  ['read: 400', false, response(400), false, 'not-retryable'],
  ['read: 401', false, response(401), false, 'not-retryable'],
  ['read: 404', false, response(404), false, 'not-retryable'],
  ['read: 200 + 1000', false, response(200, 1000), true, 'retryable-code'],
  ['read: 200 + 1001', false, response(200, 1001), true, 'retryable-code'],
  ['read: 200 + 1024', false, response(200, 1024), true, 'retryable-code'],
  ['read: 200 + 1033', false, response(200, 1033), true, 'retryable-code'],
  ['read: 200 + 1002', false, response(200, 1002), true, 'rate-limited'],
  ['read: 200 + 2045', false, response(200, 2045), true, 'rate-limited'],
  ['read: 200 + 2013', false, response(200, 2013), false, 'not-retryable'],
  ['read: 200 + 2049', false, response(200, 2049), false, 'not-retryable'],
  ['read: 200 + unknown code', false, response(200, 9999), false, 'not-retryable'],
  ['read: 500 + 1008', false, response(500, 1008), false, 'insufficient-balance'],
  [
    'read: 500 api_error insufficient balance',
    false,
    response(500, 'api_error', 'insufficient balance (1008)'),
    false,
    'insufficient-balance',
  ],
  ['read: 500 + 2049 (code wins over status)', false, response(500, 2049), false, 'not-retryable'],
  ['read: aborted', false, { kind: 'abort' }, false, 'aborted'],
  ['read: other error', false, { kind: 'other' }, false, 'not-retryable'],
  // Billable creates
  ['create: connection refused', true, { kind: 'connection', code: 'ECONNREFUSED' }, true, 'not-sent'],
  ['create: DNS failure', true, { kind: 'connection', code: 'ENOTFOUND' }, true, 'not-sent'],
  ['create: connect timeout', true, { kind: 'timeout', code: 'UND_ERR_CONNECT_TIMEOUT' }, true, 'not-sent'],
  ['create: asserted not sent', true, { kind: 'connection', bodySent: false }, true, 'not-sent'],
  [
    'create: refused but body sent (contradiction)',
    true,
    { kind: 'connection', code: 'ECONNREFUSED', bodySent: true },
    false,
    'billable-may-have-run',
  ],
  ['create: connection reset', true, { kind: 'connection', code: 'ECONNRESET' }, false, 'billable-may-have-run'],
  ['create: unknown connection error', true, { kind: 'connection' }, false, 'billable-may-have-run'],
  ['create: timeout after sending', true, { kind: 'timeout', bodySent: true }, false, 'billable-may-have-run'],
  ['create: timeout, unknown', true, { kind: 'timeout' }, false, 'billable-may-have-run'],
  ['create: 429', true, response(429), true, 'rate-limited'],
  ['create: 429 with code', true, response(429, 'rate_limit_error'), true, 'rate-limited'],
  ['create: 200 + 1002', true, response(200, 1002), true, 'rate-limited'],
  ['create: 200 + 1039', true, response(200, 1039), true, 'rate-limited'],
  ['create: 200 + 1041', true, response(200, 1041), true, 'rate-limited'],
  ['create: 200 + 2045', true, response(200, 2045), true, 'rate-limited'],
  ['create: 200 + 1000', true, response(200, 1000), false, 'billable-may-have-run'],
  ['create: 200 + 1001', true, response(200, 1001), false, 'billable-may-have-run'],
  ['create: 200 + 1024', true, response(200, 1024), false, 'billable-may-have-run'],
  ['create: 200 + 1033', true, response(200, 1033), false, 'billable-may-have-run'],
  ['create: 500', true, response(500), false, 'billable-may-have-run'],
  ['create: 502', true, response(502), false, 'billable-may-have-run'],
  ['create: 408', true, response(408), false, 'billable-may-have-run'],
  [
    'create: 500 insufficient balance',
    true,
    response(500, 'api_error', 'insufficient balance (1008)'),
    false,
    'insufficient-balance',
  ],
  [
    'create: 429 insufficient balance',
    true,
    response(429, 1008, 'insufficient balance (1008)'),
    false,
    'insufficient-balance',
  ],
  ['create: 200 + 1008', true, response(200, 1008), false, 'insufficient-balance'],
  ['create: 400', true, response(400), false, 'billable-may-have-run'],
  ['create: aborted', true, { kind: 'abort' }, false, 'aborted'],
  // The V2 / OaiError family (Video V2, speech-to-text): real statuses, the code from the message suffix, else the type
  ['V2 read: 429 rate_limit_error (1002)', false, response(429, 1002), true, 'rate-limited'],
  ['V2 read: 500 server_error (1000)', false, response(500, 1000), true, 'retryable-code'],
  ['V2 read: 529 overloaded_error', false, response(529, 'overloaded_error'), true, 'retryable-status'],
  ['V2 read: 400 bad_request_error (2013)', false, response(400, 2013), false, 'not-retryable'],
  ['V2 read: 401 authorized_error (1004)', false, response(401, 1004), false, 'not-retryable'],
  ['V2 read: 402 insufficient_balance_error (1008)', false, response(402, 1008), false, 'insufficient-balance'],
  ['V2 read: 413 invalid_request_error', false, response(413, 'invalid_request_error'), false, 'not-retryable'],
  ['V2 read: 422 unprocessable_entity_error (1026)', false, response(422, 1026), false, 'not-retryable'],
  ['V2 create: 429 rate_limit_error (1002)', true, response(429, 1002), true, 'rate-limited'],
  ['V2 create: 429 without a code', true, response(429, 'rate_limit_error'), true, 'rate-limited'],
  ['V2 create: 529 overloaded_error', true, response(529, 'overloaded_error'), false, 'billable-may-have-run'],
  ['V2 create: 500 server_error (1000)', true, response(500, 1000), false, 'billable-may-have-run'],
  ['V2 create: 402 insufficient_balance_error', true, response(402, 1008), false, 'insufficient-balance'],
  ['V2 create: 422 sensitive content (1026)', true, response(422, 1026), false, 'billable-may-have-run'],
  ['V2 create: connection refused', true, { kind: 'connection', code: 'ECONNREFUSED' }, true, 'not-sent'],
  ['V2 create: connection reset', true, { kind: 'connection', code: 'ECONNRESET' }, false, 'billable-may-have-run'],
];

describe('shouldRetry', () => {
  it.each(CASES)('%s', (_name, billable, failure, retry, reason) => {
    expect(shouldRetry({ attempt: 0, maxRetries: 2, billable, failure })).toEqual({ retry, reason });
  });

  it('stops at maxRetries', () => {
    const failure = response(200, 1002);
    expect(shouldRetry({ attempt: 1, maxRetries: 2, billable: false, failure }).retry).toBe(true);
    expect(shouldRetry({ attempt: 2, maxRetries: 2, billable: false, failure })).toEqual({
      retry: false,
      reason: 'max-retries',
    });
    expect(shouldRetry({ attempt: 0, maxRetries: 0, billable: false, failure })).toEqual({
      retry: false,
      reason: 'max-retries',
    });
  });

  it('retries every retryable documented code on reads, and only rate limits on creates', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      const failure = response(200, Number(code));
      expect(shouldRetry({ attempt: 0, maxRetries: 2, billable: false, failure }).retry).toBe(info.retryable);
      expect(shouldRetry({ attempt: 0, maxRetries: 2, billable: true, failure }).retry).toBe(
        info.category === 'rate_limit',
      );
    }
  });

  it('never retries a billable create after bytes were sent unless it got a rate-limit answer (property)', () => {
    const codes = [...Object.keys(ERROR_CODES).map(Number), 0, 9999];
    const failure = fc.oneof(
      fc.record({
        kind: fc.constant('response' as const),
        status: fc.oneof(
          fc.constantFrom(200, 400, 401, 408, 409, 429, 500, 502, 503, 504),
          fc.integer({ min: 100, max: 599 }),
        ),
        code: fc.option(fc.oneof(fc.constantFrom(...codes), fc.constantFrom('api_error', 'rate_limit_error')), {
          nil: undefined,
        }),
        message: fc.option(fc.oneof(fc.string(), fc.constant('insufficient balance (1008)')), { nil: undefined }),
      }),
      fc.record({
        kind: fc.constantFrom('connection' as const, 'timeout' as const),
        code: fc.option(fc.constantFrom('ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'ENOTFOUND'), {
          nil: undefined,
        }),
        bodySent: fc.constant(true),
      }),
    );
    fc.assert(
      fc.property(failure, fc.nat(5), fc.nat(5), (f, attempt, maxRetries) => {
        const decision = shouldRetry({ attempt, maxRetries, billable: true, failure: f });
        if (!decision.retry) return;
        const rateLimited =
          f.kind === 'response' && (f.status === 429 || ERROR_CODES[Number(f.code)]?.category === 'rate_limit');
        const broke = f.kind === 'response' && (f.code === 1008 || /insufficient balance/i.test(f.message ?? ''));
        expect(rateLimited && !broke).toBe(true);
        expect(decision.reason).toBe('rate-limited');
        expect(attempt).toBeLessThan(maxRetries);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially from 0.5 s to 8 s', () => {
    const delays = [0, 1, 2, 3, 4, 5, 10, 100].map((attempt) => retryDelayMs({ attempt, random: () => 0 }));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
  });

  it('jitters down by at most 25%', () => {
    expect(retryDelayMs({ attempt: 0, random: () => 0.999999 })).toBeCloseTo(375, 0);
    fc.assert(
      fc.property(fc.nat(20), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = retryDelayMs({ attempt, random: () => r });
        const base = Math.min(500 * 2 ** attempt, 8000);
        expect(delay).toBeGreaterThan(base * 0.75 - 1e-9);
        expect(delay).toBeLessThanOrEqual(base);
      }),
    );
  });

  it.each([
    [{ retryAfterMsHeader: '250' }, 250],
    [{ retryAfterMsHeader: '250', retryAfterHeader: '9' }, 250],
    [{ retryAfterHeader: '2' }, 2000],
    [{ retryAfterHeader: '0' }, 0],
    [{ retryAfterHeader: '1.5' }, 1500],
    [{ retryAfterHeader: '120' }, MAX_RETRY_AFTER_MS],
    [{ retryAfterMsHeader: '90000' }, MAX_RETRY_AFTER_MS],
    [{ retryAfterHeader: 'Wed, 01 Jan 2025 00:00:05 GMT', now: Date.UTC(2025, 0, 1) }, 5000],
    [{ retryAfterHeader: 'Wed, 01 Jan 2025 00:00:05 GMT', now: Date.UTC(2025, 0, 2) }, 0],
  ])('honours the server hint %j → %i ms', (headers, expected) => {
    expect(retryDelayMs({ attempt: 3, random: () => 0, ...headers })).toBe(expected);
  });

  it.each([
    { retryAfterHeader: 'soon' },
    { retryAfterHeader: '-5' },
    { retryAfterMsHeader: 'abc' },
    { retryAfterHeader: '' },
  ])('falls back to backoff on a malformed hint %j', (headers) => {
    expect(retryDelayMs({ attempt: 1, random: () => 0, ...headers })).toBe(1000);
  });

  it('parseRetryAfterMs returns undefined without a hint', () => {
    expect(parseRetryAfterMs({})).toBeUndefined();
    expect(parseRetryAfterMs({ retryAfterHeader: null, retryAfterMsHeader: null })).toBeUndefined();
  });
});

describe('describeFailure', () => {
  const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
  const systemError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

  it('reads the system error code from a fetch TypeError', () => {
    expect(describeFailure(fetchFailed(systemError('ECONNREFUSED')))).toEqual({
      kind: 'connection',
      code: 'ECONNREFUSED',
    });
  });

  it('reads a code all attempts of an AggregateError agree on, and only then', () => {
    const same = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')]);
    expect(systemErrorCode(fetchFailed(same))).toBe('ECONNREFUSED');
    const mixed = new AggregateError([systemError('ECONNREFUSED'), systemError('ETIMEDOUT')]);
    expect(systemErrorCode(fetchFailed(mixed))).toBeUndefined();
  });

  it('classifies SDK errors and DOM exceptions', () => {
    expect(describeFailure(new APIUserAbortError())).toEqual({ kind: 'abort' });
    expect(describeFailure(new DOMException('aborted', 'AbortError'))).toEqual({ kind: 'abort' });
    expect(describeFailure(new DOMException('timed out', 'TimeoutError'))).toEqual({
      kind: 'timeout',
      code: undefined,
    });
    expect(describeFailure(new APITimeoutError())).toEqual({ kind: 'timeout', code: undefined });
    expect(describeFailure(new APIConnectionError({ cause: systemError('ECONNRESET') }))).toEqual({
      kind: 'connection',
      code: 'ECONNRESET',
    });
    const rateLimited = APIError.generate({
      status: 200,
      body: { base_resp: { status_code: 1002, status_msg: 'rate limit' } },
    });
    expect(describeFailure(rateLimited)).toEqual({ kind: 'response', status: 200, code: 1002, message: 'rate limit' });
    expect(describeFailure(new RangeError('bug'))).toEqual({ kind: 'other' });
    expect(describeFailure('string')).toEqual({ kind: 'other' });
  });

  it('recognises a real refused connection from fetch, which a billable create may retry', async () => {
    const port = await closedPort();
    const error = await fetch(`http://127.0.0.1:${port}/v1/video_generation`, { method: 'POST', body: '{}' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    const failure = describeFailure(error);
    expect(failure).toEqual({ kind: 'connection', code: 'ECONNREFUSED' });
    expect(shouldRetry({ attempt: 0, maxRetries: 2, billable: true, failure })).toEqual({
      retry: true,
      reason: 'not-sent',
    });
  });
});
