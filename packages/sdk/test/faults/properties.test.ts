/**
 * The property tests of the parser, the JSON reader and the retry policy (test/sse-parser.test.ts,
 * test/sse-stream.test.ts, test/lossless-json.test.ts, test/retry-policy.test.ts) check each piece alone. These check
 * the same three claims through the whole client — transport, generated client, stream classes — with a `fetch`
 * that plays the server, so what is checked is what a caller gets:
 * - any chunking of a stream's bytes gives the same text and the same final message;
 * - any document with big integers round-trips its ids exactly, in and out;
 * - whatever the server does, a billable create is sent again only after a failure that proves it did not run.
 * The backoff sleep is stubbed to zero (it is tested on its own) so that a run takes microseconds, not seconds.
 */

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { APIError, ERROR_CODES, type MiniMax } from '../../src/index.ts';
import { dataEvent } from './fault-server.ts';
import { chat, chatChunk, chatCompletion, image } from './fixtures.ts';
import { useHarness } from './harness.ts';

vi.mock('../../src/internal/sleep.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/internal/sleep.ts')>();
  return { sleep: (_ms: number, signal?: AbortSignal | null) => real.sleep(0, signal) };
});

const h = useHarness();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A client whose every request is answered by `serve` (no socket involved). */
function clientWith(serve: (request: Request) => Promise<Response>, maxRetries = 2): MiniMax {
  return h.client('http://fault.invalid', { fetch: (input, init) => serve(new Request(input, init)), maxRetries });
}

/** A body that delivers `chunks` one read at a time, then (optionally) fails as a dropped connection does. */
function chunked(chunks: Uint8Array[], failAtEnd = false): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else if (failAtEnd) controller.error(new TypeError('terminated', { cause: { code: 'UND_ERR_SOCKET' } }));
      else controller.close();
    },
  });
}

/** Splits bytes at the given cut points (any byte offset, UTF-8 sequences included). */
function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    chunks.push(bytes.slice(last, p));
    last = p;
  }
  chunks.push(bytes.slice(last));
  return chunks.filter((c) => c.length > 0);
}

describe('SSE: any chunking of the bytes gives the same stream', () => {
  const piece = fc.string({
    unit: fc.constantFrom('a', 'é', '😀', '中', ' ', '\n', '"', '\\', ':', 'data: '),
    maxLength: 8,
  });

  it('native chat: same increments, same text, same final message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (pieces, eol, withDone, cuts) => {
          const whole = pieces.join('');
          const frames = [...pieces.map((p) => chatChunk(p)), chatCompletion(whole)].map((f) => dataEvent(f));
          if (withDone) frames.push('data: [DONE]\n\n');
          const bytes = encoder.encode(frames.join('').replaceAll('\n', eol));
          const client = clientWith(async () => {
            const headers = { 'Content-Type': 'text/event-stream' };
            return new Response(chunked(cut(bytes, cuts)), { headers });
          });
          const stream = await client.chat.create({ ...chat, stream: true });
          const deltas: string[] = [];
          for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta?.content ?? '');
          expect(deltas).toEqual(pieces);
          expect(stream.currentText).toBe(whole);
          expect((await stream.finalMessage()).choices?.[0]?.message?.content).toBe(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a stream cut at any byte fails typed, with exactly the text of the complete events before the cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.nat(), async (pieces, at) => {
        const frames = pieces.map((p) => dataEvent(chatChunk(p)));
        const bytes = encoder.encode(frames.join(''));
        const stop = at % bytes.length; // strictly inside the stream
        const client = clientWith(async () => {
          const headers = { 'Content-Type': 'text/event-stream' };
          return new Response(chunked([bytes.slice(0, stop)], true), { headers });
        });
        const stream = await client.openai.chat.completions.create({ ...chat, stream: true });
        const error = await stream.done().then(
          () => undefined,
          (e: unknown) => e,
        );
        // The events wholly before the cut: those whose closing blank line arrived.
        const received = decoder.decode(bytes.slice(0, stop));
        const complete = frames.filter((_, i) => frames.slice(0, i + 1).join('').length <= received.length);
        expect(error).toBeInstanceOf(APIError);
        expect((error as APIError).partialText).toBe(pieces.slice(0, complete.length).join(''));
      }),
      { numRuns: 150 },
    );
  });
});

