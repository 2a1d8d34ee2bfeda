/**
 * The benchmark server: plain `node:http`, canned answers, nothing computed per request that could make the server
 * the bottleneck (stream bodies are generated once and cached). Run it as its own process so that the client's
 * `process.cpuUsage()` measures the client only:
 *
 *   node bench/server.mjs [--chat-chunks=200000] [--audio-events=2000] [--audio-bytes=16384] [--file-bytes=1073741824]
 *
 * It listens on 127.0.0.1, port 0, and prints one line `{"port":N}` once ready. `POST /_bench/config` changes the
 * sizes at run time (and `"prepare": true` builds the stream bodies before answering).
 */

import http from 'node:http';
import {
  anthropicMessage,
  anthropicStream,
  audioChunk,
  BLOCK,
  BLOCK_SIZE,
  FILE_ID,
  fileDigest,
  nativeCompletion,
  nativeStream,
  openaiCompletion,
  openaiStream,
  TRACE_ID,
} from './lib/wire.mjs';

const config = {
  chatChunks: 200_000,
  audioEvents: 2_000,
  audioBytes: 16 * 1024,
  fileBytes: 2 ** 30,
  /** `event`: one write per speech event; `slices`: the whole body in 16 KiB writes. */
  speechWrites: 'event',
  /**
   * `slices`: chat streams in 16 KiB writes (many events per read, the throughput case); `event`: one write per event,
   * at least `chatEventGapUs` apart, so the client reads about one event at a time, as from a real LLM.
   */
  chatWrites: 'slices',
  /** Microseconds between two events in `event` mode: longer than a client takes per event, so reads do not batch. */
  chatEventGapUs: 60,
};
for (const arg of process.argv.slice(2)) {
  const match = /^--([a-z-]+)=(\d+)$/.exec(arg);
  if (!match) continue;
  const key = match[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  if (key in config) config[key] = Number(match[2]);
}

const json = (value) => Buffer.from(JSON.stringify(value));
// Bodies of the non-streaming answers, serialised once.
const JSON_BODIES = {
  native: json(nativeCompletion()),
  openai: json(openaiCompletion()),
  anthropic: json(anthropicMessage()),
};

// --- cached stream bodies -----------------------------------------------------------------------------------------

const cache = new Map();
function cached(key, build) {
  let value = cache.get(key);
  if (!value) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

const STREAMS = { native: nativeStream, openai: openaiStream, anthropic: anthropicStream };
const chatStreamBody = (kind, n) => cached(`${kind}:${n}`, () => Buffer.from([...STREAMS[kind](n)].join('')));
const chatStreamEvents = (kind, n) =>
  cached(`${kind}:${n}:events`, () => [...STREAMS[kind](n)].map((e) => Buffer.from(e)));

/** Speech events as buffers: status-1 events with hex audio, then the status-2 event. */
function speechEvents(events, size, excludeAggregated) {
  return cached(`speech:${events}:${size}:${excludeAggregated}`, () => {
    const out = [];
    const hexes = [];
    for (let i = 0; i < events; i++) {
      const hex = audioChunk(i, size).toString('hex');
      if (!excludeAggregated) hexes.push(hex);
      const data = {
        data: { audio: hex, status: 1, ced: '' },
        trace_id: TRACE_ID,
        base_resp: { status_code: 0, status_msg: '' },
      };
      out.push(Buffer.from(`data: ${JSON.stringify(data)}\n\n`));
    }
    const final = {
      data: { audio: excludeAggregated ? '' : hexes.join(''), status: 2, ced: '' },
      extra_info: {
        audio_length: Math.round((events * size * 8) / 128),
        audio_sample_rate: 32000,
        audio_size: events * size,
        bitrate: 128000,
        word_count: 9,
        invisible_character_ratio: 0,
        usage_characters: 44,
        audio_format: 'mp3',
        audio_channel: 1,
      },
      trace_id: TRACE_ID,
      base_resp: { status_code: 0, status_msg: 'success' },
    };
    out.push(Buffer.from(`data: ${JSON.stringify(final)}\n\n`));
    return out;
  });
}

function prepare() {
  for (const kind of Object.keys(STREAMS)) {
    if (config.chatWrites === 'event') chatStreamEvents(kind, config.chatChunks);
    else chatStreamBody(kind, config.chatChunks);
  }
  speechEvents(config.audioEvents, config.audioBytes, true);
}

// --- helpers --------------------------------------------------------------------------------------------------------

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJSON(res, status, body) {
  const buffer = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body) : json(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': buffer.length,
    'trace-id': TRACE_ID,
  });
  res.end(buffer);
}

