/**
 * A hostile server echoes the client's own key back — in a header value, an error body of any shape and depth, a
 * stream's error frame, a poll answer, a raw text page — and a custom fetch quotes it in the error it throws. Whatever
 * the key looks like (not only `sk-…`), no output form of the error that results (message, stack, fields, `toJSON`,
 * `JSON.stringify`, `util.inspect`, the cause chain) and no log line the SDK writes may contain it.
 */

import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  InvalidArgumentError,
  type Logger,
  MiniMax,
  MiniMaxError,
  ResponseValidationError,
  TaskFailedError,
} from '../../src/index.ts';
import { answer, dataEvent, htmlPage, json, sse } from './fault-server.ts';
import { chat, chatEvents, image, PATHS } from './fixtures.ts';
import { caught, useHarness } from './harness.ts';

// Backoff sleeps take no time here (retry lines are what is checked); sleep itself is tested in sleep.test.ts.
vi.mock('../../src/internal/sleep.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/internal/sleep.ts')>();
  return { sleep: (_ms: number, signal?: AbortSignal | null) => real.sleep(0, signal) };
});

const h = useHarness();
// A proxy's key: nothing like `sk-…`, so only the literal value can catch it.
const KEY = 'proxy-Zq8w-7731-kLmN';

/** Every way an error gets printed or read, its cause chain included. */
function outputs(error: unknown): string[] {
  const e = error as APIError & { lastResponse?: unknown };
  const texts = [
    e.message,
    e.stack ?? '',
    String(e),
    JSON.stringify(e),
    inspect(e),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(e, { customInspect: false, depth: 8 }),
    e.serverMessage ?? '',
    JSON.stringify(e.headers ?? {}),
    JSON.stringify(e.body ?? null),
    JSON.stringify(e.lastResponse ?? null),
    e.partialText ?? '',
  ];
  for (let cause = e.cause as { message?: unknown; stack?: unknown; cause?: unknown } | undefined; cause; ) {
    texts.push(String(cause.message), String(cause.stack), inspect(cause, { depth: 8 }));
    cause = cause.cause as typeof cause;
  }
  return texts;
}

function expectNoKey(error: unknown, key = KEY): void {
  for (const text of outputs(error)) expect(text).not.toContain(key);
}

/** A logger that records every line (and its arguments) at every level. */
function recorder(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const record = (message: string, ...rest: unknown[]) => {
    lines.push([message, ...rest.map((r) => inspect(r, { depth: 8 }))].join(' '));
  };
  return { logger: { debug: record, info: record, warn: record, error: record }, lines };
}

