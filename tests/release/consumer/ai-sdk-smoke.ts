/**
 * The AI SDK smoke: `@minimax-ts/ai-sdk` as installed from a registry, driven by `ai` 6 (the version a Node 20 user
 * gets), compiled by the consumer's strict `tsc` next to `smoke.ts` and run on Node 20 against the MiniMax mock. The
 * provider reads MINIMAX_API_KEY and MINIMAX_BASE_URL itself. Each check prints `ok <name>`; a failure throws.
 * (`ai` 7 needs Node ≥ 22: packages/ai-sdk/test/ai7/smoke.mjs covers it, under Node 24, in another consumer.)
 *
 * This file is a template: the release test copies it into a temp project outside the repository.
 */
import { createMiniMax } from '@minimax-ts/ai-sdk';
import { APICallError, generateText, streamText } from 'ai';

const minimax = createMiniMax({ maxRetries: 0, logLevel: 'off' });
const model = minimax('MiniMax-M2.7');

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`ai-sdk smoke: ${message}`);
}

async function step(name: string, body: () => Promise<string>): Promise<void> {
  const started = Date.now();
  const detail = await body();
  console.log(`ok ${name}: ${detail} (${Date.now() - started} ms)`);
}

await step('generateText', async () => {
  const result = await generateText({ model, prompt: 'Which is bigger, 9.9 or 9.11?', maxRetries: 0 });
  check(result.text.length > 0, `no text: ${JSON.stringify(result.content)}`);
  check(result.finishReason === 'stop', `finishReason ${result.finishReason}`);
  check((result.usage.inputTokens ?? 0) > 0, `usage ${JSON.stringify(result.usage)}`);
  return `${result.text.length} characters, ${result.usage.inputTokens} input tokens`;
});

await step('streamText', async () => {
  const result = streamText({ model, prompt: 'Hi', maxRetries: 0 });
  const parts = new Map<string, number>();
  for await (const part of result.fullStream) parts.set(part.type, (parts.get(part.type) ?? 0) + 1);
  const text = await result.text;
  check(text.length > 0 && (parts.get('text-delta') ?? 0) > 0, `parts ${JSON.stringify([...parts])}`);
  check((await result.finishReason) === 'stop', `finishReason ${await result.finishReason}`);
  return `${parts.get('text-delta')} text deltas, ${text.length} characters`;
});

await step('error', async () => {
  const error = await generateText({
    model,
    prompt: 'Hi',
    headers: { Prefer: 'scenario=rate_limit', 'X-Mock-Session': `ai-sdk-${Date.now()}-${Math.random()}` },
    maxRetries: 0,
  }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  check(APICallError.isInstance(error) && error.statusCode === 429, `a rate limit raised ${String(error)}`);
  return `APICallError ${error.statusCode}`;
});

console.log('ai-sdk smoke: every check ok');
