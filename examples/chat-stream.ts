/**
 * Native chat, streamed token by token. MiniMax ends the stream with one more frame holding the whole answer;
 * the SDK keeps it for `finalMessage()` instead of yielding the text a second time.
 *
 *   npm run example -- chat-stream
 */
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();

const stream = await mm.chat.create({
  model: 'MiniMax-M2',
  messages: [{ role: 'user', content: 'Write a haiku about the sea.' }],
  stream: true,
});

// Either listen for text deltas…
stream.on('text', (delta) => process.stdout.write(delta));
// …or iterate the chunks: `for await (const chunk of stream) chunk.choices[0]?.delta?.content`.
const final = await stream.finalMessage();
process.stdout.write('\n');
console.log(`finish reason: ${final.choices?.[0]?.finish_reason}, tokens: ${final.usage?.total_tokens}`);
