import { describe, expect, it } from 'vitest';
import { useMock } from './mock-fixture.ts';

const mock = useMock();
const messages = [{ role: 'user' as const, content: 'Name the three primary colours.' }];

describe('chat (native chatcompletion_v2)', () => {
  it('creates a completion', async () => {
    const completion = await mock.client().chat.create({ model: 'MiniMax-M2', messages });
    expect(completion.base_resp.status_code).toBe(0);
    expect(completion.choices?.[0]?.message?.content).toMatch(/\w/);
  });

  it('streams increments without appending the aggregated final frame twice', async () => {
    const stream = await mock.client().chat.create({ model: 'MiniMax-M2', messages, stream: true });
    let streamed = '';
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      streamed += chunk.choices[0]?.delta?.content ?? '';
    }
    const final = await stream.finalMessage();
    expect(final.object).toBe('chat.completion');
    expect(final.usage?.total_tokens).toBeGreaterThan(0);
    expect(await stream.finalText()).toBe(streamed);
    expect(texts.join('')).toBe(streamed);
  });

  it('drives a stream to its end with finalText()', async () => {
    const stream = await mock.client().chat.create({ model: 'MiniMax-M2', messages, stream: true });
    const text = await stream.finalText();
    expect(text.length).toBeGreaterThan(10);
  });
});

describe('openai.chat.completions (OpenAI-compatible)', () => {
  it('creates a completion', async () => {
    const completion = await mock.client().openai.chat.completions.create({ model: 'MiniMax-M2', messages });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toMatch(/\w/);
  });

  it('streams to [DONE], yielding increments only', async () => {
    const stream = await mock.client().openai.chat.completions.create({ model: 'MiniMax-M2', messages, stream: true });
    let streamed = '';
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      streamed += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(await stream.finalText()).toBe(streamed);
    expect((await stream.finalMessage()).usage?.total_tokens).toBeGreaterThan(0);
  });
});

describe('anthropic.messages (Anthropic-compatible)', () => {
  it('creates a message', async () => {
    const message = await mock
      .client()
      .anthropic.messages.create({ model: 'MiniMax-M2', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] });
    expect(message.type).toBe('message');
    expect(message.content.length).toBeGreaterThan(0);
  });

  it('streams events and builds the message snapshot', async () => {
    const stream = await mock
      .client()
      .anthropic.messages.stream({ model: 'MiniMax-M2', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] });
    const types: string[] = [];
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    expect(await stream.finalText()).toBe(text);
    expect((await stream.finalMessage()).stop_reason).toBeTruthy();
  });
});
