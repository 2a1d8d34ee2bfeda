import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import {
  APIError,
  InvalidArgumentError,
  MiniMax,
  MiniMaxError,
  REGION_BASE_URLS,
  ResponseValidationError,
} from '../../src/index.ts';
import { useMock } from './mock-fixture.ts';

const mock = useMock();
const SECRET = 'sk-test-SECRET-KEY-0123456789abcdef';

describe('client options', () => {
  it('picks the host by region', () => {
    expect(new MiniMax({ apiKey: 'k' }).baseURL).toBe(REGION_BASE_URLS.global);
    expect(new MiniMax({ apiKey: 'k', region: 'cn' }).baseURL).toBe('https://api.minimax.cn');
    expect(new MiniMax({ apiKey: 'k', region: 'china' as never }).baseURL).toBe('https://api.minimax.cn');
    // Another host of a region, as baseURL, still names the region; any other host is 'custom'.
    expect(new MiniMax({ apiKey: 'k', baseURL: 'https://api.minimaxi.com' }).region).toBe('cn');
    expect(new MiniMax({ apiKey: 'k', baseURL: 'https://api-bj.minimaxi.com' }).region).toBe('cn');
    expect(new MiniMax({ apiKey: 'k', baseURL: 'https://api-uw.minimax.io' }).region).toBe('global');
    expect(new MiniMax({ apiKey: 'k', baseURL: 'http://localhost:1/' }).region).toBe('custom');
    expect(new MiniMax({ apiKey: 'k', baseURL: 'http://localhost:1/' }).baseURL).toBe('http://localhost:1');
    expect(() => new MiniMax({ apiKey: 'k', region: 'mars' as never })).toThrow(/Unknown region/);
  });

  it('reads the key from MINIMAX_API_KEY and explains a missing one', () => {
    vi.stubEnv('MINIMAX_API_KEY', '');
    expect(() => new MiniMax()).toThrow(MiniMaxError);
    vi.stubEnv('MINIMAX_API_KEY', 'from-env');
    expect(() => new MiniMax()).not.toThrow();
    vi.unstubAllEnvs();
  });

  it('sends the key as a Bearer token', async () => {
    const seen: string[] = [];
    const client = mock.client({
      apiKey: SECRET,
      fetch: (input, init) => {
        seen.push((input instanceof Request ? input.headers : new Headers(init?.headers)).get('authorization') ?? '');
        return fetch(input, init);
      },
    });
    await client.voices.list({ voice_type: 'all' });
    expect(seen).toEqual([`Bearer ${SECRET}`]);
  });
});

