/**
 * MiniMax's Anthropic-compatible endpoint (`POST /anthropic/v1/messages`), shaped like anthropic-sdk-typescript:
 * `mm.anthropic.messages.create(…)` and `.stream(…)`.
 *
 *   npm run example -- anthropic-compatible
 */
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();
const messages = [{ role: 'user' as const, content: 'Give me one tip for writing clear error messages.' }];

const message = await mm.anthropic.messages.create({ model: 'MiniMax-M2', max_tokens: 512, messages });
for (const block of message.content) if (block.type === 'text') console.log(`answer: ${block.text}`);

const stream = await mm.anthropic.messages.stream({ model: 'MiniMax-M2', max_tokens: 512, messages });
stream.on('text', (delta) => process.stdout.write(delta));
const final = await stream.finalMessage();
process.stdout.write('\n');
console.log(`stop reason: ${final.stop_reason}, output tokens: ${final.usage?.output_tokens}`);
