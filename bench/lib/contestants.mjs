/**
 * The contestants, all pointed at the same bench server: raw `fetch` (the floor), our SDK, `openai`,
 * `@anthropic-ai/sdk` and the official `mmx-cli/sdk`. Each operation returns what it consumed (text or a digest) so
 * the suite can check it against what the server sent — a fast wrong answer must not win.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANTHROPIC_REQUEST, CHAT_REQUEST, SPEECH_REQUEST, TRACE_ID } from './wire.mjs';

const API_KEY = 'sk-bench-0000000000000000';

/** The library each contestant needs loaded (raw fetch needs none). */
export const LIBRARY = {
  'raw fetch': undefined,
  'raw fetch + timeout signal': undefined,
  '@minimax-ts/sdk': 'ours',
  '@minimax-ts/sdk .withResponse()': 'ours',
  openai: 'openai',
  '@anthropic-ai/sdk': 'anthropic',
  'mmx-cli/sdk': 'mmx',
};

const LOADERS = {
  ours: async (baseURL, sdk) => new (await import(sdk)).MiniMax({ apiKey: API_KEY, baseURL }),
  openai: async (baseURL) => new (await import('openai')).default({ apiKey: API_KEY, baseURL: `${baseURL}/v1` }),
  anthropic: async (baseURL) =>
    new (await import('@anthropic-ai/sdk')).default({ apiKey: API_KEY, baseURL: `${baseURL}/anthropic` }),
  mmx: async (baseURL) => {
    // mmx-cli reads ~/.mmx/config.json; point it at an empty directory so the machine's config cannot interfere.
    process.env.MMX_CONFIG_DIR ??= mkdtempSync(join(tmpdir(), 'mmx-bench-'));
    return new (await import('mmx-cli/sdk')).MiniMaxSDK({ apiKey: API_KEY, baseUrl: baseURL });
  },
};

/**
 * Builds one client of each library against `baseURL` — or only of the libraries in `only` (a suite runs every
 * contestant in its own process, which loads nothing but its own library).
 */
export async function createClients(baseURL, sdkSpecifier, only = Object.keys(LOADERS)) {
  const clients = { baseURL };
  for (const lib of only) clients[lib] = await LOADERS[lib](baseURL, sdkSpecifier);
  return clients;
}

const ENDPOINTS = {
  native: '/v1/text/chatcompletion_v2',
  openai: '/v1/chat/completions',
  anthropic: '/anthropic/v1/messages',
};
const REQUESTS = { native: CHAT_REQUEST, openai: CHAT_REQUEST, anthropic: ANTHROPIC_REQUEST };
const HEADERS = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };

function rawPost(baseURL, path, body) {
  return fetch(`${baseURL}${path}`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) }).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r;
  });
}

const anthropicText = (message) => message.content.find((block) => block.type === 'text')?.text;

// --- non-streaming chat: each returns the answer's text -----------------------------------------------------------

/** `{ name, endpoint, call }` per contestant; `endpoint` names the raw fetch its ratio is taken against. */
export function chatCallers(c) {
  const raw = (kind, pick) => () =>
    rawPost(c.baseURL, ENDPOINTS[kind], REQUESTS[kind])
      .then((r) => r.json())
      .then(pick);
  const nativeText = (b) => b.choices[0].message.content;
  return [
    { name: 'raw fetch', endpoint: 'native', call: raw('native', nativeText) },
    // Reference, not a target: the floor for any client with a request timeout (an AbortSignal per call, a timer).
    {
      name: 'raw fetch + timeout signal',
      endpoint: 'native',
      call: () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 600_000);
        return fetch(`${c.baseURL}${ENDPOINTS.native}`, {
          method: 'POST',
          headers: HEADERS,
          body: JSON.stringify(CHAT_REQUEST),
          signal: controller.signal,
        })
          .then((r) => r.json())
          .then(nativeText)
          .finally(() => clearTimeout(timer));
      },
    },
    { name: 'raw fetch', endpoint: 'openai', call: raw('openai', nativeText) },
    { name: 'raw fetch', endpoint: 'anthropic', call: raw('anthropic', anthropicText) },
    { name: '@minimax-ts/sdk', endpoint: 'native', call: () => c.ours.chat.create(CHAT_REQUEST).then(nativeText) },
    // Reference: what asking for the response metadata (headers, Trace-Id) costs; the row above must not pay for it.
    {
      name: '@minimax-ts/sdk .withResponse()',
      endpoint: 'native',
      call: () =>
        c.ours.chat
          .create(CHAT_REQUEST)
          .withResponse()
          .then(({ data, traceId }) => {
            if (traceId !== TRACE_ID) throw new Error(`withResponse() gave trace id ${traceId}`);
            return nativeText(data);
          }),
    },
    {
      name: '@minimax-ts/sdk',
      endpoint: 'openai',
      call: () => c.ours.openai.chat.completions.create(CHAT_REQUEST).then(nativeText),
    },
    {
      name: '@minimax-ts/sdk',
      endpoint: 'anthropic',
      call: () => c.ours.anthropic.messages.create(ANTHROPIC_REQUEST).then(anthropicText),
    },
    { name: 'openai', endpoint: 'openai', call: () => c.openai.chat.completions.create(CHAT_REQUEST).then(nativeText) },
    {
      name: '@anthropic-ai/sdk',
      endpoint: 'anthropic',
      call: () => c.anthropic.messages.create(ANTHROPIC_REQUEST).then(anthropicText),
    },
    // mmx-cli's text.chat talks to the Anthropic-compatible endpoint.
    { name: 'mmx-cli/sdk', endpoint: 'anthropic', call: () => c.mmx.text.chat(ANTHROPIC_REQUEST).then(anthropicText) },
  ];
}

