/** `generateText` with the real `ai` package against the mock's Anthropic-compatible endpoint. */

import { generateText, stepCountIs, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useMock } from './fixture.ts';

const mock = useMock();

describe('generateText', () => {
  it('maps the answer: text, reasoning with its signature, usage, finish reason, response metadata', async () => {
    const { minimax, sent } = mock.provider();
    const result = await generateText({
      model: minimax('MiniMax-M2.7'),
      system: 'Be precise.',
      prompt: 'Which is bigger, 9.11 or 9.9?',
      maxRetries: 0,
    });
    expect(result.text).toBe('9.9 is bigger: written to two decimals it is 9.90, and 0.90 is more than 0.11.');
    expect(result.reasoningText).toMatch(/^Compare 9\.11 and 9\.90/);
    expect(result.reasoning[0]?.providerMetadata).toEqual({
      minimax: { signature: '7564f4e0e54b5c08b380d0b800aeb5463ea050e546cec7722e08ef6e912f6c67' },
    });
    expect(result.finishReason).toBe('stop');
    expect(result.rawFinishReason).toBe('end_turn');
    expect(result.usage).toMatchObject({ inputTokens: 48, outputTokens: 72, totalTokens: 120 });
    expect(result.usage.inputTokenDetails).toMatchObject({
      noCacheTokens: 48,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
    expect(result.response.id).toBe('066b367547c2650d17dc215f503da551');
    expect(result.response.modelId).toBe('MiniMax-M2.7');
    expect(result.warnings).toEqual([]);
    // A success carries its headers and Trace-Id too (what MiniMax support asks for).
    expect(sent[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.response.headers?.['trace-id']).toBe(sent[0]?.traceId);
    expect(result.response.headers?.['content-type']).toMatch(/json/);
    expect(result.providerMetadata?.minimax).toMatchObject({ traceId: sent[0]?.traceId });

    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe('/anthropic/v1/messages');
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer test-key');
    expect(sent[0]?.body).toEqual({
      model: 'MiniMax-M2.7',
      max_tokens: 65536,
      system: [{ type: 'text', text: 'Be precise.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Which is bigger, 9.11 or 9.9?' }] }],
      stream: false,
    });
  });

  it('sends the call settings and warns about those MiniMax ignores', async () => {
    const { minimax, sent } = mock.provider();
    const result = await generateText({
      model: minimax('MiniMax-M3'),
      prompt: 'Hi',
      temperature: 0.7,
      topP: 0.9,
      topK: 40,
      stopSequences: ['END'],
      seed: 1,
      maxOutputTokens: 300,
      headers: { 'x-trace-tag': 'a' },
      providerOptions: { minimax: { thinking: { type: 'disabled' }, serviceTier: 'priority', userId: 'u-1' } },
      maxRetries: 0,
    });
    expect(sent[0]?.body).toMatchObject({
      model: 'MiniMax-M3',
      max_tokens: 300,
      temperature: 0.7,
      top_p: 0.9,
      thinking: { type: 'disabled' },
      service_tier: 'priority',
      metadata: { user_id: 'u-1' },
    });
    expect(sent[0]?.body).not.toHaveProperty('top_k');
    expect(sent[0]?.body).not.toHaveProperty('stop_sequences');
    expect(sent[0]?.headers.get('x-trace-tag')).toBe('a');
    expect((result.warnings ?? []).map((w) => (w.type === 'other' ? w.message : w.feature))).toEqual([
      'topK',
      'stopSequences',
      'seed',
    ]);
  });

  it('runs a tool-call round trip, sending the thinking block and its signature back', async () => {
    // The mock answers with its `tool_use` example until the conversation carries a tool result.
    const { minimax, sent } = mock.provider({}, (body, headers) => {
      if (!JSON.stringify(body).includes('"tool_result"')) headers.set('Prefer', 'example=tool_use');
    });
    const calls: unknown[] = [];
    const result = await generateText({
      model: minimax('MiniMax-M2.7'),
      prompt: 'What is the weather in San Francisco?',
      tools: {
        get_weather: tool({
          description: 'Current weather for a location',
          inputSchema: z.object({ location: z.string() }),
          execute: async (input) => {
            calls.push(input);
            return { temperature: 18, unit: 'C' };
          },
        }),
      },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(calls).toEqual([{ location: 'San Francisco, US' }]);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.finishReason).toBe('tool-calls');
    expect(result.text).toMatch(/^9\.9 is bigger/);

    expect(sent).toHaveLength(2);
    expect(sent[0]?.body.tools).toEqual([
      {
        name: 'get_weather',
        description: 'Current weather for a location',
        input_schema: expect.objectContaining({ type: 'object', required: ['location'] }),
      },
    ]);
    expect(sent[1]?.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'What is the weather in San Francisco?' }] },
      {
        role: 'assistant',
        content: [
          {
            type: 'thinking',
            thinking: "The user wants the current weather in San Francisco. I'll call get_weather.",
            signature: 'ca8010ef1c5606561a17158c090bd20f33a8a8ac5f3b6cfb4326408395cbff39',
          },
          {
            type: 'tool_use',
            id: 'call_function_debp7sfnk20c_1',
            name: 'get_weather',
            input: { location: 'San Francisco, US' },
          },
        ],
      },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'call_function_debp7sfnk20c_1',
            content: '{"temperature":18,"unit":"C"}',
          },
        ],
      },
    ]);
  });
});
