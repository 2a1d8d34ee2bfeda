/**
 * `createMiniMax()` and the default `minimax` instance: an AI SDK provider (specification v3) whose models all call
 * one `@minimax-ts/sdk` client, so errors, retries, regions and ids behave exactly as in the sdk. Each model kind is
 * one factory in {@link MODEL_FACTORIES}.
 */

import {
  type EmbeddingModelV3,
  type ImageModelV3,
  type LanguageModelV3,
  NoSuchModelError,
  type ProviderV3,
  type SpeechModelV3,
  type TranscriptionModelV3,
  type Experimental_VideoModelV3 as VideoModelV3,
} from '@ai-sdk/provider';
import type { MiniMax } from '@minimax-ts/sdk';
import { MiniMaxImageModel } from './image/image-model.ts';
import { MiniMaxLanguageModel } from './language/language-model.ts';
import type { ModelConfig } from './model-config.ts';
import type {
  MiniMaxChatModelId,
  MiniMaxImageModelId,
  MiniMaxSpeechModelId,
  MiniMaxTranscriptionModelId,
  MiniMaxVideoModelId,
} from './model-ids.ts';
import { lazyClient, type MiniMaxProviderSettings } from './provider-settings.ts';
import { MiniMaxSpeechModel } from './speech/speech-model.ts';
import { MiniMaxTranscriptionModel } from './transcription/transcription-model.ts';
import { MiniMaxVideoModel } from './video/video-model.ts';

/**
 * The provider: callable for a chat model, with a factory per model kind.
 *
 * @example
 * ```ts
 * const model = minimax('MiniMax-M2.7'); // = minimax.languageModel('MiniMax-M2.7')
 * const voice = minimax.speech('speech-2.8-hd');
 * const painter = minimax.image('image-01');
 * const listener = minimax.transcription('asr-1.0');
 * const director = minimax.video('MiniMax-H3'); // experimental_generateVideo
 * ```
 */
export interface MiniMaxProvider extends ProviderV3 {
  (modelId: MiniMaxChatModelId): LanguageModelV3;
  languageModel(modelId: MiniMaxChatModelId): LanguageModelV3;
  /** Same as `languageModel`. */
  chat(modelId: MiniMaxChatModelId): LanguageModelV3;
  speechModel(modelId: MiniMaxSpeechModelId): SpeechModelV3;
  /** Same as `speechModel`. */
  speech(modelId: MiniMaxSpeechModelId): SpeechModelV3;
  imageModel(modelId: MiniMaxImageModelId): ImageModelV3;
  /** Same as `imageModel`. */
  image(modelId: MiniMaxImageModelId): ImageModelV3;
  transcriptionModel(modelId: MiniMaxTranscriptionModelId): TranscriptionModelV3;
  /** Same as `transcriptionModel`. */
  transcription(modelId: MiniMaxTranscriptionModelId): TranscriptionModelV3;
  /** MiniMax-H3 video for `experimental_generateVideo` (ai 6's video model, specification v3). */
  videoModel(modelId: MiniMaxVideoModelId): VideoModelV3;
  /** Same as `videoModel`. */
  video(modelId: MiniMaxVideoModelId): VideoModelV3;
  /** MiniMax embeddings are not in the sdk: throws `NoSuchModelError`. */
  embeddingModel(modelId: string): EmbeddingModelV3;
  /** The sdk client every model calls (built on first use). */
  readonly client: MiniMax;
}

/** How each model kind is built, from its id and the provider's shared config. */
const MODEL_FACTORIES = {
  languageModel: (id: string, client: () => MiniMax) =>
    new MiniMaxLanguageModel(id, config('minimax.chat', client)) as LanguageModelV3,
  speechModel: (id: string, client: () => MiniMax) =>
    new MiniMaxSpeechModel(id, config('minimax.speech', client)) as SpeechModelV3,
  imageModel: (id: string, client: () => MiniMax) =>
    new MiniMaxImageModel(id, config('minimax.image', client)) as ImageModelV3,
  transcriptionModel: (id: string, client: () => MiniMax) =>
    new MiniMaxTranscriptionModel(id, config('minimax.transcription', client)) as TranscriptionModelV3,
  videoModel: (id: string, client: () => MiniMax) =>
    new MiniMaxVideoModel(id, config('minimax.video', client)) as VideoModelV3,
};

function config(provider: string, client: () => MiniMax): ModelConfig {
  return { provider, client };
}

/**
 * Creates a provider. Every option of the sdk's `new MiniMax()` applies (`apiKey` defaults to `MINIMAX_API_KEY`,
 * `region` to `MINIMAX_REGION`, `baseURL` to `MINIMAX_BASE_URL`); or pass an existing `client`.
 *
 * @example
 * ```ts
 * import { createMiniMax } from '@minimax-ts/ai-sdk';
 * import { generateText } from 'ai';
 *
 * const minimax = createMiniMax({ region: 'cn' });
 * const { text } = await generateText({ model: minimax('MiniMax-M2.7'), prompt: 'Hello', maxRetries: 0 });
 * ```
 */
export function createMiniMax(settings: MiniMaxProviderSettings = {}): MiniMaxProvider {
  const client = lazyClient(settings);
  const languageModel = (id: MiniMaxChatModelId) => MODEL_FACTORIES.languageModel(id, client);
  const speechModel = (id: MiniMaxSpeechModelId) => MODEL_FACTORIES.speechModel(id, client);
  const imageModel = (id: MiniMaxImageModelId) => MODEL_FACTORIES.imageModel(id, client);
  const transcriptionModel = (id: MiniMaxTranscriptionModelId) => MODEL_FACTORIES.transcriptionModel(id, client);
  const videoModel = (id: MiniMaxVideoModelId) => MODEL_FACTORIES.videoModel(id, client);
  const provider = (id: MiniMaxChatModelId) => languageModel(id);
  return Object.defineProperties(provider, {
    specificationVersion: { value: 'v3', enumerable: true },
    languageModel: { value: languageModel, enumerable: true },
    chat: { value: languageModel, enumerable: true },
    speechModel: { value: speechModel, enumerable: true },
    speech: { value: speechModel, enumerable: true },
    imageModel: { value: imageModel, enumerable: true },
    image: { value: imageModel, enumerable: true },
    transcriptionModel: { value: transcriptionModel, enumerable: true },
    transcription: { value: transcriptionModel, enumerable: true },
    videoModel: { value: videoModel, enumerable: true },
    video: { value: videoModel, enumerable: true },
    embeddingModel: {
      value: (modelId: string): never => {
        throw new NoSuchModelError({ modelId, modelType: 'embeddingModel' });
      },
      enumerable: true,
    },
    client: { get: client, enumerable: false },
  }) as MiniMaxProvider;
}

/**
 * The default provider: `MINIMAX_API_KEY`, `MINIMAX_REGION`, `MINIMAX_BASE_URL`, read on first use.
 *
 * @example
 * ```ts
 * import { minimax } from '@minimax-ts/ai-sdk';
 * const { text } = await generateText({ model: minimax('MiniMax-M2.7'), prompt: 'Hello' });
 * ```
 */
export const minimax: MiniMaxProvider = createMiniMax();
