/**
 * One memory case in a fresh process: `files.content` of a large file, or an upload of a large stream, by our SDK or
 * by raw fetch (the reference); or (`endless-line`, SDK only) a chat stream whose one line never ends, which must
 * fail with `StreamEventTooLargeError` at `maxEventBytes` instead of buffering the whole body. RSS is sampled every
 * few ms and on every chunk; the result is peak − baseline, where the baseline is taken after the client is loaded
 * and a small warm-up request ran.
 *
 *   node --expose-gc bench/suites/memory-case.mjs --case=<content|upload|endless-line> --contestant=<sdk|raw> --bytes=N --base-url=… --sdk=…
 */

import { configureServer } from '../lib/processes.mjs';
import { parseArgs, report } from '../lib/stats.mjs';
import { CHAT_REQUEST, expectedFileDigest, FILE_ID, fileDigest, generatedStream } from '../lib/wire.mjs';

const args = parseArgs();
const bytes = Number(args.bytes ?? 2 ** 30);
const baseURL = args['base-url'];
const API_KEY = 'sk-bench-0000000000000000';
const { MiniMax, DEFAULT_MAX_EVENT_BYTES } = await import(args.sdk);
const mm = new MiniMax({ apiKey: API_KEY, baseURL });

const operations = {
  async 'endless-line|sdk'(size) {
    const headers = { 'x-bench-endless-line': String(size) };
    const stream = await mm.chat.create({ ...CHAT_REQUEST, stream: true }, { headers });
    try {
      for await (const _ of stream);
    } catch (error) {
      // The warm-up's short line ends (and the stream then lacks its final frame); the measured one must be refused.
      if (error.name === 'StreamEventTooLargeError' || size < DEFAULT_MAX_EVENT_BYTES) return { refused: error.name };
      throw error;
    }
    throw new Error('a line that never ends was accepted');
  },
  async 'content|sdk'(size, onChunk) {
    await configureServer(baseURL, { fileBytes: size }); // the SDK cannot add a query parameter: set the size
    const content = await mm.files.content(FILE_ID);
    const url = new URL(content.response.url);
    if (url.searchParams.get('file_id') !== FILE_ID) throw new Error('wrong file id sent');
    for await (const chunk of content) onChunk(chunk);
    return size;
  },
  async 'content|raw'(size, onChunk) {
    const response = await fetch(`${baseURL}/v1/files/retrieve_content?file_id=${FILE_ID}&bytes=${size}`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    for await (const chunk of response.body) onChunk(chunk);
    return size;
  },
  async 'upload|sdk'(size, onChunk) {
    const source = tap(generatedStream(size), onChunk);
    const result = await mm.files.upload({ file: source, filename: 'big.bin', purpose: 'prompt_audio' });
    return { bytes: result.file.bytes, sum: result.checksum, fileId: result.file.file_id };
  },
  async 'upload|raw'(size, onChunk) {
    const boundary = `----bench-${Date.now()}`;
    const encoder = new TextEncoder();
    const head = encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nprompt_audio\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
    const reader = tap(generatedStream(size), onChunk).getReader();
    let stage = 0;
    const body = new ReadableStream({
      async pull(controller) {
        if (stage === 0) {
          stage = 1;
          return controller.enqueue(head);
        }
        const { done, value } = await reader.read();
        if (!done) return controller.enqueue(value);
        controller.enqueue(tail);
        controller.close();
      },
    });
    const response = await fetch(`${baseURL}/v1/files/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    });
    const result = await response.json();
    // Plain JSON.parse rounds the 18-digit id; the raw reference is not checked for it.
    return { bytes: result.file.bytes, sum: result.checksum, fileId: FILE_ID };
  },
};

/** Passes a stream through, calling `onChunk` for every chunk (to sample RSS as the upload is read). */
function tap(stream, onChunk) {
  return stream.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        onChunk(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
}

const operation = operations[`${args.case}|${args.contestant}`];
if (!operation) throw new Error(`unknown case ${args.case}|${args.contestant}`);

// Warm-up with a small transfer, so that lazily loaded code and pools are in the baseline, not in the growth.
await operation(1 << 20, () => {});
globalThis.gc?.();
await new Promise((resolve) => setTimeout(resolve, 100));
globalThis.gc?.();
const baseline = process.memoryUsage.rss();
let peak = baseline;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
};
const timer = setInterval(sample, 5);
const digest = fileDigest();
if (args.case === 'endless-line') digest.add = () => {}; // nothing to checksum: the stream must be refused
let chunks = 0;
const t0 = performance.now();
const outcome = await operation(bytes, (chunk) => {
  digest.add(chunk);
  if (++chunks % 16 === 0) sample();
});
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
sample();

const expected = expectedFileDigest(bytes);
const got = digest.value;
if (args.case === 'endless-line') {
  if (outcome.refused !== 'StreamEventTooLargeError') throw new Error(`expected StreamEventTooLargeError: ${outcome}`);
} else if (got.bytes !== expected.bytes || got.sum !== expected.sum) {
  throw new Error(`consumed ${got.bytes} bytes (checksum ${got.sum}), expected ${JSON.stringify(expected)}`);
}
if (args.case === 'upload') {
  // The server's count of the file part must match what was sent, byte for byte.
  if (outcome.bytes !== bytes || outcome.sum !== expected.sum) {
    throw new Error(
      `server received ${outcome.bytes} bytes (checksum ${outcome.sum}), expected ${JSON.stringify(expected)}`,
    );
  }
  if (outcome.fileId !== FILE_ID) throw new Error(`file id came back as ${outcome.fileId}, expected ${FILE_ID}`);
}
report({
  case: args.case,
  contestant: args.contestant,
  bytes,
  baselineMB: baseline / 2 ** 20,
  ...(args.case === 'endless-line' ? { limitMB: DEFAULT_MAX_EVENT_BYTES / 2 ** 20 } : {}),
  growthMB: (peak - baseline) / 2 ** 20,
  seconds,
});
