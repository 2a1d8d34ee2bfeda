/** Every documented scenario, over HTTP, against native and compatible endpoints. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compatStatus } from '../src/error-bodies.ts';
import type { MockServer } from '../src/index.ts';
import { BASE_RESP_ALIASES } from '../src/scenarios.ts';
import {
  ANTHROPIC,
  CHAT,
  describeErrors,
  INDEX,
  OPENAI,
  parseSse,
  post,
  requestExample,
  responseValidator,
  SPEECH,
  sleep,
  start,
} from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await start();
});
afterAll(() => mock.close());

// biome-ignore lint/suspicious/noExplicitAny: poking at parsed test JSON
type Json = Record<string, any>;

/** The error type the spec documents for a compatible endpoint's status, else the mock's default for the code. */
function errorType(path: string, status: number, fallback: string): string {
  const example = INDEX.exampleFor(INDEX.find('post', path)!, status) as { error?: { type?: string } } | undefined;
  return example?.error?.type ?? fallback;
}

function call(
  path: string,
  scenario: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return post(
    mock,
    path,
    { ...requestExample('post', path), ...extra },
    { Prefer: `scenario=${scenario}`, ...headers },
  );
}

describe('base_resp errors on native endpoints: HTTP 200 + base_resp', () => {
  const named = [
    ...Object.entries(BASE_RESP_ALIASES),
    ...INDEX.errorCodes.filter((c) => c.name).map((c) => [c.name!, c.code] as const),
  ];
  it.each(named)('%s → %i', async (name, code) => {
    const res = await call(CHAT, name);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-mock-scenario')).toBe(name);
    const body = (await res.json()) as Json;
    expect(body.base_resp.status_code).toBe(code);
    expect(body.base_resp.status_msg).toBeTruthy();
  });

  it('base_resp_<code> answers any code', async () => {
    const body = (await (await call(CHAT, 'base_resp_20132')).json()) as Json;
    expect(body.base_resp.status_code).toBe(20132);
  });

  it('a rate-limited stream is answered with JSON, not SSE', async () => {
    const res = await call(SPEECH, 'rate_limit', { stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as Json).base_resp.status_code).toBe(1002);
  });
});

describe('base_resp errors on compatible endpoints: HTTP status + {type: "error"}', () => {
  const cases = [OPENAI, ANTHROPIC].flatMap((path) =>
    (
      ['rate_limit', 'tpm', 'auth', 'invalid_key', 'balance', 'sensitive', 'invalid_params', 'system_error'] as const
    ).map((name) => [path, name] as const),
  );
  it.each(cases)('%s %s', async (path, name) => {
    const code = BASE_RESP_ALIASES[name]!;
    const res = await call(path, name);
    const expected = compatStatus(code);
    expect(res.status).toBe(expected.status);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ type: 'error', error: { type: errorType(path, res.status, expected.type) } });
    expect(body.error.message).toContain(`(${code})`);
    const validate = responseValidator(path, 'post', String(res.status), 'application/json');
    if (validate) expect(validate(body), describeErrors(validate)).toBe(true);
  });
});

