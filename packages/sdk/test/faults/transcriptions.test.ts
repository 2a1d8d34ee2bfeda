/**
 * Speech-to-text against hostile local servers: the V2 / OaiError family with real statuses (413 without a code, 422
 * sensitive audio, 402, 429 with Retry-After, 500, 529, a gateway's HTML 502), text answers that are not text (a JSON
 * error or success body under 200, an HTML page), and streams that misbehave (no final frame, `[DONE]`, frames out of
 * order, a connection left open after the last frame, an error frame, a JSON error under `text/event-stream`). What
 * goes on the wire is checked byte for byte: the multipart fields, the file part's name, the `language` header.
 */

import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  ContentSensitiveError,
  InsufficientBalanceError,
  InternalServerError,
  InvalidArgumentError,
  InvalidParamsError,
  MAX_TRANSCRIPTION_BYTES,
  RateLimitError,
} from '../../src/index.ts';
import { answer, dataEvent, failTimes, type Handler, htmlPage, json, sse } from './fault-server.ts';
import { caught, useHarness } from './harness.ts';

const h = useHarness();
const KEY = 'POST /v1/speech_to_text';
const REQUEST_ID = '021785229015510a2c883cf675b9804d';
const file = { file: new TextEncoder().encode('audio'), filename: 'meeting.mp3', model: 'asr-1.0' };

/** A V2 / OaiError answer, as the endpoint documents it. */
const oaiError = (status: number, type: string, message: string, headers: Record<string, string> = {}): Handler =>
  answer(
    { type: 'error', error: { type, message, http_code: String(status) }, request_id: REQUEST_ID },
    { status, headers },
  );

/** A text answer with this content type. */
const textAnswer =
  (body: string, contentType: string, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };

async function client(handler: Handler, options: Parameters<typeof h.client>[1] = {}) {
  const server = await h.server({ [KEY]: handler });
  return { server, mm: h.client(server.url, { maxRetries: 2, ...options }) };
}

