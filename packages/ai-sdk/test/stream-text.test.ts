/** `streamText` with the real `ai` package: parts, a streamed tool-call round trip, errors and aborts mid-stream. */

import { APICallError } from '@ai-sdk/provider';
import { APIError } from '@minimax-ts/sdk';
import { stepCountIs, streamText, type TextStreamPart, type ToolSet, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useMock } from './fixture.ts';

const mock = useMock();

async function collect<T extends ToolSet>(stream: AsyncIterable<TextStreamPart<T>>): Promise<Array<TextStreamPart<T>>> {
  const parts: Array<TextStreamPart<T>> = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

describe('streamText', () => {
  it('streams reasoning then text, with the signature, usage and finish reason', async () => {
    const { minimax, sent } = mock.provider();
    const result = streamText({ model: minimax('MiniMax-M2.7'), prompt: 'Say hello', maxRetries: 0 });
    const parts = await collect(result.fullStream);
    expect(parts.map((p) => p.type)).toEqual([
      'start',
      'start-step',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-delta',
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(await result.text).toBe("Hello! It's nice to meet you.");
    expect(await result.reasoningText).toBe('The user wants a short greeting.');
    const reasoning = await result.reasoning;
    expect(reasoning[0]?.providerMetadata).toEqual({
      minimax: { signature: '6deea14a039646c64cff2cdc13db8e1aa093c3f7334bfd4941ee1eee8663b214' },
    });
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toMatchObject({ inputTokens: 41, outputTokens: 17, totalTokens: 58 });
    expect((await result.response).id).toBe('066a38a98a4ffbf5554a468fe0cbedf6');
    expect(sent[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(await result.providerMetadata).toEqual({ minimax: { serviceTier: 'standard', traceId: sent[0]?.traceId } });
    expect((await result.response).headers?.['trace-id']).toBe(sent[0]?.traceId);
    expect(sent[0]?.body.stream).toBe(true);
  });

  it('runs a streamed tool call round trip with stopWhen', async () => {
    const { minimax, sent } = mock.provider({}, (body, headers) => {
      if (!JSON.stringify(body).includes('"tool_result"')) headers.set('Prefer', 'example=tool_use');
    });
    const inputs: unknown[] = [];
    const result = streamText({
      model: minimax('MiniMax-M2.7'),
      prompt: 'Weather in San Francisco?',
      tools: {
        get_weather: tool({
          inputSchema: z.object({ location: z.string() }),
          execute: async (input) => {
            inputs.push(input);
            return 'sunny, 18 °C';
          },
        }),
      },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    const parts = await collect(result.fullStream);
    const types = parts.map((p) => p.type);
    expect(types.slice(0, 8)).toEqual([
      'start',
      'start-step',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'tool-result',
    ]);
    expect(inputs).toEqual([{ location: 'San Francisco, US' }]);
    expect(await result.text).toBe("Hello! It's nice to meet you.");
    expect((await result.steps).map((s) => s.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
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
        content: [{ type: 'tool_result', tool_use_id: 'call_function_debp7sfnk20c_1', content: 'sunny, 18 °C' }],
      },
    ]);
  });

  it('delivers the text before an error event, then the error as an APICallError with the sdk error as cause', async () => {
    const { minimax } = mock.provider();
    const errors: unknown[] = [];
    const result = streamText({
      model: minimax('MiniMax-M2.7'),
      prompt: 'Hi',
      headers: { Prefer: 'example=error_mid_stream' },
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await collect(result.fullStream);
    expect(parts.filter((p) => p.type === 'text-delta').map((p) => p.text)).toEqual(['Here is the first part']);
    const error = parts.find((p) => p.type === 'error')?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    const cause = (error as APICallError).cause;
    expect(cause).toBeInstanceOf(APIError);
    expect((cause as APIError).type).toBe('overloaded_error');
    expect((cause as APIError).partialText).toBe('Here is the first part');
    expect(errors).toEqual([error]);
    expect(parts.find((p) => p.type === 'finish-step')).toMatchObject({ finishReason: 'error' });
  });

  it('a failure before the stream opens reaches onError as an APICallError', async () => {
    const { minimax, sent } = mock.provider({ maxRetries: 0 });
    const errors: unknown[] = [];
    const result = streamText({
      model: minimax('MiniMax-M2.7'),
      prompt: 'Hi',
      headers: mock.scenario('invalid_key'),
      maxRetries: 2,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await collect(result.fullStream);
    expect(parts.map((p) => p.type)).toContain('error');
    expect(sent).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ statusCode: 401, isRetryable: false });
    expect((errors[0] as APICallError).cause).toMatchObject({ name: 'AuthenticationError', code: 2049 });
  });

  it('stops on abort: the AI SDK reports an abort, not an API error, and the stream is closed', async () => {
    const { minimax, sent } = mock.provider();
    const controller = new AbortController();
    const result = streamText({
      model: minimax('MiniMax-M2.7'),
      prompt: 'Hi',
      headers: { Prefer: 'chunks=50, delay=20' },
      abortSignal: controller.signal,
      maxRetries: 0,
    });
    const types: string[] = [];
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(types).toContain('abort');
    expect(types).not.toContain('error');
    expect(sent).toHaveLength(1);
  });
});
