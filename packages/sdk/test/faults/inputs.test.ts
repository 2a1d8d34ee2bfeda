/**
 * Bad input, from the caller or the server, refused or raised with one clear typed error: ids that would make invalid
 * JSON or wrong ids, audio that is not hex (the same error whether one-shot or streamed), a base URL without a scheme,
 * an upload without a name or with a content type that would inject a header line, a cancelled download. And a
 * connection error that says which host and why.
 */

import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIUserAbortError,
  InvalidArgumentError,
  MiniMax,
  ResponseValidationError,
} from '../../src/index.ts';
import { stringifyWithIds } from '../../src/internal/json-stringify-ids.ts';
import { answer, dataEvent, type Handler, OK, sse } from './fault-server.ts';
import { BIG_ID, fileJSON, PATHS, speech } from './fixtures.ts';
import { caught, closedPort, useHarness } from './harness.ts';

const h = useHarness();
const UPLOAD = 'POST /v1/files/upload';
const CONTENT = 'GET /v1/files/retrieve_content';
const uploaded = answer(fileJSON());

describe.concurrent('ids are validated exactly, before anything is sent', () => {
  const refused: Array<[string, unknown, RegExp]> = [
    ['a leading zero', '007', /"007" has a leading zero; ids are written without one \(e\.g\. "7"\)/],
    ['only zeros', '00', /"00" has a leading zero/],
    ['above int64', '9999999999999999999', /above the int64 maximum 9223372036854775807/],
    ['int64 max + 1', '9223372036854775808', /above the int64 maximum/],
    ['a negative bigint', -5n, /-5n is negative/],
    ['a bigint above int64', 2n ** 63n, /above the int64 maximum/],
    ['a negative number', -1, /^file_id: -1 is negative/],
    ['a fraction', 1.5, /1\.5 is not a whole number/],
    ['NaN', Number.NaN, /NaN is not a whole number/],
    ['a number above 2^53', 2 ** 60, /above 2\^53 and has lost precision/],
    ['spaces', ' 12', /is not a decimal id/],
    ['a sign', '+12', /is not a decimal id/],
    ['a negative string', '-12', /is negative/],
    ['an empty string', '', /is empty/],
    ['null', null, /expected an id as a string of digits, got null/],
  ];

  it.each(refused)('%s: InvalidArgumentError naming file_id, on every method', async (_what, id, reason) => {
    const server = await h.server({ [PATHS.filesRetrieve]: answer(fileJSON()), [PATHS.filesDelete]: answer(OK) });
    const client = h.client(server.url);
    for (const call of [
      () => client.files.retrieve(id as string),
      () => client.files.content(id as string),
      () => client.files.delete({ file_id: id as string, purpose: 'voice_clone' }),
      () => client.voices.clone({ file_id: id as string, voice_id: 'MyVoice01' }),
    ]) {
      const error = await caught(call());
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('file_id');
      expect((error as Error).message).toMatch(reason);
    }
    expect(server.count()).toBe(0);
  });

  it.each([
    ['0', '0'],
    ['0n', 0n],
    ['a safe number', 42],
    ['an 18-digit string', BIG_ID],
    ['int64 max', '9223372036854775807'],
  ])('accepts %s and writes it as a bare number', async (_what, id, ...rest) => {
    const server = await h.server({ [PATHS.filesDelete]: answer(OK) });
    await h.client(server.url).files.delete({ file_id: id as string, purpose: 'voice_clone' });
    expect(server.requests[0]?.body).toBe(`{"file_id":${String(id)},"purpose":"voice_clone"}`);
    expect(rest).toEqual([]);
  });

  it('the JSON writer refuses digits it cannot write as valid JSON, even if no check ran', () => {
    expect(() => stringifyWithIds({ file_id: '007' }, new Set(['file_id']))).toThrow(InvalidArgumentError);
    expect(stringifyWithIds({ file_id: 'abc' }, new Set(['file_id']))).toBe('{"file_id":"abc"}');
  });
});

