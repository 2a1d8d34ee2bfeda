/**
 * Every error code of `shared/docs/minimax-api-notes.md` (plus 1013, 1028, 1030 and 2061 from
 * `shared/docs/minimax-api-fidelity.md` row 8), through the real HTTP path: the mock's `base_resp_<code>`
 * scenario on the native endpoint (HTTP 200) and on both compatible endpoints (HTTP status + error object), then a
 * fault server that fails once per code and counts requests, to show which codes are retried for a read and for a
 * billable create. The table below is copied from the notes, not from the SDK, so it checks the SDK's mapping.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import {
  type APIError,
  AuthenticationError,
  ContentSensitiveError,
  ERROR_CODES,
  InsufficientBalanceError,
  InternalServerError,
  InvalidParamsError,
  PermissionDeniedError,
  RateLimitError,
  UsageLimitError,
  VoiceCloneError,
} from '../../src/index.ts';
import { answer, baseResp, failTimes, OK } from './fault-server.ts';
import { anthropicParams, BIG_ID, chat, fileJSON, image, PATHS } from './fixtures.ts';
import { timedFailure, useHarness } from './harness.ts';

const h = useHarness();

type Retry = 'retry' | 'backoff' | 'no';
/** code → [class, the notes' "retry?" column: yes | yes, with backoff (a rate limit) | no]. */
const NOTES_TABLE: ReadonlyArray<readonly [number, typeof APIError, Retry]> = [
  [1000, InternalServerError, 'retry'],
  [1001, InternalServerError, 'retry'],
  [1002, RateLimitError, 'backoff'],
  [1004, AuthenticationError, 'no'],
  [1008, InsufficientBalanceError, 'no'],
  [1013, InternalServerError, 'retry'],
  [1024, InternalServerError, 'retry'],
  [1026, ContentSensitiveError, 'no'],
  [1027, ContentSensitiveError, 'no'],
  [1028, UsageLimitError, 'no'],
  [1030, UsageLimitError, 'no'],
  [1033, InternalServerError, 'retry'],
  [1039, RateLimitError, 'backoff'],
  [1041, RateLimitError, 'backoff'],
  [1042, InvalidParamsError, 'no'],
  [1043, VoiceCloneError, 'no'],
  [1044, VoiceCloneError, 'no'],
  [2013, InvalidParamsError, 'no'],
  [20132, InvalidParamsError, 'no'],
  [2037, VoiceCloneError, 'no'],
  [2038, VoiceCloneError, 'no'],
  [2039, VoiceCloneError, 'no'],
  [2042, PermissionDeniedError, 'no'],
  [2045, RateLimitError, 'backoff'],
  [2048, VoiceCloneError, 'no'],
  [2049, AuthenticationError, 'no'],
  [2056, UsageLimitError, 'no'],
  [2061, UsageLimitError, 'no'],
];

/** The speech WebSocket's own codes (2201–2206) never reach an HTTP endpoint: test/realtime covers them. */
const isWebSocketCode = (code: number): boolean => code >= 2201 && code <= 2206;

it('covers the 28 codes of the notes and the fidelity audit, which are exactly the codes the SDK documents', () => {
  expect(NOTES_TABLE).toHaveLength(28);
  const httpCodes = Object.keys(ERROR_CODES)
    .map(Number)
    .filter((code) => !isWebSocketCode(code));
  expect(NOTES_TABLE.map(([code]) => code).sort()).toEqual(httpCodes.sort());
});

const scenario = (code: number) => ({ headers: { Prefer: `scenario=base_resp_${code}` } });

let mockURL = '';
beforeAll(async () => {
  mockURL = (await h.mock()).url;
});

describe.each(NOTES_TABLE)('code %i', (code, ErrorClass) => {
  it(`→ ${ErrorClass.name} on every endpoint flavour, with code and trace id`, async () => {
    const client = h.client(mockURL, { maxRetries: 0 });

    const native = (await timedFailure(() => client.chat.create(chat, scenario(code)))).error as APIError;
    expect(native).toBeInstanceOf(ErrorClass);
    expect(native.code).toBe(code);
    expect(native.status).toBe(200);
    expect(native.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(native.message).toContain(String(code));

    const openai = (await timedFailure(() => client.openai.chat.completions.create(chat, scenario(code))))
      .error as APIError;
    expect(openai).toBeInstanceOf(ErrorClass);
    expect(openai.code).toBe(code);
    expect(openai.status).toBeGreaterThanOrEqual(400);
    expect(openai.traceId).toMatch(/^[0-9a-f]{32}$/);

    const anthropic = (await timedFailure(() => client.anthropic.messages.create(anthropicParams, scenario(code))))
      .error as APIError;
    expect(anthropic).toBeInstanceOf(ErrorClass);
    expect(anthropic.code).toBe(code);
    expect(anthropic.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

// Each case fails once, then answers: the count shows whether the SDK sent the request again. Retries wait the
// SDK's own backoff (≈ 0.4–0.5 s; MiniMax's HTTP-200 errors carry no Retry-After), so the cases run concurrently.
describe.concurrent.each(NOTES_TABLE)('code %i, failing once, counted by the server', (code, ErrorClass, retry) => {
  it(`a read is ${retry === 'no' ? 'not retried' : 'retried'}`, async ({ expect }) => {
    const server = await h.server({ [PATHS.filesRetrieve]: failTimes(1, answer(baseResp(code)), answer(fileJSON())) });
    const call = h.client(server.url).files.retrieve(BIG_ID);
    if (retry === 'no') {
      const { error } = await timedFailure(() => call);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(server.count(PATHS.filesRetrieve)).toBe(1);
    } else {
      expect((await call).file?.file_id).toBe(BIG_ID);
      expect(server.count(PATHS.filesRetrieve)).toBe(2);
    }
  });

  it(`a billable create is ${retry === 'backoff' ? 'retried (a rate limit: it did not run)' : 'not retried'}`, async ({
    expect,
  }) => {
    const imageResult = { ...OK, data: { image_urls: ['https://example.invalid/1.png'] } };
    const server = await h.server({ [PATHS.image]: failTimes(1, answer(baseResp(code)), answer(imageResult)) });
    const call = h.client(server.url).images.generate(image);
    if (retry === 'backoff') {
      expect((await call).data?.image_urls).toHaveLength(1);
      expect(server.count(PATHS.image)).toBe(2);
    } else {
      const { error } = await timedFailure(() => call);
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as APIError).code).toBe(code);
      expect(server.count(PATHS.image)).toBe(1);
    }
  });
});