describe('errors with real statuses', () => {
  it('413 without a code: InvalidParamsError with the server message and request id, not retried', async () => {
    const message = 'request body too large: 88200078 bytes exceeds limit of 52428800 bytes';
    const { server, mm } = await client(oaiError(413, 'invalid_request_error', message));
    const error = (await caught(mm.transcriptions.create(file))) as InvalidParamsError;
    expect(error).toBeInstanceOf(InvalidParamsError);
    // No MiniMax code in the message: `code` falls back to the error type, as on every compatible endpoint.
    expect(error).toMatchObject({
      status: 413,
      code: 'invalid_request_error',
      serverMessage: message,
      requestId: REQUEST_ID,
    });
    expect(error.traceId).toMatch(/^fault-trace-/);
    expect(server.count(KEY)).toBe(1);
  });

  it('422 sensitive audio: ContentSensitiveError, code 1026', async () => {
    const { mm } = await client(
      oaiError(422, 'unprocessable_entity_error', 'audio content contains sensitive content (1026)'),
    );
    const error = await caught(mm.transcriptions.create(file));
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect(error).toMatchObject({ status: 422, code: 1026, type: 'unprocessable_entity_error' });
  });

  it('400 audio over 500 s: InvalidParamsError, code 2013', async () => {
    const message = 'invalid params, audio duration 623.4s exceeds the limit of 500s (2013)';
    const { mm } = await client(oaiError(400, 'bad_request_error', message));
    const error = await caught(mm.transcriptions.create(file));
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(error).toMatchObject({ status: 400, code: 2013, serverMessage: message });
  });

  it('402 insufficient balance: never retried', async () => {
    const { server, mm } = await client(oaiError(402, 'insufficient_balance_error', 'insufficient balance (1008)'));
    expect(await caught(mm.transcriptions.create(file))).toBeInstanceOf(InsufficientBalanceError);
    expect(server.count(KEY)).toBe(1);
  });

  it('429 with Retry-After: retried (the request did not run), then the answer', async () => {
    const limited = oaiError(429, 'rate_limit_error', 'rate limit, please retry later (1002)', { 'Retry-After': '0' });
    const { server, mm } = await client(failTimes(1, limited, answer({ text: 'ok', duration: 1, trace_id: 't' })));
    expect(await mm.transcriptions.create(file)).toEqual({ text: 'ok', duration: 1, trace_id: 't' });
    expect(server.count(KEY)).toBe(2);
  });

  it('500 and 529: a billable call that may have run is not retried', async () => {
    const { server, mm } = await client(oaiError(500, 'server_error', 'internal error (1000)'));
    expect(await caught(mm.transcriptions.create(file))).toBeInstanceOf(InternalServerError);
    expect(server.count(KEY)).toBe(1);
    const overloaded = await client(oaiError(529, 'overloaded_error', 'overloaded'));
    const error = await caught(overloaded.mm.transcriptions.create(file));
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error' });
  });

  it("a gateway's HTML 502: an APIError with the status", async () => {
    const { mm } = await client(htmlPage(502));
    const error = await caught(mm.transcriptions.create({ ...file, response_format: 'srt' }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(502);
  });

  it('unknown fields in a JSON answer are kept', async () => {
    const { mm } = await client(answer({ text: 'hi', duration: 1, trace_id: 't', language: 'en', extra: { a: 1 } }));
    expect(await mm.transcriptions.create(file)).toMatchObject({ language: 'en', extra: { a: 1 } });
  });
});

describe('text answers (srt, vtt)', () => {
  const srt = '1\n00:00:00,100 --> 00:00:01,660\nHello.\n';

  it('text/plain and text/vtt bodies come back as they are; an empty one too', async () => {
    expect(
      await (await client(textAnswer(srt, 'text/plain'))).mm.transcriptions.create({ ...file, response_format: 'srt' }),
    ).toBe(srt);
    const vtt = `WEBVTT\n\n00:00:00.100 --> 00:00:01.660\nHello.\n`;
    expect(
      await (await client(textAnswer(vtt, 'text/vtt'))).mm.transcriptions.create({ ...file, response_format: 'vtt' }),
    ).toBe(vtt);
    expect(
      await (await client(textAnswer('', 'text/plain'))).mm.transcriptions.create({ ...file, response_format: 'srt' }),
    ).toBe('');
  });

  it('a JSON error body under 200 and text/plain: the typed error', async () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'rate limit (1002)' } });
    const { server, mm } = await client(textAnswer(body, 'text/plain'), { maxRetries: 1 });
    expect(await caught(mm.transcriptions.create({ ...file, response_format: 'srt' }))).toBeInstanceOf(RateLimitError);
    expect(server.count(KEY)).toBe(2); // a rate limit proves the request did not run: retried once
  });

  it('a JSON success body where subtitles were asked for: refused, not passed off as text', async () => {
    const { mm } = await client(answer({ text: 'hi', duration: 1 }));
    const error = await caught(mm.transcriptions.create({ ...file, response_format: 'srt' }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toMatch(/expected text, got JSON/);
  });

  it('a 200 HTML page where subtitles were asked for: refused', async () => {
    const { mm } = await client(textAnswer('<html><body>Login</body></html>', 'text/html'));
    expect(((await caught(mm.transcriptions.create({ ...file, response_format: 'vtt' }))) as Error).message).toMatch(
      /expected text, got text\/html/,
    );
  });
});