describe.concurrent('audio that is not hex raises the same typed error on every path', () => {
  const badHex = `zz${'49'.repeat(40)}`; // the bad pair first, where a prefix check used to let it through

  it('speech.create and speech.stream: ResponseValidationError naming data.audio', async () => {
    const server = await h.server({
      [PATHS.speech]: (req, res, n, seen) =>
        (seen.body.includes('"stream":true')
          ? sse({
              events: [
                dataEvent({ data: { audio: badHex, status: 1 } }),
                dataEvent({ data: { audio: '', status: 2 }, base_resp: { status_code: 0 } }),
              ],
            })
          : answer({ data: { audio: badHex, status: 2 }, base_resp: { status_code: 0, status_msg: 'success' } }))(
          req,
          res,
          n,
          seen,
        ),
    });
    const client = h.client(server.url);
    const once = await caught(client.speech.create(speech));
    const streamed = await caught((await client.speech.stream(speech)).collect());
    for (const error of [once, streamed]) {
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).issues[0]).toEqual({
        path: 'data.audio',
        message: 'hex audio has a non-hex character at offset 0',
      });
    }
    expect((once as Error).message).toMatch(/^POST \/v1\/t2a_v2: /);
  });

  it('music.generate, voices.design and an odd length too', async () => {
    const server = await h.server({
      'POST /v1/music_generation': answer({ data: { audio: '494', status: 2 }, base_resp: { status_code: 0 } }),
      'POST /v1/voice_design': answer({ voice_id: 'v', trial_audio: badHex, base_resp: { status_code: 0 } }),
    });
    const client = h.client(server.url);
    const music = await caught(client.music.generate({ model: 'music-2.0', prompt: 'folk', lyrics: 'la' }));
    expect(music).toBeInstanceOf(ResponseValidationError);
    expect((music as Error).message).toContain('odd length (3)');
    expect(await caught(client.voices.design({ prompt: 'warm', preview_text: 'Hi' }))).toBeInstanceOf(
      ResponseValidationError,
    );
  });
});

describe('a base URL is checked at construction', () => {
  it.each([
    [
      'no scheme',
      'api.minimax.io',
      /baseURL: expected an absolute http\(s\) URL, got "api\.minimax\.io".*"https:\/\/api\.minimax\.io"/,
    ],
    ['a host:port', 'localhost:4010', /did you mean "http:\/\/localhost:4010"/],
    ['another scheme', 'ftp://files.example.com', /expected an absolute http\(s\) URL/],
    ['a query string', 'https://proxy.example.com/?team=1', /has a query string or fragment/],
    ['a path outside a browser', '/api/minimax', /is a path; outside a browser page/],
    ['nothing', '  ', /expected a URL/],
  ])('%s: InvalidArgumentError', (_what, baseURL, reason) => {
    expect(() => new MiniMax({ apiKey: 'k', baseURL })).toThrow(InvalidArgumentError);
    expect(() => new MiniMax({ apiKey: 'k', baseURL })).toThrow(reason);
  });

  it('the environment variable too, named in the message; a valid URL loses its trailing slash', () => {
    process.env.MINIMAX_BASE_URL = 'api.minimaxi.com';
    try {
      expect(() => new MiniMax({ apiKey: 'k' })).toThrow(/^baseURL \(from MINIMAX_BASE_URL\): /);
    } finally {
      delete process.env.MINIMAX_BASE_URL;
    }
    expect(new MiniMax({ apiKey: 'k', baseURL: 'http://127.0.0.1:4010/proxy/' }).baseURL).toBe(
      'http://127.0.0.1:4010/proxy',
    );
  });
});

