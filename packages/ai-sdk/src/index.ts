/**
 * `@minimax-ts/ai-sdk`: MiniMax for the Vercel AI SDK (ai 6 and 7), on top of `@minimax-ts/sdk`.
 *
 * @example
 * ```ts
 * import { minimax } from '@minimax-ts/ai-sdk';
 * import { generateText } from 'ai';
 * const { text } = await generateText({ model: minimax('MiniMax-M2.7'), prompt: 'Hello' });
 * ```
 */

export { safeToResend } from './errors/safe-to-resend.ts';
export { MiniMaxImageModel } from './image/image-model.ts';
export { MiniMaxLanguageModel } from './language/language-model.ts';
export type { MiniMaxLanguageModelOptions } from './language/language-options.ts';
export type { ModelConfig } from './model-config.ts';
export type {
  MiniMaxChatModelId,
  MiniMaxImageModelId,
  MiniMaxSpeechModelId,
  MiniMaxTranscriptionModelId,
  MiniMaxVideoModelId,
} from './model-ids.ts';
export { createMiniMax, type MiniMaxProvider, minimax } from './provider.ts';
export type { MiniMaxProviderSettings } from './provider-settings.ts';
export { DEFAULT_VOICE_ID } from './speech/prepare-speech.ts';
export { MiniMaxSpeechModel } from './speech/speech-model.ts';
export { MiniMaxTranscriptionModel } from './transcription/transcription-model.ts';
export { MiniMaxVideoModel } from './video/video-model.ts';
