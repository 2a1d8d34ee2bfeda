/**
 * Native chat completion (`POST /v1/text/chatcompletion_v2`).
 *
 *   npm run example -- chat                               # against the embedded mock
 *   MINIMAX_API_KEY=… npm run example -- chat             # against the real API
 */
import { MiniMax } from '@minimax-ts/sdk';

// Reads MINIMAX_API_KEY, MINIMAX_REGION ('global' | 'cn') and MINIMAX_BASE_URL from the environment.
const mm = new MiniMax();

const completion = await mm.chat.create({
  model: 'MiniMax-M2',
  messages: [
    { role: 'system', content: 'You answer in one sentence.' },
    { role: 'user', content: 'Name the three primary colours of paint.' },
  ],
});

const message = completion.choices?.[0]?.message;
if (message?.reasoning_content) console.log(`thinking: ${message.reasoning_content}`);
console.log(`answer: ${message?.content}`);
console.log(`tokens: ${completion.usage?.total_tokens}`);