// --- streams: raw baseline ----------------------------------------------------------------------------------------

/** Reads of the last raw stream (events per read tells how the server's writes arrived). */
export const rawReads = { count: 0 };

/** The floor for every stream: fetch, split lines, `JSON.parse` each `data:` line. */
async function rawSSE(response, onData) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  rawReads.count = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    rawReads.count++;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (!line.startsWith('data: ')) continue;
      const data = line.slice(6);
      if (data !== '[DONE]') onData(JSON.parse(data));
    }
  }
  if (buffer.startsWith('data: ')) onData(JSON.parse(buffer.slice(6)));
}

// --- chat streams: each returns the reassembled text --------------------------------------------------------------

const chunkText = (chunk) => chunk.choices?.[0]?.delta?.content ?? '';

export function chatStreamers(c) {
  const raw = (kind) => async () => {
    let text = '';
    const response = await rawPost(c.baseURL, ENDPOINTS[kind], { ...REQUESTS[kind], stream: true });
    if (kind === 'anthropic') {
      await rawSSE(response, (e) => {
        if (e.type === 'content_block_delta' && e.delta.type === 'text_delta') text += e.delta.text;
      });
    } else {
      await rawSSE(response, (frame) => {
        if (frame.object === 'chat.completion.chunk') text += chunkText(frame);
      });
    }
    return text;
  };
  const anthropicEvents = async (events) => {
    let text = '';
    for await (const e of events) {
      if (e.type === 'content_block_delta' && e.delta.type === 'text_delta') text += e.delta.text;
    }
    return text;
  };
  const chunks = async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunkText(chunk);
    return text;
  };
  return [
    { name: 'raw fetch', endpoint: 'native', call: raw('native') },
    { name: 'raw fetch', endpoint: 'openai', call: raw('openai') },
    { name: 'raw fetch', endpoint: 'anthropic', call: raw('anthropic') },
    {
      name: '@minimax-ts/sdk',
      endpoint: 'native',
      call: async () => chunks(await c.ours.chat.create({ ...CHAT_REQUEST, stream: true })),
    },
    {
      name: '@minimax-ts/sdk',
      endpoint: 'openai',
      call: async () => chunks(await c.ours.openai.chat.completions.create({ ...CHAT_REQUEST, stream: true })),
    },
    {
      name: '@minimax-ts/sdk',
      endpoint: 'anthropic',
      call: async () => anthropicEvents(await c.ours.anthropic.messages.create({ ...ANTHROPIC_REQUEST, stream: true })),
    },
    {
      name: 'openai',
      endpoint: 'openai',
      call: async () => chunks(await c.openai.chat.completions.create({ ...CHAT_REQUEST, stream: true })),
    },
    {
      name: '@anthropic-ai/sdk',
      endpoint: 'anthropic',
      call: async () => anthropicEvents(await c.anthropic.messages.create({ ...ANTHROPIC_REQUEST, stream: true })),
    },
    {
      name: 'mmx-cli/sdk',
      endpoint: 'anthropic',
      call: async () => anthropicEvents(await c.mmx.text.chat({ ...ANTHROPIC_REQUEST, stream: true })),
    },
  ];
}

// --- speech streams: each feeds decoded audio chunks to `digest` ---------------------------------------------------

export function speechStreamers(c) {
  const decodeEvent = (digest) => (event) => {
    if (event.data?.status === 1 && event.data.audio) digest.add(Buffer.from(event.data.audio, 'hex'));
  };
  return [
    {
      name: 'raw fetch',
      call: async (digest) => {
        const response = await rawPost(c.baseURL, '/v1/t2a_v2', { ...SPEECH_REQUEST, stream: true });
        await rawSSE(response, decodeEvent(digest));
      },
    },
    {
      name: '@minimax-ts/sdk',
      call: async (digest) => {
        for await (const bytes of await c.ours.speech.stream(SPEECH_REQUEST)) digest.add(bytes);
      },
    },
    {
      // mmx-cli yields the parsed events; decoding the hex is left to the caller.
      name: 'mmx-cli/sdk',
      call: async (digest) => {
        const onEvent = decodeEvent(digest);
        for await (const event of await c.mmx.speech.synthesize({ ...SPEECH_REQUEST, stream: true })) onEvent(event);
      },
    },
  ];
}