describe.concurrent('a server echoing the key', () => {
  it('in response header values (www-authenticate, a debug header): not in headers, JSON or inspect', async () => {
    const server = await h.server({
      [PATHS.voicesList]: answer(
        { type: 'error', error: { type: 'authentication_error', message: 'invalid api key' } },
        {
          status: 401,
          headers: { 'WWW-Authenticate': `Bearer realm="minimax", key="${KEY}"`, 'X-Debug-Auth': KEY },
        },
      ),
    });
    const error = await caught(h.client(server.url, { apiKey: KEY }).voices.list({ voice_type: 'all' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    const { headers } = error as APIError;
    expect(headers['x-debug-auth']).toBe('[redacted]');
    expect(headers['www-authenticate']).toContain('key="[redacted]"');
    expect(headers['trace-id']).toMatch(/^fault-trace-/); // the rest is kept
    expectNoKey(error);
  });

  it('in a native base_resp message, a compatible error message and a raw text page', async () => {
    const server = await h.server({
      [PATHS.voicesList]: answer({ base_resp: { status_code: 2049, status_msg: `invalid api key ${KEY}` } }),
      [PATHS.openai]: answer(
        { type: 'error', error: { type: 'invalid_request_error', message: `key ${KEY} rejected` } },
        { status: 400 },
      ),
      [PATHS.image]: (_req, res) => {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end(`<html>upstream refused Authorization: ${KEY}</html>`);
      },
    });
    const client = h.client(server.url, { apiKey: KEY, maxRetries: 0 });
    const errors = [
      await caught(client.voices.list({ voice_type: 'all' })),
      await caught(client.openai.chat.completions.create(chat)),
      await caught(client.images.generate(image)),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(APIError);
      expectNoKey(error);
    }
    expect((errors[0] as APIError).serverMessage).toBe('invalid api key [redacted]');
  });

  it('nested deeper than any scrub bound, and in a 100,000-level body that JSON.stringify must survive', async () => {
    let nested: unknown = { note: `echo ${KEY}` };
    for (let i = 0; i < 200; i++) nested = { [`level${i}`]: nested };
    const deep = `${'{"a":'.repeat(100_000)}"${KEY}"${'}'.repeat(100_000)}`;
    const server = await h.server({
      [PATHS.voicesList]: answer({ base_resp: { status_code: 2013, status_msg: 'bad' }, detail: nested }),
      [PATHS.filesList]: answer(`{"base_resp":{"status_code":2013,"status_msg":"bad"},"detail":${deep}}`),
    });
    const client = h.client(server.url, { apiKey: KEY, maxRetries: 0 });
    for (const error of [
      await caught(client.voices.list({ voice_type: 'all' })),
      await caught(client.files.list({ purpose: 'voice_clone' })),
    ]) {
      expect(error).toBeInstanceOf(APIError);
      expect(() => JSON.stringify(error)).not.toThrow();
      expect(JSON.stringify(error)).toContain('[truncated: nested deeper than');
      expectNoKey(error);
    }
  });

  it("in a stream's error frame, and in the text streamed before it", async () => {
    const server = await h.server({
      [PATHS.openai]: sse({
        events: [...chatEvents('my key is ', KEY), dataEvent({ error: { type: 'api_error', message: `bad ${KEY}` } })],
      }),
    });
    const stream = await h
      .client(server.url, { apiKey: KEY })
      .openai.chat.completions.create({ ...chat, stream: true });
    const error = await caught(stream.finalText());
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).partialText).toBe('my key is [redacted]');
    expectNoKey(error);
  });

  it('in a failed task poll: TaskFailedError, its lastResponse included', async () => {
    const server = await h.server({
      [PATHS.videoQuery]: answer({
        task_id: 't1',
        status: 'Fail',
        error_message: `rejected for key ${KEY}`,
        base_resp: { status_code: 0, status_msg: 'success' },
      }),
    });
    const error = await caught(h.client(server.url, { apiKey: KEY }).video.wait('t1'));
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).taskId).toBe('t1');
    expectNoKey(error);
  });

  it('in a strict-mode validation error and in every retry line logged at info and debug', async () => {
    const { logger, lines } = recorder();
    const server = await h.server({
      [PATHS.image]: answer({ id: KEY, data: { image_urls: KEY }, base_resp: { status_code: 0, status_msg: KEY } }),
      [PATHS.voicesList]: answer(`<html>busy, ${KEY}</html>`, { status: 503 }),
    });
    const client = new MiniMax({
      apiKey: KEY,
      baseURL: server.url,
      logger,
      logLevel: 'debug',
      maxRetries: 1,
      validate: 'strict',
    });
    const invalid = await caught(client.images.generate(image));
    expect(invalid).toBeInstanceOf(ResponseValidationError);
    expectNoKey(invalid);
    const busy = await caught(client.voices.list({ voice_type: 'all' }));
    expectNoKey(busy);
    expect(lines.some((line) => line.includes('retry 1/1'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(KEY);
  });

  it('in the error a custom fetch throws: the cause chain is redacted, its code kept', async () => {
    const client = h.client('http://127.0.0.1:9', {
      apiKey: KEY,
      maxRetries: 0,
      fetch: async () => {
        const inner = Object.assign(new Error(`proxy refused Authorization: Bearer ${KEY}`), { code: 'ECONNREFUSED' });
        throw new TypeError(`fetch failed for ${KEY}`, { cause: inner });
      },
    });
    const error = await caught(client.voices.list({ voice_type: 'all' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).message).toContain('ECONNREFUSED');
    expect(((error as APIError).cause as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
    expectNoKey(error);
  });

  it('in a warn-mode validation warning', async () => {
    const { logger, lines } = recorder();
    const server = await h.server({
      [PATHS.image]: answer({ id: 'i', data: { image_urls: [KEY] }, metadata: KEY, base_resp: { status_code: 0 } }),
    });
    const client = new MiniMax({ apiKey: KEY, baseURL: server.url, logger, validate: 'warn' });
    await client.images.generate(image);
    for (const line of lines) expect(line).not.toContain(KEY);
  });
});

describe('a key that cannot travel in a header is refused at construction, without being shown', () => {
  it.each([
    ['a trailing newline', `${KEY}\n`, /line break at position 21 of 21/],
    ['a CRLF inside', `${KEY}\r\nX-Injected: 1`, /line break/],
    ['a control character', `${KEY}\u0000`, /control character U\+0000/],
    ['a non-ASCII character', `${KEY}’`, /non-ASCII/],
    ['a leading space', ` ${KEY}`, /whitespace/],
  ])('%s', (_what, apiKey, reason) => {
    const error = (() => {
      try {
        new MiniMax({ apiKey });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
    expect((error as Error).message).toMatch(reason);
    expectNoKey(error, KEY);
  });

  it('an invalid default header value is refused too, naming the header, not quoting the value', () => {
    expect(() => new MiniMax({ apiKey: KEY, defaultHeaders: { 'X-Api-Key': `${KEY}\n` } })).toThrow(
      /defaultHeaders: the value of header "X-Api-Key" contains a character HTTP cannot carry/,
    );
  });

  it('and a per-request header value, before anything is sent', async () => {
    const server = await h.server({ [PATHS.voicesList]: answer({ base_resp: { status_code: 0 } }) });
    const client = h.client(server.url, { apiKey: KEY });
    const error = await caught(client.voices.list({ voice_type: 'all' }, { headers: { 'X-Proxy-Key': `${KEY}\r\n` } }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('headers');
    expectNoKey(error);
    expect(server.count()).toBe(0);
  });
});

describe('property: a key of any shape, echoed anywhere, never reaches an output form', () => {
  const alphabet = [...'abcxyzABCXYZ0189-_.~+/=:!@#$%^&*()[]{}<>?,;| '];
  const shapes = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9]{6,40}$/),
    fc.stringMatching(/^[0-9a-f]{6,64}$/),
    fc.stringMatching(/^eyJ[\w-]{4,20}\.[\w-]{4,20}\.[\w-]{4,20}$/),
    fc.string({ unit: fc.constantFrom(...alphabet), minLength: 6, maxLength: 30 }).filter((k) => k.trim() === k),
    // Fragments of the placeholder itself, which a naive replace would re-create.
    fc.constantFrom('[redacted]', 'redacted]x', 'x[redac', 'ted][re', 'd][red', '[redacted][redacted]'),
  );
  type Site = 'header' | 'native' | 'compatible' | 'text' | 'deep' | 'twice' | 'stream';
  const site = fc.constantFrom<Site>('header', 'native', 'compatible', 'text', 'deep', 'twice', 'stream');

  function respond(where: Site, key: string, depth: number): Response {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (where === 'header') headers['x-echo'] = `got ${key}!`;
    const message = where === 'twice' ? `${key}${key} and ${key.slice(1)}${key}` : `rejected ${key}.`;
    let body: unknown = { base_resp: { status_code: 2049, status_msg: message } };
    if (where === 'compatible') body = { type: 'error', error: { type: 'authentication_error', message } };
    if (where === 'deep') {
      let nested: unknown = key;
      for (let i = 0; i < depth; i++) nested = i % 2 ? [nested] : { [key.slice(0, 3) || 'k']: nested };
      body = { base_resp: { status_code: 2013, status_msg: 'bad' }, echo: nested };
    }
    if (where === 'text') return new Response(`<html>${message}</html>`, { status: 502, headers: {} });
    if (where === 'stream') {
      const events = `${dataEvent({ choices: [{ index: 0, delta: { content: key } }] })}${dataEvent({ error: { message } })}`;
      return new Response(events, { headers: { 'Content-Type': 'text/event-stream' } });
    }
    return new Response(JSON.stringify(body), { status: where === 'compatible' ? 401 : 200, headers });
  }

  it('holds for every output form and every log line', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, site, fc.nat(150), async (key, where, depth) => {
        const { logger, lines } = recorder();
        const client = new MiniMax({
          apiKey: key,
          baseURL: 'http://fault.invalid',
          logger,
          logLevel: 'debug',
          maxRetries: where === 'text' ? 1 : 0,
          fetch: async () => respond(where, key, depth),
        });
        const error =
          where === 'stream'
            ? await caught((await client.openai.chat.completions.create({ ...chat, stream: true })).finalText())
            : await caught(client.voices.list({ voice_type: 'all' }));
        expect(error).toBeInstanceOf(MiniMaxError);
        expectNoKey(error, key);
        for (const line of lines) expect(line).not.toContain(key);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('the literal key is redacted even where no pattern would see it', () => {
  it('a raw JSON server answering with the key in an HTML page and a header', async () => {
    const server = await h.server({
      [PATHS.voicesList]: (req, res) => {
        if (req.headers.authorization === `Bearer ${KEY}`) htmlPage(401, { 'X-Echo': KEY })(req, res, 1, {} as never);
        else json(res, { base_resp: { status_code: 0 } });
      },
    });
    const error = await caught(h.client(server.url, { apiKey: KEY }).voices.list({ voice_type: 'all' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoKey(error);
  });
});
