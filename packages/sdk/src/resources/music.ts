import { type GenerateMusicReq, type GenerateMusicResp, generateMusic } from '@minimax-ts/generated';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';
import { streamContext } from '../internal/stream-context.ts';
import { AudioStream } from '../lib/audio-stream.ts';
import { hexToBytes } from '../lib/hex.ts';

export type MusicGenerateParams = Omit<GenerateMusicReq, 'stream'>;
/** The generation response, plus its hex audio decoded (`undefined` when `output_format: 'url'`). */
export type MusicResult = GenerateMusicResp & { audio: Uint8Array | undefined };

const generate = defineOperation({
  call: generateMusic,
  method: 'POST',
  path: '/v1/music_generation',
  billable: true,
  body: 'json',
  envelope: 'native',
  responseSchema: 'zGenerateMusicResponse',
  eventSchema: 'zMusicStreamEvent',
});

/** Music generation from a prompt and lyrics. */
export class Music extends APIResource {
  /**
   * @example
   * ```ts
   * const { audio } = await mm.music.generate({ model: 'music-2.0', prompt: 'indie folk, warm', lyrics: '[Verse]\nHello morning' });
   * ```
   */
  async generate(params: MusicGenerateParams, options?: RequestOptions): Promise<MusicResult> {
    const response = await this._transport.json<GenerateMusicResp>(
      generate,
      { body: { ...params, stream: false } },
      options,
    );
    const hex = response.data?.audio;
    const isUrl = params.output_format === 'url' || (hex !== undefined && /^https?:/.test(hex));
    const source = { operation: 'POST /v1/music_generation', path: 'data.audio' };
    return { ...response, audio: hex && !isUrl ? hexToBytes(hex, source) : undefined };
  }

  /** Streams the song as decoded audio bytes (the final aggregated repeat is never yielded twice). */
  async stream(params: MusicGenerateParams, options?: RequestOptions): Promise<AudioStream> {
    const open = await this._transport.sse(generate, { body: { ...params, stream: true } }, options);
    return new AudioStream(streamContext(open));
  }
}
