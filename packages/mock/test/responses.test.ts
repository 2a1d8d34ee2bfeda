/**
 * The Responses API, models and music rules of the mock, over HTTP. The stream is checked against OpenAI's own
 * client (openai-node's `responses.stream()` validates every event against the snapshot it builds), so a client
 * written for OpenAI's Responses API can be tested against the mock.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.ts';
import { get, parseSse, post, start } from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await start({ streamDelayMs: 5 });
});
afterAll(() => mock.close());

// biome-ignore lint/suspicious/noExplicitAny: poking at parsed test JSON
const json = (data: string) => JSON.parse(data) as Record<string, any>;
const tool = {
  type: 'function',
  name: 'get_weather',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city', 'unit'],
  },
};

async function events(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await post(mock, '/v1/responses', { model: 'MiniMax-M3', stream: true, ...body }, headers);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseSse(await res.text());
}

describe('POST /v1/responses', () => {
  it('answers the request: its model, a fresh id, item ids derived from it, tokens counted from the input', async () => {
    const a = json(await (await post(mock, '/v1/responses', { model: 'MiniMax-M2.7', input: 'Hi' })).text());
    const b = json(await (await post(mock, '/v1/responses', { model: 'MiniMax-M3', input: 'Hi '.repeat(50) })).text());
    expect(a.model).toBe('MiniMax-M2.7');
    expect(a.id).not.toBe(b.id);
    expect(a.output[0].id).toBe(`${a.id}_msg`);
    expect(b.usage.input_tokens).toBeGreaterThan(a.usage.input_tokens);
    expect(a.usage.total_tokens).toBe(a.usage.input_tokens + a.usage.output_tokens);
  });

  it('streams OpenAI Responses events: numbered from 0, named by event lines, ending with response.completed', async () => {
    const frames = await events({ input: 'Hi' });
    const data = frames.map((f) => json(f.data));
    expect(data.map((d) => d.sequence_number)).toEqual(data.map((_, i) => i));
    expect(frames.every((f, i) => f.event === data[i]!.type)).toBe(true);
    expect(data[0]!.type).toBe('response.created');
    expect(data.at(-1)!.type).toBe('response.completed');
    expect(frames.some((f) => f.data === '[DONE]')).toBe(false);
    const streamed = data.filter((d) => d.type === 'response.output_text.delta').map((d) => d.delta);
    expect(streamed.join('')).toBe(data.at(-1)!.response.output_text);
  });

  it('calls the request tool with arguments that fit its schema; answers its result in text', async () => {
    const frames = await events({ input: 'Weather?', tools: [tool] });
    const done = json(frames.at(-1)!.data).response;
    const call = done.output.find((item: { type: string }) => item.type === 'function_call');
    expect(call.name).toBe('get_weather');
    expect(JSON.parse(call.arguments)).toEqual({ city: expect.any(String), unit: 'celsius' });
    const followUp = [
      { role: 'user', content: 'Weather?' },
      { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments },
      { type: 'function_call_output', call_id: call.call_id, output: '21°C' },
    ];
    const answer = json(
      await (await post(mock, '/v1/responses', { model: 'M', input: followUp, tools: [tool] })).text(),
    );
    expect(answer.output.map((item: { type: string }) => item.type)).toEqual(['message']);
    const none = json(
      await (await post(mock, '/v1/responses', { model: 'M', input: 'x', tools: [tool], tool_choice: 'none' })).text(),
    );
    expect(none.output_text).toMatch(/\w/);
  });

  it('spreads the events over streamDelayMs', async () => {
    const res = await post(mock, '/v1/responses', { model: 'M', input: 'Hi', stream: true }, { Prefer: 'delay=30' });
    const reader = res.body!.getReader();
    const started = Date.now();
    const arrivals: number[] = [];
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      arrivals.push(Date.now() - started);
    }
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(30 * 10);
  });

  it('refuses an empty input with the OaiError 400', async () => {
    const res = await post(mock, '/v1/responses', { model: 'MiniMax-M3', input: [] });
    expect(res.status).toBe(400);
    expect(json(await res.text())).toMatchObject({
      type: 'error',
      error: { type: 'bad_request_error', http_code: '400' },
    });
  });

  it('scenarios: a rate limit is an OaiError 429, stream_error an error event, stream_cut a cut', async () => {
    const limited = await post(mock, '/v1/responses', { model: 'M', input: 'Hi' }, { Prefer: 'scenario=rate_limit' });
    expect(limited.status).toBe(429);
    expect(json(await limited.text()).error).toMatchObject({ type: 'rate_limit_error', http_code: '429' });

    const failed = await events({ input: 'Hi' }, { Prefer: 'scenario=stream_error' });
    const last = failed.at(-1)!;
    expect(last.event).toBe('error');
    expect(json(last.data)).toMatchObject({
      type: 'error',
      code: 'server_error',
      message: expect.stringMatching(/\(1027\)$/),
    });
    expect(failed.some((f) => json(f.data).type === 'response.completed')).toBe(false);

    const cut = await post(
      mock,
      '/v1/responses',
      { model: 'M', input: 'Hi', stream: true },
      { Prefer: 'scenario=stream_cut' },
    );
    await expect(cut.text()).rejects.toThrow();
  });

  it("openai-node's responses.stream() accepts the stream and its final response", async () => {
    const client = new OpenAI({ apiKey: 'test-key', baseURL: `${mock.url}/v1`, maxRetries: 0 });
    const stream = client.responses.stream({ model: 'MiniMax-M3', input: 'Weather?', tools: [tool as never] });
    let text = '';
    stream.on('response.output_text.delta', (event) => {
      text += event.delta;
    });
    const final = await stream.finalResponse();
    expect(final.output.map((item) => item.type)).toEqual(['reasoning', 'function_call']);
    const plain = await client.responses.stream({ model: 'MiniMax-M3', input: 'Hi' }).finalResponse();
    expect(plain.output_text).toMatch(/MiniMax/);
    expect(text).toBe('');
    const created = await client.responses.create({ model: 'MiniMax-M3', input: 'Hi' });
    expect(created.output_text).toBe(plain.output_text);
  });
});

describe('POST /v1/responses/input_tokens', () => {
  it('counts the input', async () => {
    const short = json(await (await post(mock, '/v1/responses/input_tokens', { model: 'M', input: 'Hi' })).text());
    const long = json(
      await (
        await post(mock, '/v1/responses/input_tokens', {
          model: 'M',
          input: [{ role: 'user', content: 'Hi '.repeat(99) }],
        })
      ).text(),
    );
    expect(short.object).toBe('response.input_tokens');
    expect(long.input_tokens).toBeGreaterThan(short.input_tokens);
  });
});

describe('models, lyrics, cover preprocessing', () => {
  it('retrieves a listed model; an unknown id is a 404 not_found_error', async () => {
    const list = json(await (await get(mock, '/v1/models')).text());
    for (const model of list.data) {
      expect(json(await (await get(mock, `/v1/models/${encodeURIComponent(model.id)}`)).text())).toEqual(model);
    }
    const missing = await get(mock, '/v1/models/gpt-4');
    expect(missing.status).toBe(404);
    expect(json(await missing.text())).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error', http_code: '404' },
    });
  });

  it('lyrics keep the title; cover preprocessing takes exactly one audio', async () => {
    const lyrics = json(
      await (await post(mock, '/v1/lyrics_generation', { mode: 'write_full_song', title: 'Tide' })).text(),
    );
    expect(lyrics.song_title).toBe('Tide');
    for (const body of [
      { model: 'music-cover' },
      { model: 'music-cover', audio_url: 'https://a/b.mp3', audio_base64: 'AA' },
    ]) {
      const res = await post(mock, '/v1/music_cover_preprocess', body);
      expect(res.status).toBe(200);
      expect(json(await res.text()).base_resp.status_code).toBe(2013);
    }
    const ok = json(
      await (await post(mock, '/v1/music_cover_preprocess', { model: 'music-cover', audio_base64: 'AAAA' })).text(),
    );
    expect(ok.base_resp.status_code).toBe(0);
  });
});
