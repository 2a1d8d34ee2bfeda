/**
 * `@minimax-ts/sdk`: the MiniMax Platform API client.
 *
 * @example
 * ```ts
 * import { MiniMax, RateLimitError } from '@minimax-ts/sdk';
 * const mm = new MiniMax({ region: 'global' });
 * ```
 */

export { MiniMax, MiniMax as default } from './client.ts';
export { APIPromise, type WithResponse } from './core/api-promise.ts';
export type { ClientOptions, Logger, LogLevel, Region, RequestOptions, ValidationMode } from './core/client-options.ts';
export { REGION_BASE_URLS } from './core/client-options.ts';
export * from './core/errors.ts';
export { EventStream } from './core/event-stream.ts';
export { type HostKind, hostsOfRegion, MINIMAX_HOSTS, type MiniMaxHost, regionOfHost } from './core/hosts.ts';
export { InvalidArgumentError } from './core/invalid-argument-error.ts';
export { type Page, PagePromise } from './core/pagination.ts';
export { ResponseValidationError, type ValidationIssue } from './core/response-validation-error.ts';
export type { ResponseValidator } from './core/response-validator.ts';
export type { WebSocketImplementation } from './internal/websocket.ts';
export { AnthropicMessageStream } from './lib/anthropic-message-stream.ts';
export { AudioStream, type AudioStreamEvent } from './lib/audio-stream.ts';
export { ChatCompletionStream } from './lib/chat-completion-stream.ts';
export { parseCoverStructure } from './lib/cover-structure.ts';
export { FileContent } from './lib/file-content.ts';
export { type HexSource, hexToBytes } from './lib/hex.ts';
export { ListPromise } from './lib/list-promise.ts';
export { OpenAIChatCompletionStream } from './lib/openai-chat-stream.ts';
export { type TaskProgress, type TaskState, taskState, type WaitOptions } from './lib/poll-task.ts';
export { ResponseStream } from './lib/response-stream.ts';
// Types only: the session code (and `ws`) loads when `mm.speech.connect()` opens the first session (from
// `@minimax-ts/sdk/realtime`, or the `openSpeechSession` option).
export type { SpeechSession } from './lib/speech-session.ts';
export type {
  SpeechSessionEvents,
  SpeechSessionFailure,
  SpeechSessionOpener,
  SpeechSessionOptions,
  SpeechSessionParams,
  SpeechSessionState,
  SpeechSessionSummary,
} from './lib/speech-session-types.ts';
export { MAX_TRANSCRIPTION_BYTES } from './lib/transcription-input.ts';
export { TranscriptionStream, type TranscriptionStreamEvent } from './lib/transcription-stream.ts';
export type { Uploadable } from './lib/upload-input.ts';
export type * from './resources/account.ts';
export type * from './resources/anthropic.ts';
export type * from './resources/chat.ts';
export type * from './resources/files.ts';
export type * from './resources/images.ts';
export type * from './resources/models.ts';
export type * from './resources/music.ts';
export type * from './resources/openai.ts';
export type * from './resources/responses.ts';
export type * from './resources/speech.ts';
export type * from './resources/transcriptions.ts';
export type * from './resources/video.ts';
export type * from './resources/video-v2.ts';
export type * from './resources/voices.ts';
