import { type ClientOptions, DEFAULTS, REGION_BASE_URLS, type Region } from './core/client-options.ts';
import { MiniMaxError } from './core/minimax-error.ts';
import type { ResourceContext } from './core/resource.ts';
import { isBrowserLike, readEnv } from './internal/env.ts';
import { levelLogger, parseLogLevel } from './internal/logger.ts';
import { Transport } from './internal/transport.ts';
import { AnthropicCompatible } from './resources/anthropic.ts';
import { Chat } from './resources/chat.ts';
import { Files } from './resources/files.ts';
import { Images } from './resources/images.ts';
import { Music } from './resources/music.ts';
import { OpenAICompatible } from './resources/openai.ts';
import { Speech } from './resources/speech.ts';
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
  readonly video: Video;
  readonly images: Images;
  readonly music: Music;
  readonly voices: Voices;
  readonly files: Files;
  /** The host requests go to. */
  readonly baseURL: string;
  /** The region the client was configured for (`'custom'` when `baseURL` points elsewhere). */
  readonly region: Region | 'custom';

  readonly #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('MINIMAX_API_KEY');
    if (!apiKey) {
      throw new MiniMaxError(
        'No API key: pass `apiKey` to new MiniMax({ apiKey }) or set the MINIMAX_API_KEY environment variable.',
      );
    }
    if (isBrowserLike() && !options.dangerouslyAllowBrowser) {
      throw new MiniMaxError(
        'This looks like a browser, where a secret API key is visible to everyone who opens the page. ' +
          'Call MiniMax from your server, or pass `dangerouslyAllowBrowser: true` if the key is meant to be public.',
      );
    }
    const region = resolveRegion(options.region ?? readEnv('MINIMAX_REGION'));
    const customURL = options.baseURL ?? readEnv('MINIMAX_BASE_URL');
    this.baseURL = (customURL ?? REGION_BASE_URLS[region]).replace(/\/+$/, '');
    this.region = customURL ? 'custom' : region;
    this.#options = { ...options, apiKey };

    const logger = levelLogger(
      options.logger ?? console,
      options.logLevel ?? parseLogLevel(readEnv('MINIMAX_LOG')) ?? DEFAULTS.logLevel,
    );
    const transport = new Transport({
      baseURL: this.baseURL,
      apiKey,
      fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
      defaultHeaders: { ...options.defaultHeaders },
      timeout: options.timeout ?? DEFAULTS.timeout,
      idleTimeout: options.idleTimeout ?? DEFAULTS.idleTimeout,
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      validate: options.validate ?? DEFAULTS.validate,
      logger,
    });
    const ctx: ResourceContext = { transport, pollInterval: options.pollInterval ?? DEFAULTS.pollInterval };

    this.chat = new Chat(ctx);
    this.openai = new OpenAICompatible(ctx);
    this.anthropic = new AnthropicCompatible(ctx);
    this.speech = new Speech(ctx);
    this.files = new Files(ctx);
    this.video = new Video(ctx, this.files);
    this.images = new Images(ctx);
    this.music = new Music(ctx);
    this.voices = new Voices(ctx);
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

function resolveRegion(value: string | undefined): Region {
  if (value === undefined) return 'global';
  const normalized = value.toLowerCase();
  if (normalized === 'global' || normalized === 'intl' || normalized === 'international') return 'global';
  if (normalized === 'cn' || normalized === 'china') return 'cn';
  throw new MiniMaxError(
    `Unknown region ${JSON.stringify(value)}: use 'global' (api.minimax.io) or 'cn' (api.minimaxi.com).`,
  );
}