describe('connection errors name the host and the reason, never the query string', () => {
  it('refused: ECONNREFUSED connecting to the host', async () => {
    const port = await closedPort();
    const error = await caught(h.client(`http://127.0.0.1:${port}`, { maxRetries: 0 }).files.retrieve(BIG_ID));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      `Connection error: ECONNREFUSED (connection refused) connecting to 127.0.0.1:${port} (GET /v1/files/retrieve)`,
    );
    expect((error as Error).message).not.toContain(BIG_ID);
  });

  it.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.minimax.example', 'ENOTFOUND (host not found) connecting to'],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames",
      "(TLS: Hostname/IP does not match certificate's altnames) connecting to",
    ],
    ['ECONNRESET', 'read ECONNRESET', 'ECONNRESET (connection reset by the server) talking to'],
    [
      'E_SOMETHING_NEW',
      'a new failure at https://h/x?key=1',
      'E_SOMETHING_NEW: a new failure at https://h/x connecting to',
    ],
  ])('%s', async (code, message, expected) => {
    const client = h.client('https://api.minimax.example', {
      maxRetries: 0,
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
      },
    });
    const error = await caught(client.voices.list({ voice_type: 'all' }));
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message).toContain('api.minimax.example');
    expect((error as Error).message).not.toContain('key=1');
  });
});

describe.concurrent('uploads', () => {
  const multipart = (server: { requests: readonly { body: string }[] }) => server.requests[0]?.body ?? '';

  it('no file name and nothing to derive one from: InvalidArgumentError naming filename, nothing sent', async () => {
    const server = await h.server({ [UPLOAD]: uploaded });
    const client = h.client(server.url);
    for (const file of [new Uint8Array(3), new Blob(['x']), new Blob(['x'], { type: 'application/x-unknown' })]) {
      const error = await caught(client.files.upload({ file, purpose: 'voice_clone' }));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('filename');
    }
    expect(server.count()).toBe(0);
  });

  it('a Blob with a known type gets a name with the right extension', async () => {
    const server = await h.server({ [UPLOAD]: uploaded });
    await h
      .client(server.url)
      .files.upload({ file: new Blob(['ID3'], { type: 'audio/mpeg' }), purpose: 'voice_clone' });
    expect(multipart(server)).toContain('filename="upload.mp3"');
  });

  it('a stream with a content type too; the type is written lowercased', async () => {
    const server = await h.server({ [UPLOAD]: uploaded });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.close();
      },
    });
    await h.client(server.url).files.upload({ file: stream, contentType: 'Audio/WAV', purpose: 'voice_clone' });
    expect(multipart(server)).toContain('filename="upload.wav"\r\nContent-Type: audio/wav\r\n');
  });

  it('a content type with a line break is refused on both paths, never written into the body', async () => {
    const server = await h.server({ [UPLOAD]: uploaded });
    const client = h.client(server.url);
    const contentType = 'audio/mpeg\r\nX-Injected: yes';
    const stream = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    for (const file of [stream, new Uint8Array(3)]) {
      const error = await caught(client.files.upload({ file, filename: 'a.mp3', contentType, purpose: 'voice_clone' }));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('contentType');
    }
    expect(server.count()).toBe(0);
  });
});

describe.concurrent('a cancelled download', () => {
  /** Headers, a first chunk, then silence (or the whole small body when `whole`). */
  const partial =
    (whole = false): Handler =>
    (req, res) => {
      res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': '1000' });
      res.write(new Uint8Array(100));
      if (whole) res.end(new Uint8Array(900));
      return whole ? undefined : new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    };

  it('a pending read rejects with APIUserAbortError, not a raw DOMException', async () => {
    const server = await h.server({ [CONTENT]: partial() });
    const content = await h.client(server.url).files.content(BIG_ID);
    const pending = content.bytes();
    setTimeout(() => content.cancel(), 50);
    const error = await caught(pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).message).toContain('The download was cancelled.');
  });

  it('cancelled before reading, even with the whole body already received: reads reject, never resolve short', async () => {
    const server = await h.server({ [CONTENT]: partial(true) });
    const content = await h.client(server.url).files.content(BIG_ID);
    await new Promise((resolve) => setTimeout(resolve, 50));
    content.cancel();
    expect(await caught(content.bytes())).toBeInstanceOf(APIUserAbortError);
  });
});