const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'trace-id': TRACE_ID };
const SLICE = 16 * 1024;

/** Writes a cached body in 16 KiB pieces, so the client sees a chunked stream rather than one block. */
function sendSSE(res, body) {
  res.writeHead(200, SSE_HEADERS);
  for (let offset = 0; offset < body.length; offset += SLICE) res.write(body.subarray(offset, offset + SLICE));
  res.end();
}

/** Streams `size` generated bytes (the 1 MiB block repeated), respecting backpressure. */
async function sendFile(res, size) {
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': size,
    'content-disposition': 'attachment; filename="big.bin"',
    'trace-id': TRACE_ID,
  });
  let offset = 0;
  while (offset < size) {
    const n = Math.min(BLOCK_SIZE, size - offset);
    if (!res.write(n === BLOCK_SIZE ? BLOCK : BLOCK.subarray(0, n))) {
      await new Promise((resolve) => res.once('drain', resolve));
    }
    offset += n;
  }
  res.end();
}

/**
 * Consumes a multipart/form-data body as it arrives: small fields are collected, the file part is only counted and
 * checksummed (never held), so a 1 GiB upload costs the server no memory either.
 */
function readMultipart(req, boundary) {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields = {};
  let file;
  let part; // { name, filename, chunks?, digest? }
  let state = 'preamble'; // preamble | headers | body | done
  let pending = Buffer.from('\r\n'); // so that the first boundary also reads as CRLF--boundary

  const emit = (data) => {
    if (data.length === 0 || !part) return;
    if (part.digest) part.digest.add(data);
    else part.chunks.push(Buffer.from(data));
  };
  const endPart = () => {
    if (!part) return;
    if (part.digest) file = { name: part.name, filename: part.filename, ...part.digest.value };
    else fields[part.name] = Buffer.concat(part.chunks).toString();
    part = undefined;
  };

  function feed(buffer) {
    let buf = buffer;
    for (;;) {
      if (state === 'done') return Buffer.alloc(0);
      if (state === 'preamble' || state === 'body') {
        const at = buf.indexOf(delimiter);
        if (at === -1) {
          // Keep what could be the start of a delimiter split across chunks.
          const keep = Math.min(buf.length, delimiter.length - 1);
          if (state === 'body') emit(buf.subarray(0, buf.length - keep));
          return buf.subarray(buf.length - keep);
        }
        if (buf.length < at + delimiter.length + 2) return buf; // need the two bytes after the delimiter
        if (state === 'body') {
          emit(buf.subarray(0, at));
          endPart();
        }
        const after = buf.subarray(at + delimiter.length, at + delimiter.length + 2).toString();
        buf = buf.subarray(at + delimiter.length + 2);
        state = after === '--' ? 'done' : 'headers';
        continue;
      }
      // headers
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return buf;
      const headers = buf.subarray(0, end).toString();
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      part = filename === undefined ? { name, chunks: [] } : { name, filename, digest: fileDigest() };
      buf = buf.subarray(end + 4);
      state = 'body';
    }
  }

  return new Promise((resolve, reject) => {
    req.on('data', (chunk) => {
      pending = feed(pending.length === 0 ? chunk : Buffer.concat([pending, chunk]));
    });
    req.on('end', () => resolve({ fields, file, complete: state === 'done' }));
    req.on('error', reject);
  });
}

// --- routes -----------------------------------------------------------------------------------------------------------

async function chat(req, res, kind) {
  const body = JSON.parse((await readBody(req)).toString() || '{}');
  if (!body.stream) return sendJSON(res, 200, JSON_BODIES[kind]);
  const endless = req.headers['x-bench-endless-line'];
  if (endless) return sendEndlessLine(res, Number(endless));
  const n = Number(req.headers['x-bench-chunks'] ?? config.chatChunks);
  if (config.chatWrites !== 'event') return sendSSE(res, chatStreamBody(kind, n));
  res.writeHead(200, SSE_HEADERS);
  res.socket?.setNoDelay(true);
  const gap = BigInt(Math.round(config.chatEventGapUs * 1000));
  let next = process.hrtime.bigint();
  for (const piece of chatStreamEvents(kind, n)) {
    if (res.destroyed) return;
    // A timer cannot wait tens of microseconds; spin (the server is its own process, its CPU is not measured).
    while (process.hrtime.bigint() < next);
    next = process.hrtime.bigint() + gap;
    if (!res.write(piece)) await drained(res);
    else await new Promise(setImmediate); // node:http sends a write when the handler yields
  }
  res.end();
}

