/**
 * What goes over the wire in the benchmarks, shared by the server (which writes it) and the contestants (which check
 * that what they consumed is exactly what was sent). Shapes follow the spec's examples of the real API.
 */

/** The JSON answer of every non-streaming chat call; each contestant checks it got this text back. */
export const REPLY_TEXT = 'Hello! How can I assist you today? I can answer questions, write and review code, and more.';
const REASONING = 'The user greeted me. A short, friendly greeting and an offer to help is enough.';

/** A 18-digit file id, written as a bare JSON number (above 2^53) like the real API does. */
export const FILE_ID = '307123456789012345';
/** The `Trace-Id` every answer of the bench server carries (header and, where the API has one, body). */
export const TRACE_ID = '04ecb5da2c8f1e7b9d3a6f0e1c2b4a58';

export const CHAT_REQUEST = {
  model: 'MiniMax-M2',
  messages: [{ role: 'user', content: 'Hello, who are you?' }],
};
export const ANTHROPIC_REQUEST = { ...CHAT_REQUEST, max_tokens: 1024 };
export const SPEECH_REQUEST = {
  model: 'speech-2.6-turbo',
  text: 'The quick brown fox jumps over the lazy dog.',
  voice_setting: { voice_id: 'English_Graceful_Lady' },
  audio_setting: { format: 'mp3', sample_rate: 32000, bitrate: 128000, channel: 1 },
  stream_options: { exclude_aggregated_audio: true },
};

// --- chat streams -------------------------------------------------------------------------------------------------

const WORDS = [' the', ' quick', ' brown', ' fox', ' jumps', ' over', ' a', ' lazy', ' dog', '，你好', ' 世界', '!\n'];

/** The text of delta `i` (a token-sized piece; some non-ASCII so that UTF-8 decoding across chunks is exercised). */
export const deltaText = (i) => WORDS[i % WORDS.length];

/** The whole answer of an `n`-chunk stream: what every contestant must reassemble. */
export function streamText(n) {
  const parts = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = deltaText(i);
  return parts.join('');
}

const ID = '0502a7c1e3b94f6d8a1c9e2b7f4d6a13';
const CREATED = 1755153113;

export function nativeCompletion(content = REPLY_TEXT, completionTokens = 41) {
  return {
    id: ID,
    choices: [
      {
        finish_reason: 'stop',
        index: 0,
        message: { content, role: 'assistant', name: 'MiniMax AI', audio_content: '', reasoning_content: REASONING },
      },
    ],
    created: CREATED,
    model: 'MiniMax-M2',
    object: 'chat.completion',
    usage: {
      total_tokens: 26 + completionTokens,
      total_characters: 0,
      prompt_tokens: 26,
      completion_tokens: completionTokens,
      completion_tokens_details: { reasoning_tokens: 32 },
    },
    input_sensitive: false,
    output_sensitive: false,
    input_sensitive_type: 0,
    output_sensitive_type: 0,
    output_sensitive_int: 0,
    base_resp: { status_code: 0, status_msg: '' },
  };
}

export function openaiCompletion(content = REPLY_TEXT, completionTokens = 41) {
  return {
    id: ID,
    object: 'chat.completion',
    created: CREATED,
    model: 'MiniMax-M2',
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        message: { role: 'assistant', name: 'MiniMax AI', content, reasoning_content: REASONING, audio_content: '' },
      },
    ],
    usage: {
      prompt_tokens: 26,
      completion_tokens: completionTokens,
      total_tokens: 26 + completionTokens,
      total_characters: 0,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 32 },
    },
    input_sensitive: false,
    output_sensitive: false,
    input_sensitive_type: 0,
    output_sensitive_type: 0,
    output_sensitive_int: 0,
    base_resp: { status_code: 0, status_msg: '' },
  };
}