describe('streams', () => {
  const frame = (index: number, delta: string, extra: object = {}) =>
    dataEvent({ index, delta, finish: false, ...extra });
  const last = (index: number, duration = 2.5) => dataEvent({ index, delta: '', finish: true, duration });
  const stream = async (handler: Handler) =>
    (await client(handler)).mm.transcriptions.create({ ...file, stream: true });

  it('joins the deltas in index order; the duration from the last frame; unknown fields kept', async () => {
    const s = await stream(sse({ events: [frame(1, ' world'), frame(0, 'Hello', { speaker: 'S1' }), last(2)] }));
    const frames = [];
    for await (const f of s) frames.push(f);
    expect(frames[1]).toMatchObject({ speaker: 'S1' });
    expect(await s.finalText()).toBe('Hello world');
    expect(s.currentText).toBe(' worldHello');
    expect(s.duration).toBe(2.5);
  });

  it('ends at the last frame even when the server keeps the connection open', async () => {
    const s = await stream(sse({ events: [frame(0, 'Hi'), last(1)], end: 'stall' }));
    expect(await s.finalText()).toBe('Hi');
  });

  it('tolerates a [DONE] after the last frame, and one instead of it', async () => {
    expect(await (await stream(sse({ events: [frame(0, 'Hi'), last(1), 'data: [DONE]\n\n'] }))).finalText()).toBe('Hi');
    const s = await stream(sse({ events: [frame(0, 'Hi'), 'data: [DONE]\n\n'], end: 'stall' }));
    expect(await s.finalText()).toBe('Hi');
    expect(s.finished).toBe(false);
    expect(s.duration).toBeUndefined();
  });

  it('a body that ends without the last frame is a cut: APIConnectionError with the partial text', async () => {
    const s = await stream(sse({ events: [frame(0, 'Hello'), frame(1, ' wor')] }));
    const error = (await caught(s.finalText())) as APIConnectionError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/last frame \(finish: true\)/);
    expect(error.partialText).toBe('Hello wor');
  });

  it('an error frame: the typed error, with the partial text', async () => {
    const error = {
      type: 'error',
      error: { type: 'unprocessable_entity_error', message: 'audio content contains sensitive content (1026)' },
    };
    const s = await stream(sse({ events: [frame(0, 'Hello'), dataEvent(error)] }));
    const thrown = (await caught(s.finalText())) as ContentSensitiveError;
    expect(thrown).toBeInstanceOf(ContentSensitiveError);
    expect(thrown.partialText).toBe('Hello');
  });

  it('a JSON error under text/event-stream: raised typed (a rate limit retried for a replayable file)', async () => {
    const limited: Handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'rate limit (1002)' } }));
    };
    const { server, mm } = await client(failTimes(1, limited, sse({ events: [frame(0, 'ok'), last(1)] })));
    expect(await (await mm.transcriptions.create({ ...file, stream: true })).finalText()).toBe('ok');
    expect(server.count(KEY)).toBe(2);
    const again = await client(limited);
    const streamed = new Blob(['audio']).stream();
    const s = await again.mm.transcriptions.create({ ...file, file: streamed, stream: true });
    expect(await caught(s.finalText())).toBeInstanceOf(RateLimitError);
    expect(again.server.count(KEY)).toBe(1); // a streamed file is never sent twice
  });

  it('a JSON error answered under application/json with an error status: raised before a stream is returned', async () => {
    const { mm } = await client(
      oaiError(422, 'unprocessable_entity_error', 'audio content contains sensitive content (1026)'),
    );
    expect(await caught(mm.transcriptions.create({ ...file, stream: true }))).toBeInstanceOf(ContentSensitiveError);
  });
});

describe('the request on the wire', () => {
  it('multipart fields, the file part, the language header (not a form field)', async () => {
    const { server, mm } = await client(
      sse({ events: [dataEvent({ index: 0, delta: '', finish: true, duration: 1 })] }),
    );
    const s = await mm.transcriptions.create({ ...file, stream: true, timestamp_level: 'word', language: ' zh ' });
    await s.done();
    const seen = server.requests[0]!;
    expect(seen.headers.language).toBe('zh');
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.headers.authorization).toBe('Bearer test-key');
    const fields = Object.fromEntries(
      [
        ...seen.body.matchAll(
          /name="([^"]+)"(?:; filename="([^"]+)")?[^\r]*\r\n(?:Content-Type: ([^\r]+)\r\n)?\r\n([^\r]*)/g,
        ),
      ].map((m) => [m[1], m[2] ? { filename: m[2], type: m[3], content: m[4] } : m[4]]),
    );
    expect(fields).toEqual({
      model: 'asr-1.0',
      response_format: 'json',
      timestamp_level: 'word',
      stream: 'true',
      file: { filename: 'meeting.mp3', type: 'application/octet-stream', content: 'audio' },
    });
  });

  it('a streamed file: sent as a streamed multipart body with its name; a 413 from the server is typed', async () => {
    const { server, mm } = await client(oaiError(413, 'invalid_request_error', 'request body too large'));
    const error = await caught(
      mm.transcriptions.create({ ...file, file: new Blob(['abc']).stream(), contentType: 'audio/mpeg' }),
    );
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(server.requests[0]!.body).toContain('filename="meeting.mp3"\r\nContent-Type: audio/mpeg\r\n\r\nabc\r\n');
  });

  it('a streamed file over 50 MB is cut off at the limit with InvalidArgumentError', async () => {
    const { mm } = await client(answer({ text: 'never', duration: 1 }));
    const chunk = new Uint8Array(1 << 20).fill(0x61);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const error = await caught(mm.transcriptions.create({ ...file, file: endless }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('file');
    expect(sent).toBeLessThanOrEqual(MAX_TRANSCRIPTION_BYTES + 2 * chunk.length);
  });

  it('a JSON answer to a stream request labelled JSON but not an error: refused as not a stream', async () => {
    const { mm } = await client((_req, res) => json(res, { text: 'hi', duration: 1 }));
    expect(await caught(mm.transcriptions.create({ ...file, stream: true }))).toBeInstanceOf(APIError);
  });
});
