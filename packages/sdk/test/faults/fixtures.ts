/** Request parameters and response bodies shared by the fault tests. */

import { dataEvent } from './fault-server.ts';

export const chat = { model: 'MiniMax-M2', messages: [{ role: 'user' as const, content: 'Hi' }] };
export const anthropicParams = {
  model: 'MiniMax-M2',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};
export const speech = { model: 'speech-2.6-hd', text: 'Hi', voice_setting: { voice_id: 'English_Graceful_Lady' } };
export const image = { model: 'image-01', prompt: 'A lighthouse at dawn' };
export const video = { model: 'MiniMax-Hailuo-02', prompt: 'A cat surfing a wave' };

/** Paths, keyed as the fault server counts them. */
export const PATHS = {
  chat: 'POST /v1/text/chatcompletion_v2',
  openai: 'POST /v1/chat/completions',
  anthropic: 'POST /anthropic/v1/messages',
  speech: 'POST /v1/t2a_v2',
  image: 'POST /v1/image_generation',
  videoCreate: 'POST /v1/video_generation',
  videoQuery: 'GET /v1/query/video_generation',
  speechTaskCreate: 'POST /v1/t2a_async_v2',
  speechTaskQuery: 'GET /v1/query/t2a_async_query_v2',
  filesRetrieve: 'GET /v1/files/retrieve',
  filesList: 'GET /v1/files/list',
  filesDelete: 'POST /v1/files/delete',
  voicesList: 'POST /v1/get_voice',
} as const;

/** An 18-digit id above 2^53: `Number()` would turn it into 307123456789012350. */
export const BIG_ID = '307123456789012345';

/** A native chat answer. */
export const chatCompletion = (content = 'Hello there') => ({
  id: 'c1',
  object: 'chat.completion',
  model: 'MiniMax-M2',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
  base_resp: { status_code: 0, status_msg: '' },
});

/** One native (and OpenAI-compatible) stream increment. */
export const chatChunk = (content: string) => ({
  id: 'c1',
  object: 'chat.completion.chunk',
  model: 'MiniMax-M2',
  choices: [{ index: 0, delta: { content } }],
});

/** SSE events of a native chat stream made of these increments (no final aggregated frame, no finish_reason). */
export const chatEvents = (...pieces: string[]): string[] => pieces.map((p) => dataEvent(chatChunk(p)));

/** The closing increment (`finish_reason: "stop"`): without it, or an aggregated frame, a stream counts as cut. */
export const chatFinish = (): string =>
  dataEvent({
    id: 'c1',
    object: 'chat.completion.chunk',
    model: 'MiniMax-M2',
    choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
  });

/** A complete native chat stream: the increments, then the closing one. */
export const completeChatEvents = (...pieces: string[]): string[] => [...chatEvents(...pieces), chatFinish()];

/** SSE events of an Anthropic-compatible stream up to (not including) the end, with these text deltas. */
export const anthropicEvents = (...pieces: string[]): string[] => [
  dataEvent(
    {
      type: 'message_start',
      message: { id: 'm1', type: 'message', role: 'assistant', model: 'MiniMax-M2', content: [], usage: {} },
    },
    'message_start',
  ),
  dataEvent(
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    'content_block_start',
  ),
  ...pieces.map((text) =>
    dataEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta'),
  ),
];

/** A file object as MiniMax writes it: the id a bare JSON number. */
export const fileJSON = (id = BIG_ID): string =>
  `{"file":{"file_id":${id},"bytes":5,"created_at":1700000000,"filename":"a.mp3","purpose":"voice_clone","download_url":"https://example.invalid/a.mp3"},"base_resp":{"status_code":0,"status_msg":"success"}}`;