describe('gateway failures', () => {
  it('http_429 answers 429 with Retry-After (default 1 s, or retry_after=N)', async () => {
    const res = await call(CHAT, 'http_429');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as Json).base_resp.status_code).toBe(1002);
    const custom = await post(mock, OPENAI, requestExample('post', OPENAI), {
      Prefer: 'scenario=http_429, retry_after=7',
    });
    expect(custom.status).toBe(429);
    expect(custom.headers.get('retry-after')).toBe('7');
    expect(((await custom.json()) as Json).error.type).toBe(errorType(OPENAI, 429, 'rate_limit_error'));
  });

  it.each([500, 502, 503])('http_%i answers an HTML page', async (status) => {
    const res = await call(CHAT, `http_${status}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain(`<title>${status}`);
  });

  it('connection_reset drops the connection without an answer', async () => {
    await expect(call(CHAT, 'connection_reset')).rejects.toThrow();
  });

  it('slow_headers holds the response headers for wait=ms', async () => {
    const started = Date.now();
    const res = await post(mock, CHAT, requestExample('post', CHAT), { Prefer: 'scenario=slow_headers, wait=300' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).base_resp.status_code).toBe(0);
  });
});

describe('stream faults', () => {
  it('stream_cut ends the connection in the middle of an event', async () => {
    const res = await call(CHAT, 'stream_cut', { stream: true });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('stream_cut on a JSON answer truncates the body', async () => {
    const res = await call(CHAT, 'stream_cut');
    await expect(res.text()).rejects.toThrow();
  });

  it('stream_stall sends the first events, then nothing (until the client gives up)', async () => {
    const controller = new AbortController();
    const res = await call(CHAT, 'stream_stall', { stream: true }, {});
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const next = await Promise.race([reader.read().then(() => 'data'), sleep(300).then(() => 'silence')]);
    expect(next).toBe('silence');
    controller.abort();
    await reader.cancel();
  });

  it('stream_stall with wait=ms resumes and completes', async () => {
    const res = await post(
      mock,
      CHAT,
      { ...requestExample('post', CHAT), stream: true },
      {
        Prefer: 'scenario=stream_stall, wait=150',
      },
    );
    const frames = parseSse(await res.text());
    expect(frames.at(-1)!.data).not.toBe('');
  });

  it('stream_error sends an error inside the 200 stream, in each flavour', async () => {
    const native = parseSse(await (await call(CHAT, 'stream_error', { stream: true })).text());
    expect((JSON.parse(native.at(-1)!.data) as Json).base_resp.status_code).toBe(1027);
    const anthropic = parseSse(await (await call(ANTHROPIC, 'stream_error', { stream: true })).text());
    expect(anthropic.at(-1)!.event).toBe('error');
    const openai = parseSse(await (await call(OPENAI, 'stream_error', { stream: true })).text());
    expect((JSON.parse(openai.at(-1)!.data) as Json).error.type).toBe('api_error');
  });
});

describe('one-shot scenarios', () => {
  it('<name>_once fails once per session, then succeeds', async () => {
    const headers = { 'X-Mock-Session': 'once-a' };
    const first = (await (await call(CHAT, 'rate_limit_once', {}, headers)).json()) as Json;
    const second = (await (await call(CHAT, 'rate_limit_once', {}, headers)).json()) as Json;
    expect(first.base_resp.status_code).toBe(1002);
    expect(second.base_resp.status_code).toBe(0);
    // Another client is not affected by session once-a having used its failure.
    const other = (await (await call(CHAT, 'rate_limit_once', {}, { 'X-Mock-Session': 'once-b' })).json()) as Json;
    expect(other.base_resp.status_code).toBe(1002);
  });

  it('http_500_once: the retry of a failed call succeeds', async () => {
    const headers = { 'X-Mock-Session': 'once-500' };
    expect((await call(CHAT, 'http_500_once', {}, headers)).status).toBe(500);
    expect((await call(CHAT, 'http_500_once', {}, headers)).status).toBe(200);
  });

  it('times=N fails N times', async () => {
    const prefer = { Prefer: 'scenario=http_502, times=2, session=times-2' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(mock, CHAT, requestExample('post', CHAT), prefer)).status);
    expect(statuses).toEqual([502, 502, 200]);
  });
});

describe('choosing a scenario', () => {
  it('?__scenario= works for browsers that cannot set headers', async () => {
    const res = await post(mock, `${CHAT}?__scenario=balance`, requestExample('post', CHAT));
    expect(((await res.json()) as Json).base_resp.status_code).toBe(1008);
  });

  it('an unknown scenario is answered loudly with the known names', async () => {
    const res = await call(CHAT, 'no_such_thing');
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.message).toContain('rate_limit');
  });

  it('a contract violation wins over the scenario (an SDK bug must not hide behind it)', async () => {
    const res = await post(mock, CHAT, { messages: [] }, { Prefer: 'scenario=rate_limit' });
    expect(res.status).toBe(422);
  });
});

describe('authentication', () => {
  const body = () => JSON.stringify(requestExample('post', CHAT));
  it.each([
    ['missing', {}],
    ['not Bearer', { Authorization: 'Token abc' }],
    ['empty Bearer', { Authorization: 'Bearer' }],
  ])('native, %s Authorization: HTTP 200 + base_resp 1004', async (_, auth) => {
    const res = await fetch(`${mock.url}${CHAT}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: body(),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).base_resp.status_code).toBe(1004);
  });

  it.each([OPENAI, ANTHROPIC])('%s without Authorization: HTTP 401 with the error body', async (path) => {
    const res = await fetch(`${mock.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(requestExample('post', path)),
    });
    expect(res.status).toBe(401);
    const json = (await res.json()) as Json;
    expect(json).toMatchObject({ type: 'error', error: { type: errorType(path, 401, 'authentication_error') } });
    expect(json.error.message).toContain('(1004)');
  });
});
