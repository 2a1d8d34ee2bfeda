/**
 * The MSW handlers in Node (`setupServer`), driven through the SDK as a frontend unit test would: no server, the
 * same scenarios, streams, task lifecycles, files and ids as the server mock.
 */
import { createHandlers } from '@minimax-ts/mock/msw';
import { MiniMax, RateLimitError } from '@minimax-ts/sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_PATH } from './helpers.ts';

const BASE = 'https://api.minimax.io';
const mock = createHandlers({ spec: SPEC_PATH, streamDelayMs: 20, taskPolls: 2 });
const server = setupServer(...mock.handlers);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await mock.ready();
});
afterEach(() => mock.reset());
afterAll(() => server.close());

const client = (options: ConstructorParameters<typeof MiniMax>[0] = {}) =>
  new MiniMax({ apiKey: 'test-key', pollInterval: 5, logLevel: 'off', maxRetries: 0, ...options });
const messages = [{ role: 'user' as const, content: 'Name the primary colours.' }];
const voice = { voice_id: 'male-qn-qingse' };

describe('msw handlers (setupServer)', () => {
  it('answers a chat completion at the default host, with a Trace-Id', async () => {
    const completion = await client().chat.create({ model: 'MiniMax-M2', messages });
    expect(completion.base_resp.status_code).toBe(0);
    expect(completion.choices?.[0]?.message?.content).toMatch(/\w/);
    const raw = await fetch(`${BASE}/__health`);
    expect(((await raw.json()) as { engine: string }).engine).toBe('prism');
  });

  it('streams chat over time: the deltas arrive spread out, not in one piece', async () => {
    const stream = await client().chat.create(
      { model: 'MiniMax-M2', messages, stream: true },
      { headers: { Prefer: 'chunks=8, delay=40' } },
    );
    const arrivals: number[] = [];
    const started = Date.now();
    stream.on('text', () => arrivals.push(Date.now() - started));
    const text = await stream.finalText();
    expect(text.length).toBeGreaterThan(0);
    // Text deltas (the opening role chunk and the closing finish chunk carry none), one event every 40 ms.
    expect(arrivals.length).toBeGreaterThanOrEqual(4);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual((arrivals.length - 1) * 40 - 20);
  });

  it('streams speech audio chunk by chunk', async () => {
    const stream = await client().speech.stream(
      { model: 'speech-2.6-hd', text: 'Hello there.', voice_setting: voice },
      { headers: { Prefer: 'chunks=4' } },
    );
    let chunks = 0;
    let bytes = 0;
    for await (const chunk of stream) {
      chunks++;
      bytes += chunk.length;
    }
    expect(chunks).toBeGreaterThanOrEqual(4);
    expect(bytes).toBeGreaterThan(0);
  });

  it('uploads, pages through the list, reads the content and deletes, with 18-digit ids exact', async () => {
    const mm = client();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const bytes = new TextEncoder().encode(`file ${i}`);
      const { file } = await mm.files.upload({ file: bytes, filename: `f${i}.txt`, purpose: 't2a_async_input' });
      ids.push(file!.file_id);
    }
    for (const id of ids) expect(BigInt(id) > 2n ** 53n).toBe(true);
    const listed: string[] = [];
    for await (const f of mm.files.list({ purpose: 't2a_async_input' })) listed.push(f.file_id);
    expect(listed).toEqual([...ids].reverse());

    const content = await mm.files.content(ids[3]!);
    expect(new TextDecoder().decode(await content.bytes())).toBe('file 3');
    const retrieved = await mm.files.retrieve(ids[3]!);
    expect(retrieved.file?.download_url?.startsWith(`${BASE}/__download/${ids[3]}/`)).toBe(true);
    expect(await (await fetch(retrieved.file!.download_url!)).text()).toBe('file 3');

    await mm.files.delete({ file_id: ids[0]!, purpose: 't2a_async_input' });
    const after = await mm.files.list({ purpose: 't2a_async_input' });
    expect(after.items.map((f) => f.file_id)).not.toContain(ids[0]);
  });

  it('streams a Responses API answer as OpenAI events over time, with a tool call', async () => {
    const tools = [{ type: 'function' as const, name: 'lookup', parameters: { type: 'object', properties: {} } }];
    const stream = await client().responses.stream(
      { model: 'MiniMax-M3', input: 'Hello' },
      { headers: { Prefer: 'delay=20' } },
    );
    const arrivals: number[] = [];
    const started = Date.now();
    stream.on('text', () => arrivals.push(Date.now() - started));
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect((await stream.finalResponse()).output_text).toMatch(/MiniMax/);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual((arrivals.length - 1) * 20 - 20);
    const calls: string[] = [];
    const withTool = await client().responses.stream({ model: 'MiniMax-M3', input: 'Look it up', tools });
    withTool.on('functionCall', (call) => calls.push(call.name));
    await withTool.done();
    expect(calls).toEqual(['lookup']);
  });

  it('runs a video task through its lifecycle to a downloadable file', async () => {
    const statuses: string[] = [];
    const video = await client().video.generate(
      { model: 'MiniMax-Hailuo-02', prompt: 'A cat surfing a wave' },
      { onProgress: (p) => statuses.push(p.status) },
    );
    expect(statuses.at(-1)).toBe('Success');
    expect(statuses.length).toBe(3);
    expect(BigInt(video.file_id!) > 2n ** 53n).toBe(true);
    const download = await fetch(video.download_url!);
    expect(new Uint8Array(await download.arrayBuffer()).subarray(4, 8)).toEqual(new TextEncoder().encode('ftyp'));
  });

  it('plays scenarios: rate_limit raises RateLimitError, rate_limit_once lets the retry through', async () => {
    const error = await client()
      .chat.create({ model: 'MiniMax-M2', messages }, { headers: { Prefer: 'scenario=rate_limit' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);

    const retried = await client({ maxRetries: 2 }).chat.create(
      { model: 'MiniMax-M2', messages },
      { headers: { Prefer: 'scenario=rate_limit_once', 'X-Mock-Session': 'msw-once' } },
    );
    expect(retried.base_resp.status_code).toBe(0);
  });

  it('answers errors exactly as the server mock does (422 contract violation, 502 HTML, 400 unknown scenario)', async () => {
    const headers = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };
    const bad = await fetch(`${BASE}/v1/text/chatcompletion_v2`, { method: 'POST', headers, body: '{"messages":[]}' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { type: string }).type).toBe('contract_violation');
    const body = JSON.stringify({ model: 'MiniMax-M2', messages });
    const gateway = await fetch(`${BASE}/v1/text/chatcompletion_v2?__scenario=http_502`, {
      method: 'POST',
      headers,
      body,
    });
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toMatch(/^text\/html/);
    const unknown = await fetch(`${BASE}/v1/text/chatcompletion_v2`, {
      method: 'POST',
      headers: { ...headers, Prefer: 'scenario=nope' },
      body,
    });
    expect(unknown.status).toBe(400);
    await expect(
      fetch(`${BASE}/v1/text/chatcompletion_v2`, {
        method: 'POST',
        headers: { ...headers, Prefer: 'scenario=connection_reset' },
        body,
      }),
    ).rejects.toThrow();
  });

  it('a stalled stream ends when the client aborts, leaving nothing running', async () => {
    const controller = new AbortController();
    const stream = await client().chat.create(
      { model: 'MiniMax-M2', messages, stream: true },
      { headers: { Prefer: 'scenario=stream_stall' }, signal: controller.signal },
    );
    const reading = (async () => {
      for await (const _ of stream) {
        // the first half of the events arrives, then silence
      }
    })();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    await expect(reading).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps an id above 2^53 exact both ways (async speech file_id)', async () => {
    const mm = client();
    const { file } = await mm.files.upload({
      file: new TextEncoder().encode('text to speak'),
      filename: 'in.txt',
      purpose: 't2a_async_input',
    });
    const id = file!.file_id;
    const raw = await fetch(`${BASE}/v1/files/retrieve?file_id=${id}`, { headers: { Authorization: 'Bearer t' } });
    const text = await raw.text();
    expect(text).toContain(`"file_id":${id}`);
    const del = await fetch(`${BASE}/v1/files/delete`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: `{"file_id":${id},"purpose":"t2a_async_input"}`,
    });
    expect(await del.text()).toContain(`"file_id":${id}`);
  });

  it('transcribes an uploaded file (speech-to-text): a text file is its own transcript', async () => {
    const file = new File(['Hello from the browser.'], 'clip.mp3', { type: 'audio/mpeg' });
    const result = await client().transcriptions.create({ file, model: 'asr-1.0', language: 'en' });
    expect(result).toMatchObject({ text: 'Hello from the browser.', duration: 1.8 });
    expect(result.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('streams a transcript delta by delta, ending with the duration', async () => {
    const file = new File(['One two three four five six seven.'], 'clip.mp3', { type: 'audio/mpeg' });
    const stream = await client().transcriptions.create({ file, model: 'asr-1.0', stream: true });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    expect(await stream.finalText()).toBe('One two three four five six seven.');
    expect(deltas).toEqual(['One two three', ' four five six', ' seven.']);
    expect(stream.duration).toBe(3);
  });

  it('serves a mount prefix and leaves other hosts alone', async () => {
    const prefixed = createHandlers({ spec: SPEC_PATH, baseUrl: 'http://localhost:3000/minimax' });
    server.use(...prefixed.handlers);
    const health = await fetch('http://localhost:3000/minimax/__health');
    expect(health.status).toBe(200);
    const completion = await client({ baseURL: 'http://localhost:3000/minimax' }).chat.create({
      model: 'MiniMax-M2',
      messages,
    });
    expect(completion.base_resp.status_code).toBe(0);
    server.resetHandlers();
  });
});
