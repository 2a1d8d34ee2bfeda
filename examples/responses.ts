/**
 * MiniMax's OpenAI Responses-compatible endpoint (`POST /v1/responses`), shaped like openai-node's
 * `client.responses`: a plain call, a streamed one with `on('text')` and `finalResponse()`, a tool call, and the free
 * input token count.
 *
 *   npm run example -- responses
 */
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();
const model = 'MiniMax-M3';

const { input_tokens } = await mm.responses.inputTokens({ model, input: 'Say hello in French and Japanese.' });
console.log(`input tokens: ${input_tokens}`);

const response = await mm.responses.create({ model, input: 'Say hello in French and Japanese.' });
console.log(`answer: ${response.output_text}`);

// Streamed: the text as it arrives, then the whole response (usage included).
const stream = await mm.responses.stream({ model, instructions: 'Be brief.', input: 'Name three primary colours.' });
process.stdout.write('streamed: ');
stream.on('text', (delta) => process.stdout.write(delta));
const final = await stream.finalResponse();
process.stdout.write('\n');
console.log(`status: ${final.status}, tokens: ${final.usage?.total_tokens}`);

// A tool: the model asks for a call; answer it with a function_call_output item.
const tools = [
  {
    type: 'function' as const,
    name: 'get_weather',
    description: 'The current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
];
const asked = await mm.responses.create({ model, input: 'What is the weather in Paris?', tools });
const call = asked.output.find((item) => item.type === 'function_call');
if (call?.type === 'function_call') {
  console.log(`tool call: ${call.name}(${call.arguments})`);
  const answered = await mm.responses.create({
    model,
    tools,
    input: [
      { role: 'user', content: 'What is the weather in Paris?' },
      { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments },
      { type: 'function_call_output', call_id: call.call_id, output: 'Sunny, 22°C' },
    ],
  });
  console.log(`after the tool: ${answered.output_text}`);
}