describe('secrets', () => {
  it('never shows the key in inspect, JSON, toString or withOptions copies', () => {
    const client = new MiniMax({ apiKey: SECRET });
    for (const text of [
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      String(client),
      inspect(client.withOptions({ timeout: 1 }), { depth: 10 }),
      inspect(client.files, { depth: 10, showHidden: true }),
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('never shows the key in an error, even one caused by the request', async () => {
    const error = (await mock
      .client({ apiKey: SECRET, maxRetries: 0 })
      .chat.create({ model: 'MiniMax-M2', messages: [] }, mock.scenario('invalid_key'))
      .catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      error.stack ?? '',
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });
});

describe('ids as arguments', () => {
  it('refuses an id that already lost precision as a number, before sending', async () => {
    const fetchSpy = vi.fn(fetch);
    const client = mock.client({ fetch: fetchSpy });
    // biome-ignore lint/correctness/noPrecisionLoss: the point of the test is a number that lost its last digits
    const corrupted = 307123456789012345 as unknown as string;
    await expect(client.files.retrieve(corrupted)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.files.delete({ file_id: corrupted, purpose: 'voice_clone' })).rejects.toThrow(/above 2\^53/);
    await expect(client.files.retrieve('not-an-id')).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.video.retrieve('')).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('sends body ids as bare JSON numbers, digit for digit', async () => {
    const bodies: string[] = [];
    const client = mock.client({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && !request.url.includes('upload')) bodies.push(await request.clone().text());
        return fetch(request);
      },
    });
    const { file } = await client.files.upload({ file: new Uint8Array(4), filename: 'a.mp3', purpose: 'voice_clone' });
    await client.voices.clone({ file_id: file!.file_id, voice_id: 'V1' });
    expect(bodies[0]).toContain(`"file_id":${file!.file_id}`);
  });
});

describe('validation', () => {
  const badBody = async (): Promise<Response> =>
    new Response(JSON.stringify({ base_resp: { status_code: 0, status_msg: 'ok' }, voice_id: 42 }), {
      headers: { 'content-type': 'application/json' },
    });

  it("'off' (default) returns the body untouched, unknown fields included", async () => {
    const client = new MiniMax({ apiKey: 'k', fetch: badBody, maxRetries: 0 });
    const result = (await client.voices.delete({ voice_id: 'v', voice_type: 'voice_cloning' })) as unknown as Record<
      string,
      unknown
    >;
    expect(result.voice_id).toBe(42);
  });

  it("'warn' logs a mismatch and still returns the body", async () => {
    const warn = vi.fn();
    const logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
    const client = new MiniMax({ apiKey: 'k', fetch: badBody, validate: 'warn', logger });
    const result = (await client.voices.delete({ voice_id: 'v', voice_type: 'voice_cloning' })) as unknown as Record<
      string,
      unknown
    >;
    expect(result.voice_id).toBe(42);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/voice_id/));
  });

  it("'strict' throws ResponseValidationError with the issues and the body", async () => {
    const client = new MiniMax({ apiKey: 'k', fetch: badBody, validate: 'strict' });
    const error = (await client.voices
      .delete({ voice_id: 'v', voice_type: 'voice_cloning' })
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues[0]?.path).toBe('voice_id');
    expect((error.body as Record<string, unknown>).voice_id).toBe(42);
  });

  it("'strict' passes every response of the mock, streams included", async () => {
    const client = mock.client({ validate: 'strict' });
    await client.chat.create({ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi' }] });
    const stream = await client.chat.create({
      model: 'MiniMax-M2',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    await stream.finalText();
    const speech = await client.speech.stream({ model: 'speech-2.6-hd', text: 'Hi', voice_setting: { voice_id: 'v' } });
    await speech.collect();
  });
});

describe('downloads', () => {
  it('fails a stalled download with APITimeoutError after the idle timeout', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(new Uint8Array(10)); // then silence
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const client = new MiniMax({ apiKey: 'k', baseURL: `http://127.0.0.1:${port}`, idleTimeout: 150 });
      const content = await client.files.content('307123456789012345');
      const started = Date.now();
      const error = await content.bytes().catch((e: unknown) => e);
      expect((error as Error).name).toBe('APITimeoutError');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('browsers', () => {
  it('refuses to hold a secret key in a browser page unless dangerouslyAllowBrowser is set', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    vi.stubGlobal('process', undefined);
    try {
      expect(() => new MiniMax({ apiKey: 'k' })).toThrow(/dangerouslyAllowBrowser/);
      expect(() => new MiniMax({ apiKey: 'k', dangerouslyAllowBrowser: true })).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('answers that look successful but are not', () => {
  const respond = (body: string, type: string) => async () => new Response(body, { headers: { 'content-type': type } });
  const chatParams = { model: 'MiniMax-M2', messages: [{ role: 'user' as const, content: 'Hi' }] };

  it('raises a stream whose body ends cleanly before its last frame, keeping the text so far', async () => {
    const sse = 'data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n';
    const client = new MiniMax({ apiKey: 'k', fetch: respond(sse, 'text/event-stream') });
    const stream = await client.chat.create({ ...chatParams, stream: true });
    const error = (await stream.finalText().catch((e: unknown) => e)) as APIError;
    expect(error.name).toBe('APIConnectionError');
    expect(error.partialText).toBe('Hel');
  });

  it('raises an HTML page answered with 200 where an event stream was expected', async () => {
    const client = new MiniMax({ apiKey: 'k', fetch: respond('<html>Bad gateway</html>', 'text/html'), maxRetries: 0 });
    const error = await client.chat.create({ ...chatParams, stream: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toMatch(/expected an event stream, got text\/html/);
  });

  it('raises an empty 200 body instead of returning {}', async () => {
    const client = new MiniMax({ apiKey: 'k', fetch: respond('', 'application/json'), maxRetries: 0 });
    const error = await client.voices.list({ voice_type: 'all' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/empty/);
    expect((error as Error).name).toBe('APIConnectionError');
  });
});
