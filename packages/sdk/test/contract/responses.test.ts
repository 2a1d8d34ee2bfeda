/**
 * `mm.responses` against the mock over real HTTP: the JSON answer, the OpenAI-format event stream (text, reasoning,
 * a function call to the request's own tool), the token counter, the scenarios (rate limit, cut, error event), and
 * arguments refused before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  type APIError,
  ContentSensitiveError,
  InvalidArgumentError,
  RateLimitError,
  type ResponseFunctionCall,
  ResponseStream,
} from '../../src/index.ts';
import { recordingFetch, useMock } from './mock-fixture.ts';

const mock = useMock();
const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('responses.create', () => {
  it('answers with a response object whose output_text joins its message parts', async () => {
    const response = await mock.client().responses.create({ model: 'MiniMax-M3', input: 'Hello!' });
    expect(response.object).toBe('response');
    expect(response.status).toBe('completed');
    expect(response.model).toBe('MiniMax-M3');
    expect(response.output_text).toMatch(/MiniMax/);
    const message = response.output.find((item) => item.type === 'message');
    expect(message?.type === 'message' && message.content[0]?.text).toBe(response.output_text);
    expect(response.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('derives output_text ("" for a function call) when the server sends null', async () => {
    const response = await mock
      .client()
      .responses.create({ model: 'MiniMax-M3', input: 'Weather?', tools: [weatherTool] });
    const call = response.output.find((item) => item.type === 'function_call') as ResponseFunctionCall;
    expect(call.name).toBe('get_weather');
    expect(JSON.parse(call.arguments)).toEqual({ city: expect.any(String) });
    expect(response.output_text).toBe('');
  });

  it('answers a tool result in text', async () => {
    const response = await mock.client().responses.create({
      model: 'MiniMax-M3',
      tools: [weatherTool],
      input: [
        { role: 'user', content: 'Weather in Paris?' },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'Sunny, 22°C' },
      ],
    });
    expect(response.output_text).not.toBe('');
  });
});

describe('responses.stream', () => {
  it('yields the events in order, emits text, and ends with the completed response', async () => {
    const stream = await mock.client().responses.stream({ model: 'MiniMax-M3', input: 'Hello!' });
    expect(stream).toBeInstanceOf(ResponseStream);
    const deltas: string[] = [];
    const snapshots: string[] = [];
    stream.on('text', (delta, snapshot) => {
      deltas.push(delta);
      snapshots.push(snapshot);
    });
    const types: string[] = [];
    let streamed = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') streamed += event.delta;
    }
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.completed');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(streamed);
    expect(snapshots.at(-1)).toBe(streamed);
    const response = await stream.finalResponse();
    expect(response.status).toBe('completed');
    expect(response.output_text).toBe(streamed);
    expect(await stream.finalText()).toBe(streamed);
  });

  it('create({ stream: true }) streams too; chunks= sets the number of deltas', async () => {
    const stream = await mock
      .client()
      .responses.create({ model: 'MiniMax-M3', input: 'Hi', stream: true }, { headers: { Prefer: 'chunks=5' } });
    let deltas = 0;
    stream.on('text', () => deltas++);
    const text = await stream.finalText();
    expect(deltas).toBe(5);
    expect(text.length).toBeGreaterThan(5);
  });

  it('streams reasoning and a function call to the request tool', async () => {
    const stream = await mock
      .client()
      .responses.stream({ model: 'MiniMax-M3', input: 'Weather?', tools: [weatherTool] });
    const calls: ResponseFunctionCall[] = [];
    let reasoning = '';
    stream.on('functionCall', (call) => calls.push(call));
    stream.on('reasoning', (_delta, snapshot) => {
      reasoning = snapshot;
    });
    const response = await stream.finalResponse();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ type: 'function_call', name: 'get_weather' });
    expect(JSON.parse(calls[0]!.arguments)).toEqual({ city: expect.any(String) });
    expect(reasoning).not.toBe('');
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'function_call']);
    expect(response.output_text).toBe('');
  });

  it('a rate-limited stream is retried (429 before any event), then streams', async () => {
    const recorder = recordingFetch();
    const stream = await mock
      .client({ fetch: recorder.fetch })
      .responses.stream({ model: 'MiniMax-M3', input: 'Hi' }, mock.scenario('rate_limit_once', ', retry_after=0'));
    expect(await stream.finalText()).not.toBe('');
    expect(recorder.calls).toEqual(['POST /v1/responses', 'POST /v1/responses']);
  });

  it('a persistent rate limit is a RateLimitError with the OaiError details', async () => {
    const error = (await mock
      .client({ maxRetries: 0 })
      .responses.create({ model: 'MiniMax-M3', input: 'Hi' }, mock.scenario('rate_limit'))
      .catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(429);
    expect(error.code).toBe(1002);
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('an error event mid-stream is a typed error carrying the text received before it', async () => {
    const stream = await mock
      .client()
      .responses.stream({ model: 'MiniMax-M3', input: 'Hi' }, mock.scenario('stream_error'));
    let text = '';
    stream.on('text', (_delta, snapshot) => {
      text = snapshot;
    });
    const error = (await stream.finalResponse().catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(ContentSensitiveError);
    expect(error.code).toBe(1027);
    expect(text).not.toBe('');
    expect(error.partialText).toBe(text);
  });

  it('a stream cut before response.completed is an APIConnectionError with the partial text', async () => {
    const stream = await mock
      .client()
      .responses.stream({ model: 'MiniMax-M3', input: 'Hi' }, mock.scenario('stream_cut', ', chunks=8'));
    const error = (await stream.finalText().catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(stream.currentText).not.toBe('');
    expect(error.partialText).toBe(stream.currentText);
    expect(stream.currentResponse.status).toBe('in_progress');
  });
});

describe('responses.inputTokens', () => {
  it('counts more tokens for a longer input', async () => {
    const mm = mock.client();
    const short = await mm.responses.inputTokens({ model: 'MiniMax-M3', input: 'Hi' });
    const long = await mm.responses.inputTokens({ model: 'MiniMax-M3', input: 'Hi '.repeat(200) });
    expect(short.object).toBe('response.input_tokens');
    expect(long.input_tokens).toBeGreaterThan(short.input_tokens);
  });
});

describe('responses: arguments refused before sending', () => {
  const cases: [string, unknown, string][] = [
    ['no params', undefined, 'params'],
    ['no model', { input: 'Hi' }, 'model'],
    ['a blank model', { model: ' ', input: 'Hi' }, 'model'],
    ['no input', { model: 'MiniMax-M3' }, 'input'],
    ['an empty input', { model: 'MiniMax-M3', input: '' }, 'input'],
    ['an empty item list', { model: 'MiniMax-M3', input: [] }, 'input'],
    ['an input of the wrong type', { model: 'MiniMax-M3', input: 42 }, 'input'],
    ['an item that is not an object', { model: 'MiniMax-M3', input: ['Hi'] }, 'input[0]'],
    ['a stream that is not a boolean', { model: 'MiniMax-M3', input: 'Hi', stream: 'yes' }, 'stream'],
  ];
  it.each(cases)('%s', async (_, params, field) => {
    const recorder = recordingFetch();
    const mm = mock.client({ fetch: recorder.fetch });
    for (const call of [() => mm.responses.create(params as never), () => mm.responses.inputTokens(params as never)]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(field);
    }
    expect(recorder.calls).toEqual([]);
  });
});
