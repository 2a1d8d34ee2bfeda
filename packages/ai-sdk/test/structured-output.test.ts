/**
 * Structured output. MiniMax has no JSON mode on this endpoint, so the provider asks for JSON in the system prompt
 * and removes a code fence the model may still add; these tests script answers the mock's examples cannot give.
 */

import { generateObject, generateText, Output, streamText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMiniMax } from '../src/index.ts';
import { type ScriptedServer, scriptedServer, textEvents, textMessage } from './scripted-server.ts';

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const city = z.object({ name: z.string(), population: z.number() });
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const provider = (url: string) => createMiniMax({ apiKey: 'k', baseURL: url, logLevel: 'off' });

describe('structured output', () => {
  it('generateObject: the schema goes into the system prompt; a fenced answer is parsed', async () => {
    server = await scriptedServer(() => ({ json: textMessage('```json\n{"name":"Paris","population":2100000}\n```') }));
    const { object, warnings } = await generateObject({
      model: provider(server.url)('MiniMax-M2.7'),
      system: 'You know geography.',
      schema: city,
      schemaName: 'city',
      prompt: 'The capital of France?',
      maxRetries: 0,
    });
    expect(object).toEqual({ name: 'Paris', population: 2100000 });
    expect(warnings).toEqual([expect.objectContaining({ type: 'compatibility', feature: 'responseFormat' })]);
    const system = server.bodies[0].system as Array<{ text: string }>;
    expect(system[0]?.text).toBe('You know geography.');
    expect(system[1]?.text).toMatch(/^Your final answer must be one JSON value and nothing else/);
    expect(system[1]?.text).toContain('"population":{"type":"number"}');
  });

  it('generateText with Output.object parses an unfenced answer as is', async () => {
    server = await scriptedServer(() => ({ json: textMessage('{"name":"Lyon","population":520000}') }));
    const result = await generateText({
      model: provider(server.url)('MiniMax-M2.7'),
      output: Output.object({ schema: city }),
      prompt: 'A French city?',
      maxRetries: 0,
    });
    expect(result.output).toEqual({ name: 'Lyon', population: 520000 });
  });

  it('streamText with Output.object: the fence is removed however the deltas split it', async () => {
    const answer = '```json\n{"name":"Nice","population":340000}\n```';
    for (const cut of [1, 3, 5, 8, 20, answer.length - 4, answer.length - 2]) {
      server = await scriptedServer(() => ({ events: textEvents([answer.slice(0, cut), answer.slice(cut)]) }));
      const result = streamText({
        model: provider(server.url)('MiniMax-M2.7'),
        output: Output.object({ schema: city }),
        prompt: 'A city on the Riviera?',
        maxRetries: 0,
      });
      const partials: unknown[] = [];
      for await (const partial of result.partialOutputStream) partials.push(partial);
      expect(await result.output, `cut at ${cut}`).toEqual({ name: 'Nice', population: 340000 });
      expect(await result.text, `cut at ${cut}`).toBe('{"name":"Nice","population":340000}');
      await server.close();
      server = undefined;
    }
  });
});