export function anthropicMessage(text = REPLY_TEXT, outputTokens = 41) {
  return {
    id: ID,
    type: 'message',
    role: 'assistant',
    model: 'MiniMax-M2',
    content: [
      {
        type: 'thinking',
        thinking: REASONING,
        signature: '7564f4e0e54b5c08b380d0b800aeb5463ea050e546cec7722e08ef6e912f6c67',
      },
      { type: 'text', text },
    ],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: 26,
      output_tokens: outputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}

const frame = (data, event) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

/** Native `chatcompletion_v2` stream: chunks, then the aggregated `chat.completion` frame (no `[DONE]`). */
export function* nativeStream(n) {
  for (let i = 0; i < n; i++) {
    const choice = { index: 0, delta: { role: 'assistant', content: deltaText(i) } };
    if (i === n - 1) choice.finish_reason = 'stop';
    yield frame({
      id: ID,
      choices: [choice],
      created: CREATED,
      model: 'MiniMax-M2',
      object: 'chat.completion.chunk',
      output_sensitive: false,
      input_sensitive_type: 0,
      output_sensitive_type: 0,
    });
  }
  yield frame(nativeCompletion(streamText(n), n));
}

/** OpenAI-compatible stream: a `role: ""` opener, chunks, the aggregated frame, then `[DONE]`. */
export function* openaiStream(n) {
  const base = { id: ID, object: 'chat.completion.chunk', created: CREATED, model: 'MiniMax-M2' };
  yield frame({
    ...base,
    choices: [{ index: 0, delta: { role: '', content: '' } }],
    usage: { total_tokens: 0, total_characters: 0 },
    input_sensitive: false,
    output_sensitive: false,
  });
  for (let i = 0; i < n; i++) {
    const choice = { index: 0, delta: { role: 'assistant', content: deltaText(i) } };
    if (i === n - 1) choice.finish_reason = 'stop';
    yield frame({ ...base, choices: [choice], usage: null });
  }
  yield frame(openaiCompletion(streamText(n), n));
  yield 'data: [DONE]\n\n';
}

/** Anthropic-compatible stream: named events, one `text_delta` per chunk. */
export function* anthropicStream(n) {
  const { content: _, ...message } = anthropicMessage('', 0);
  yield frame(
    {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 26, output_tokens: 0 } },
    },
    'message_start',
  );
  yield frame(
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    'content_block_start',
  );
  for (let i = 0; i < n; i++) {
    yield frame(
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: deltaText(i) } },
      'content_block_delta',
    );
  }
  yield frame({ type: 'content_block_stop', index: 0 }, 'content_block_stop');
  yield frame(
    { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: n } },
    'message_delta',
  );
  yield frame({ type: 'message_stop' }, 'message_stop');
}

// --- speech -------------------------------------------------------------------------------------------------------

/** The audio bytes of event `i` (deterministic, different per event). */
export function audioChunk(i, size) {
  const bytes = Buffer.allocUnsafe(size);
  let x = (i * 2654435761) >>> 0;
  for (let j = 0; j < size; j++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[j] = x >>> 24;
  }
  return bytes;
}

/**
 * What a consumer records per decoded audio chunk: byte count, and a checksum of the first and last byte of every
 * chunk plus its length — cheap enough not to weigh on the timing, strict enough that dropped, duplicated or
 * mis-decoded chunks change it.
 */
export function audioDigest() {
  let bytes = 0;
  let sum = 0;
  return {
    add(chunk) {
      bytes += chunk.length;
      sum = (sum * 31 + chunk[0] * 7 + chunk[chunk.length - 1] + chunk.length) >>> 0;
    },
    get value() {
      return { bytes, sum };
    },
  };
}

export function expectedAudioDigest(events, size) {
  const digest = audioDigest();
  for (let i = 0; i < events; i++) digest.add(audioChunk(i, size));
  return digest.value;
}

// --- files --------------------------------------------------------------------------------------------------------

export const BLOCK_SIZE = 1 << 20;
/** The 1 MiB block the generated files repeat; byte `p` of a file is `BLOCK[p % BLOCK_SIZE]`. */
export const BLOCK = audioChunk(7, BLOCK_SIZE);
export const SAMPLE_EVERY = 4096;

/** Sum of the bytes at every multiple of {@link SAMPLE_EVERY}: a checksum of a streamed file without holding it. */
export function fileDigest() {
  let offset = 0;
  let sum = 0;
  return {
    add(chunk) {
      const first = Math.ceil(offset / SAMPLE_EVERY) * SAMPLE_EVERY;
      for (let p = first; p < offset + chunk.length; p += SAMPLE_EVERY) sum = (sum + chunk[p - offset]) >>> 0;
      offset += chunk.length;
    },
    get value() {
      return { bytes: offset, sum };
    },
  };
}

export function expectedFileDigest(size) {
  let sum = 0;
  for (let p = 0; p < size; p += SAMPLE_EVERY) sum = (sum + BLOCK[p % BLOCK_SIZE]) >>> 0;
  return { bytes: size, sum };
}

/** A generated file of `size` bytes as a web stream, in 64 KiB chunks (fresh copies: consumers may keep them). */
export function generatedStream(size, chunkSize = 64 * 1024) {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= size) {
        controller.close();
        return;
      }
      const start = offset % BLOCK_SIZE;
      const n = Math.min(chunkSize, size - offset, BLOCK_SIZE - start);
      controller.enqueue(BLOCK.slice(start, start + n));
      offset += n;
    },
  });
}
