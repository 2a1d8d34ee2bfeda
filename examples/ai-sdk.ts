/**
 * MiniMax through the Vercel AI SDK (`ai`), with `@minimax-ts/ai-sdk`: `generateText` with reasoning, `streamText`
 * with a tool the model may call, and `generateSpeech`. The provider reads MINIMAX_API_KEY, MINIMAX_REGION and
 * MINIMAX_BASE_URL like `new MiniMax()`.
 *
 *   npm run example -- ai-sdk           # writes out/ai-sdk-speech.mp3
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { minimax } from '@minimax-ts/ai-sdk';
import { experimental_generateSpeech as generateSpeech, generateText, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';

// The sdk under the provider already retries what is safe to retry (rate limits, connections never made);
// `maxRetries: 0` keeps the AI SDK from multiplying those attempts.
const answer = await generateText({
  model: minimax('MiniMax-M2.7'),
  prompt: 'Which is bigger, 9.11 or 9.9? One sentence.',
  maxRetries: 0,
});
console.log(`answer: ${answer.text}`);
console.log(`reasoning: ${answer.reasoningText ?? '(none)'}`);
console.log(`tokens: ${answer.usage.inputTokens} in, ${answer.usage.outputTokens} out`);

const stream = streamText({
  model: minimax('MiniMax-M2.7'),
  prompt: 'Say hello to someone in Paris, mentioning the weather there.',
  tools: {
    weather: tool({
      description: 'The current weather in a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, sky: 'clear', celsius: 21 }),
    }),
  },
  stopWhen: stepCountIs(3),
  maxRetries: 0,
});
process.stdout.write('streamed: ');
for await (const delta of stream.textStream) process.stdout.write(delta);
process.stdout.write('\n');
const steps = await stream.steps;
console.log(
  `finish reason: ${await stream.finishReason}, steps: ${steps.length}, tool calls: ${steps.flatMap((s) => s.toolCalls).length}`,
);

const speech = await generateSpeech({
  model: minimax.speech('speech-2.8-hd'),
  text: 'The quick brown fox jumps over the lazy dog.',
  voice: 'English_Graceful_Lady',
  maxRetries: 0,
});
await mkdir('out', { recursive: true });
await writeFile('out/ai-sdk-speech.mp3', speech.audio.uint8Array);
console.log(`saved out/ai-sdk-speech.mp3: ${speech.audio.uint8Array.length} bytes (${speech.audio.mediaType})`);
