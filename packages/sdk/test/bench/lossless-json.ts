/**
 * Cost of `parseJSON` over plain `JSON.parse` on typical MiniMax responses.
 * Run: `npx tsx packages/sdk/test/bench/lossless-json.ts`. Not part of the test run (timing is noisy).
 */

import { parseJSON } from '../../src/internal/lossless-json.ts';

function bench(name: string, text: string, rounds: number): void {
  const time = (parse: (t: string) => unknown): number => {
    for (let i = 0; i < Math.min(rounds, 50); i++) parse(text); // warm-up
    const started = performance.now();
    for (let i = 0; i < rounds; i++) parse(text);
    return (performance.now() - started) / rounds;
  };
  const plain = time(JSON.parse);
  const lossless = time((t) => parseJSON(t));
  console.log(
    `${name}: JSON.parse ${(plain * 1000).toFixed(1)} µs, parseJSON ${(lossless * 1000).toFixed(1)} µs (×${(lossless / plain).toFixed(2)})`,
  );
}

const chat = JSON.stringify({
  id: '0601a2b3c4d5e6f7a8b9',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! '.repeat(40) }, finish_reason: 'stop' }],
  created: 1735000000,
  model: 'MiniMax-M2',
  usage: { total_tokens: 321, prompt_tokens: 12, completion_tokens: 309 },
  base_resp: { status_code: 0, status_msg: '' },
});
const file =
  '{"file":{"file_id":307123456789012345,"bytes":5896337,"created_at":1700469398,"filename":"a.mp3","purpose":"voice_clone"},"base_resp":{"status_code":0,"status_msg":"success"}}';
const hexChars = '0123456789abcdef';
let hex = '';
for (let i = 0; i < 2_000_000; i++) hex += hexChars[(i * 7919 + (i >> 3)) % 16];
const speech = JSON.stringify({
  data: { audio: hex, status: 2 },
  extra_info: { audio_length: 9000 },
  trace_id: 't',
  base_resp: { status_code: 0, status_msg: 'success' },
});
const files = Array.from(
  { length: 200 },
  (_, i) => `{"file_id":${307123456789012345n + BigInt(i)},"bytes":${i},"filename":"f${i}.mp3"}`,
);
const list = `{"files":[${files.join(',')}],"base_resp":{"status_code":0,"status_msg":"success"}}`;

bench('chat response (1 KB)', chat, 20_000);
bench('file retrieve with 18-digit id', file, 20_000);
bench('file list, 200 ids', list, 2_000);
bench('speech, 2 MB hex audio', speech, 50);