const LINE_PIECE = Buffer.alloc(64 * 1024, 'x');

/** Resolves when the response can take more data, or when the client went away. */
const drained = (res) =>
  new Promise((resolve) => {
    res.once('drain', resolve);
    res.once('close', resolve);
  });

/** A stream whose one line never ends: `bytes` of an unterminated `data:` line, then the end (memory bench). */
async function sendEndlessLine(res, bytes) {
  res.writeHead(200, SSE_HEADERS);
  res.write('data: {"choices":[{"delta":{"content":"');
  for (let sent = 0; sent < bytes && !res.destroyed; sent += LINE_PIECE.length) {
    if (!res.write(LINE_PIECE)) await drained(res);
  }
  res.end('"}}]}\n\n');
}

async function speech(req, res) {
  const body = JSON.parse((await readBody(req)).toString() || '{}');
  const exclude = body.stream_options?.exclude_aggregated_audio === true;
  const events = speechEvents(config.audioEvents, config.audioBytes, exclude);
  if (!body.stream) {
    const final = JSON.parse(events.at(-1).toString().slice(6));
    final.data.audio = audioChunk(0, config.audioBytes).toString('hex');
    return sendJSON(res, 200, final);
  }
  if (config.speechWrites === 'slices') {
    sendSSE(
      res,
      cached(`speech-body:${config.audioEvents}:${config.audioBytes}:${exclude}`, () => Buffer.concat(events)),
    );
    return;
  }
  // One write per event, as the real server flushes each event when it is ready.
  res.writeHead(200, SSE_HEADERS);
  await writeAll(res, events);
}

async function writeAll(res, pieces) {
  for (const piece of pieces) {
    if (!res.write(piece)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

async function upload(req, res) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
  if (!boundary) return sendJSON(res, 400, { base_resp: { status_code: 2013, status_msg: 'expected multipart' } });
  const { fields, file, complete } = await readMultipart(req, boundary[1] ?? boundary[2]);
  if (!complete || !file) {
    return sendJSON(res, 200, { base_resp: { status_code: 2013, status_msg: 'incomplete multipart body' } });
  }
  // `file_id` as a bare 18-digit number, as the real API writes it.
  const text = `{"file":{"file_id":${FILE_ID},"bytes":${file.bytes},"created_at":1735000000,"filename":${JSON.stringify(file.filename)},"purpose":${JSON.stringify(fields.purpose ?? '')}},"checksum":${file.sum},"base_resp":{"status_code":0,"status_msg":"success"}}`;
  sendJSON(res, 200, text);
}

async function route(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const authorized = req.headers.authorization?.startsWith('Bearer ') || req.headers['x-api-key'];
  if (url.pathname === '/_bench/config' && req.method === 'POST') {
    Object.assign(config, JSON.parse((await readBody(req)).toString() || '{}'));
    if (config.prepare) prepare();
    delete config.prepare;
    return sendJSON(res, 200, config);
  }
  if (!authorized) {
    return sendJSON(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'missing key' } });
  }
  switch (`${req.method} ${url.pathname}`) {
    case 'POST /v1/text/chatcompletion_v2':
      return chat(req, res, 'native');
    case 'POST /v1/chat/completions':
      return chat(req, res, 'openai');
    case 'POST /anthropic/v1/messages':
      return chat(req, res, 'anthropic');
    case 'POST /v1/t2a_v2':
      return speech(req, res);
    case 'GET /v1/files/retrieve_content':
      return sendFile(res, Number(url.searchParams.get('bytes') ?? config.fileBytes));
    case 'POST /v1/files/upload':
      return upload(req, res);
    default:
      await readBody(req);
      return sendJSON(res, 404, {
        type: 'error',
        error: { type: 'not_found_error', message: `no route ${url.pathname}` },
      });
  }
}

const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    if (!res.headersSent) sendJSON(res, 500, { type: 'error', error: { type: 'api_error', message: String(error) } });
    else res.destroy(error);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.requestTimeout = 0; // a 1 GiB upload may take longer than the default 300 s on a slow machine
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
