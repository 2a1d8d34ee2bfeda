/**
 * MiniMax's OpenAI-compatible endpoint (`POST /v1/chat/completions`), shaped like openai-node:
 * `mm.openai.chat.completions.create(…)`.
 *
 *   npm run example -- openai-compatible
 */
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();
const messages = [{ role: 'user' as const, content: 'Say hello in French, Spanish and Japanese.' }];

const completion = await mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages });
console.log(`answer: ${completion.choices[0]?.message.content}`);

// Streaming: increments only (MiniMax's opening role:"" chunk and aggregated last frame are handled).
const stream = await mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages, stream: true });
process.stdout.write('streamed: ');
for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
process.stdout.write('\n');
console.log(`tokens: ${(await stream.finalMessage()).usage?.total_tokens}`);
