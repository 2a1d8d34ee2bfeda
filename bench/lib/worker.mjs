/**
 * One contestant in its own process: it loads only its own library, so one library's heap, JIT state and garbage
 * never weigh on another's timings. The suite (the parent) sends `run` messages in the interleaved order it wants;
 * the worker runs the operation, checks what it consumed, and answers with its own CPU and wall time.
 *
 * Messages: `{ type: 'init', metric, name, endpoint, baseURL, sdk }` → `{ ready }`;
 * `{ type: 'run', n, chunks?, events?, size?, gc? }` → `{ cpuUs, wallMs }` or `{ error }`.
 */

import { chatCallers, chatStreamers, createClients, LIBRARY, rawReads, speechStreamers } from './contestants.mjs';
import { cpuSince } from './stats.mjs';
import { audioDigest, expectedAudioDigest, REPLY_TEXT, streamText } from './wire.mjs';

let operation;
const texts = new Map();
const digests = new Map();

async function init({ metric, name, endpoint, baseURL, sdk }) {
  const lib = LIBRARY[name];
  const clients = await createClients(baseURL, sdk, lib ? [lib] : []);
  const pick = (list) => list.find((c) => c.name === name && (c.endpoint === undefined || c.endpoint === endpoint));
  if (metric === 'request') {
    const { call } = pick(chatCallers(clients));
    operation = async () => {
      const text = await call();
      if (text !== REPLY_TEXT) throw new Error(`${name} returned the wrong text: ${JSON.stringify(text)}`);
    };
  } else if (metric === 'chat-stream') {
    const { call } = pick(chatStreamers(clients));
    operation = async ({ chunks }) => {
      if (!texts.has(chunks)) texts.set(chunks, streamText(chunks));
      const expected = texts.get(chunks);
      const text = await call();
      if (text !== expected) {
        throw new Error(`${name} reassembled ${text.length} chars, expected ${expected.length} (text differs)`);
      }
    };
  } else if (metric === 'speech-stream') {
    const { call } = pick(speechStreamers(clients));
    operation = async ({ events, size }) => {
      const key = `${events}:${size}`;
      if (!digests.has(key)) digests.set(key, expectedAudioDigest(events, size));
      const expected = digests.get(key);
      const digest = audioDigest();
      await call(digest);
      const got = digest.value;
      if (got.bytes !== expected.bytes || got.sum !== expected.sum) {
        throw new Error(
          `${name} decoded ${got.bytes} bytes (checksum ${got.sum}), expected ${JSON.stringify(expected)}`,
        );
      }
    };
  } else throw new Error(`unknown metric ${metric}`);
}

async function run(message) {
  if (message.gc) globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < message.n; i++) await operation(message);
  return { cpuUs: cpuSince(cpu0), wallMs: performance.now() - wall0, reads: rawReads.count };
}

process.on('message', (message) => {
  const work = message.type === 'init' ? init(message).then(() => ({ ready: true })) : run(message);
  work.then(
    (reply) => process.send(reply),
    (error) => process.send({ error: String(error?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));