describe('lossless JSON: ids round-trip exactly through the client', () => {
  const int64 = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n });

  it('a file id of any size is read exactly and written back as the same bare number', async () => {
    await fc.assert(
      fc.asyncProperty(int64, int64, async (fileId, bytes) => {
        const id = fileId.toString();
        const sent: string[] = [];
        const client = clientWith(async (request) => {
          sent.push(request.method === 'GET' ? new URL(request.url).search : await request.text());
          const body =
            request.method === 'GET'
              ? `{"file":{"file_id":${id},"bytes":${bytes},"filename":"a.mp3","purpose":"voice_clone"},"base_resp":{"status_code":0,"status_msg":"success"}}`
              : '{"base_resp":{"status_code":0,"status_msg":"success"}}';
          return new Response(body, { headers: { 'Content-Type': 'application/json' } });
        });
        const { file } = await client.files.retrieve(id);
        expect(file?.file_id).toBe(id);
        // Any integer beyond 2^53 comes back as its exact digits; a safe one stays a number.
        const expectedBytes = bytes > BigInt(Number.MAX_SAFE_INTEGER) ? bytes.toString() : Number(bytes);
        expect(file?.bytes as unknown).toBe(expectedBytes);
        await client.files.delete({ file_id: file!.file_id, purpose: 'voice_clone' });
        expect(sent[0]).toBe(`?file_id=${id}`);
        expect(JSON.parse(sent[1]!.replace(/"file_id":(\d+)/, '"file_id":"$1"'))).toEqual({
          file_id: id,
          purpose: 'voice_clone',
        });
        expect(sent[1]).toContain(`"file_id":${id}`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('retry policy: a billable create is never sent again after it may have run', () => {
  type Fault =
    | { kind: 'refused' }
    | { kind: 'reset' }
    | { kind: 'cut' }
    | { kind: 'status'; status: number; html: boolean }
    | { kind: 'base_resp'; code: number }
    | { kind: 'malformed' }
    | { kind: 'ok' };
  const codes = Object.keys(ERROR_CODES).map(Number);
  const fault: fc.Arbitrary<Fault> = fc.oneof(
    fc.constant({ kind: 'refused' as const }),
    fc.constant({ kind: 'reset' as const }),
    fc.constant({ kind: 'cut' as const }),
    fc.record({
      kind: fc.constant('status' as const),
      status: fc.constantFrom(400, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504),
      html: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('base_resp' as const), code: fc.constantFrom(...codes) }),
    fc.constant({ kind: 'malformed' as const }),
    fc.constant({ kind: 'ok' as const }),
  );
  const systemError = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

  /** Plays one fault as the server (or the network) would. */
  async function play(f: Fault, request: Request): Promise<Response> {
    await request.arrayBuffer(); // the body was sent, unless the connection was refused
    const json = { 'Content-Type': 'application/json' };
    switch (f.kind) {
      case 'refused':
        throw systemError('ECONNREFUSED');
      case 'reset':
        throw systemError('UND_ERR_SOCKET');
      case 'cut':
        return new Response(chunked([encoder.encode('{"base_resp":{"status_')], true), { headers: json });
      case 'status':
        return f.html
          ? new Response(`<html><body>${f.status}</body></html>`, {
              status: f.status,
              headers: { 'Content-Type': 'text/html' },
            })
          : Response.json({ type: 'error', error: { type: 'api_error', message: 'boom' } }, { status: f.status });
      case 'base_resp':
        return Response.json({ base_resp: { status_code: f.code, status_msg: `code ${f.code}` } });
      case 'malformed':
        return new Response('{"base_resp":', { headers: json });
      case 'ok':
        return Response.json({ id: 'i', data: { image_urls: ['u'] }, base_resp: { status_code: 0, status_msg: '' } });
    }
  }

  /** Whether the failure proves the request did not run: refused, or a rate-limit answer. */
  const provablyNotRun = (f: Fault): boolean =>
    f.kind === 'refused' ||
    (f.kind === 'status' && f.status === 429) ||
    (f.kind === 'base_resp' && ERROR_CODES[f.code]?.category === 'rate_limit');

  it('sends request n+1 only after a refused connection or a rate limit, and raises typed errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fault, { minLength: 1, maxLength: 5 }), fc.nat(3), async (script, maxRetries) => {
        const played: Fault[] = [];
        const client = clientWith(async (request) => {
          const f = script[Math.min(played.length, script.length - 1)]!;
          played.push(f);
          return play(f, request);
        }, maxRetries);
        const outcome = await client.images.generate(image).then(
          () => 'ok' as const,
          (e: unknown) => e,
        );
        expect(played.length).toBeLessThanOrEqual(maxRetries + 1);
        for (const earlier of played.slice(0, -1)) expect(provablyNotRun(earlier)).toBe(true);
        const last = played.at(-1)!;
        if (last.kind === 'ok') expect(outcome).toBe('ok');
        else expect(outcome).toBeInstanceOf(APIError);
      }),
      { numRuns: 400 },
    );
  });

  it('a read, by contrast, is sent again after any retryable failure, up to maxRetries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fault, { minLength: 1, maxLength: 5 }), fc.nat(3), async (script, maxRetries) => {
        const played: Fault[] = [];
        const client = clientWith(async (request) => {
          const f = script[Math.min(played.length, script.length - 1)]!;
          played.push(f);
          return play(f, request);
        }, maxRetries);
        const outcome = await client.voices.list({ voice_type: 'all' }).then(
          () => 'ok' as const,
          (e: unknown) => e,
        );
        expect(played.length).toBeLessThanOrEqual(maxRetries + 1);
        const final = played.at(-1)!;
        if (final.kind === 'ok') expect(outcome).toBe('ok');
        else expect(outcome).toBeInstanceOf(APIError);
        // It stopped early only on a failure no retry can fix.
        if (final.kind !== 'ok' && played.length < maxRetries + 1) {
          const permanent =
            (final.kind === 'status' && ![408, 409, 429].includes(final.status) && final.status < 500) ||
            (final.kind === 'base_resp' && !ERROR_CODES[final.code]?.retryable);
          expect(permanent).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
