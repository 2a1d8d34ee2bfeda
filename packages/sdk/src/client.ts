import type { ClientOptions, Region } from './core/client-options.ts';
import { setupClient } from './internal/client-setup.ts';
import { generatedUrlBuilder } from './internal/url-builder.ts';
import { Account } from './resources/account.ts';
import { AnthropicCompatible } from './resources/anthropic.ts';
import { Chat } from './resources/chat.ts';
import { Files } from './resources/files.ts';
import { Images } from './resources/images.ts';
import { Models } from './resources/models.ts';
import { Music } from './resources/music.ts';
import { OpenAICompatible } from './resources/openai.ts';
import { Responses } from './resources/responses.ts';
import { Speech } from './resources/speech.ts';
import { Transcriptions } from './resources/transcriptions.ts';
import { Video } from './resources/video.ts';
import { Voices } from './resources/voices.ts';

/**
 * The MiniMax API client. Resources hang off it as fields; every method takes an optional last argument of
 * {@link RequestOptions} (signal, timeout, retries, headers, validation).
 *
 * @example
 * ```ts
 * import { MiniMax } from '@minimax-ts/sdk';
 * const mm = new MiniMax(); // MINIMAX_API_KEY, global region
 * const completion = await mm.chat.create({ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi' }] });
 * ```
 */
export class MiniMax {
  readonly chat: Chat;
  readonly openai: OpenAICompatible;
  readonly anthropic: AnthropicCompatible;
  readonly speech: Speech;
  /** MiniMax's Speech-to-Text (asr-1.0). */
  readonly transcriptions: Transcriptions;
  readonly video: Video;
  readonly images: Images;
  readonly music: Music;
  readonly voices: Voices;
  readonly files: Files;
  /** OpenAI Responses-compatible text generation (`POST /v1/responses`). */
  readonly responses: Responses;
  /** The models the key can call. */
  readonly models: Models;
  /** Quota and balance (endpoints known from the official CLI only). */
  readonly account: Account;
  /** The host requests go to. */
  readonly baseURL: string;
  /**
   * The region the client was configured for: also the region of a MiniMax host given as `baseURL`
   * (`https://api.minimaxi.com` → `'cn'`), `'custom'` for any other host (a mock, a proxy).
   */
  readonly region: Region | 'custom';

  readonly #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    const { ctx, baseURL, region, resolved } = setupClient(options, generatedUrlBuilder);
    this.baseURL = baseURL;
    this.region = region;
    this.#options = resolved;
    this.chat = new Chat(ctx);
    this.openai = new OpenAICompatible(ctx);
    this.anthropic = new AnthropicCompatible(ctx);
    this.speech = new Speech(ctx);
    this.transcriptions = new Transcriptions(ctx);
    this.files = new Files(ctx);
    this.video = new Video(ctx, this.files);
    this.images = new Images(ctx);
    this.music = new Music(ctx);
    this.voices = new Voices(ctx);
    this.responses = new Responses(ctx);
    this.models = new Models(ctx);
    this.account = new Account(ctx);
  }

  /**
   * A new client with some options changed (the others, the key included, carried over).
   *
   * @example
   * ```ts
   * const patient = mm.withOptions({ timeout: 30 * 60_000, maxRetries: 5 });
   * ```
   */
  withOptions(options: ClientOptions): MiniMax {
    return new MiniMax({ ...this.#options, ...options });
  }

  /** Never prints the key. */
  toString(): string {
    return `MiniMax { baseURL: ${this.baseURL} }`;
  }

  toJSON(): Record<string, unknown> {
    return { baseURL: this.baseURL, region: this.region };
  }
}
