/**
 * `mm.music`: songs (`POST /v1/music_generation`, one-shot or streamed), lyrics for them (`POST /v1/lyrics_generation`)
 * and the first step of a cover (`POST /v1/music_cover_preprocess`). Native endpoints: a failure is HTTP 200 with a
 * non-zero `base_resp`, raised as the matching `APIError`.
 */

import {
  type GenerateLyricsReq,
  type GenerateLyricsResp,
  type GenerateMusicReq,
  type GenerateMusicResp,
  generateLyrics,
  generateMusic,
  type MusicCoverPreprocessReq,
  type MusicCoverPreprocessResp,
  musicCoverPreprocess,
} from '@minimax-ts/generated';
import { type APIPromise, checkedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { APIResource } from '../core/resource.ts';
import { checkBody, givenStrings, optionalBoolean, optionalString, requireString } from '../internal/check-params.ts';
import { defineOperation } from '../internal/operation.ts';
import { streamContext } from '../internal/stream-context.ts';
import { AudioStream } from '../lib/audio-stream.ts';
import { hexToBytes } from '../lib/hex.ts';

export type { CoverSegment, CoverStructure } from '../lib/cover-structure.ts';

export type MusicGenerateParams = Omit<GenerateMusicReq, 'stream'>;
/** The generation response, plus its hex audio decoded (`undefined` when `output_format: 'url'`). */
export type MusicResult = GenerateMusicResp & { audio: Uint8Array | undefined };
export type LyricsGenerateParams = GenerateLyricsReq;
/** `{ song_title, style_tags, lyrics }`: the lyrics carry structure tags, ready for `generate({ lyrics })`. */
export type GeneratedLyrics = GenerateLyricsResp;
export type MusicCoverPreprocessParams = MusicCoverPreprocessReq;
/** `cover_feature_id` (valid 24 h), `formatted_lyrics`, `structure_result` (a JSON string), `audio_duration`. */
export type MusicCoverFeatures = MusicCoverPreprocessResp;

const ops = {
  generate: defineOperation({
    call: generateMusic,
    method: 'POST',
    path: '/v1/music_generation',
    billable: true,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zGenerateMusicResponse',
    eventSchema: 'zMusicStreamEvent',
  }),
  lyrics: defineOperation({
    call: generateLyrics,
    method: 'POST',
    path: '/v1/lyrics_generation',
    billable: true,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zGenerateLyricsResponse',
  }),
  coverPreprocess: defineOperation({
    call: musicCoverPreprocess,
    method: 'POST',
    path: '/v1/music_cover_preprocess',
    // Unconfirmed: treated as free and repeatable (the same audio gives the same feature id).
    billable: false,
    body: 'json',
    envelope: 'native',
    responseSchema: 'zMusicCoverPreprocessResponse',
  }),
};

const REFERENCES = ['audio_url', 'audio_base64', 'cover_feature_id'] as const;

/**
 * Only `model` is required; what else a song needs depends on the model, and the server says so. The one rule
 * checked here is the reference's own: a cover takes one reference, never two.
 */
function checkGenerate(params: unknown): void {
  const body = checkBody(params);
  requireString(body, 'model', 'a music model id such as "music-2.6"');
  for (const field of ['prompt', 'lyrics']) optionalString(body, field);
  for (const field of ['is_instrumental', 'lyrics_optimizer']) optionalBoolean(body, field);
  const given = givenStrings(body, REFERENCES);
  if (given.length > 1) {
    throw new InvalidArgumentError(
      given[1]!,
      `give exactly one of ${REFERENCES.join(', ')}; got ${given.join(' and ')}`,
    );
  }
}

/** Music: songs from a prompt and lyrics (or instrumentals, or covers), lyrics, cover preprocessing. */
export class Music extends APIResource {
  /**
   * Generates a song. Only `model` is required by the API; what else is needed depends on the model: text-to-music
   * needs `lyrics` unless `is_instrumental: true` (then `prompt`) or `lyrics_optimizer: true` (lyrics written from
   * `prompt`); a cover (`music-cover`) needs `prompt` and one of `audio_url`, `audio_base64` or `cover_feature_id`
   * (from {@link Music.coverPreprocess}, and then `lyrics`).
   *
   * @example
   * ```ts
   * const { audio } = await mm.music.generate({ model: 'music-2.6', prompt: 'indie folk, warm', lyrics: '[Verse]\nHello morning' });
   * const instrumental = await mm.music.generate({ model: 'music-2.6', prompt: 'lo-fi piano', is_instrumental: true });
   * ```
   */
  generate(params: MusicGenerateParams, options?: RequestOptions): APIPromise<MusicResult> {
    return checkedCall(() => {
      checkGenerate(params);
      const call = this._transport.json<GenerateMusicResp>(
        ops.generate,
        { body: { ...params, stream: false } },
        options,
      );
      return call._thenUnwrap((response) => {
        const hex = response.data?.audio;
        const isUrl = params.output_format === 'url' || (hex !== undefined && /^https?:/.test(hex));
        const source = { operation: 'POST /v1/music_generation', path: 'data.audio' };
        return { ...response, audio: hex && !isUrl ? hexToBytes(hex, source) : undefined };
      });
    });
  }

  /**
   * Streams the song as decoded audio bytes (the final aggregated repeat is never yielded twice). Same parameters as
   * {@link Music.generate}.
   *
   * @example
   * ```ts
   * const stream = await mm.music.stream({ model: 'music-2.6', prompt: 'synthwave', lyrics: '[Chorus]\nNeon nights' });
   * for await (const bytes of stream) player.write(bytes);
   * ```
   */
  stream(params: MusicGenerateParams, options?: RequestOptions): APIPromise<AudioStream> {
    return checkedCall(() => {
      checkGenerate(params);
      return this._transport
        .sse(ops.generate, { body: { ...params, stream: true } }, options)
        ._thenUnwrap((open) => new AudioStream(streamContext(open)));
    });
  }

  /**
   * Writes a song's lyrics from a prompt (`mode: 'write_full_song'`; an empty prompt writes a random song), or
   * continues / edits given `lyrics` (`mode: 'edit'`). Billable. The lyrics come with structure tags, ready for
   * `generate({ lyrics })`, and `style_tags` suit its `prompt`.
   *
   * @example
   * ```ts
   * const { lyrics, style_tags } = await mm.music.generateLyrics({ mode: 'write_full_song', prompt: 'a summer love song' });
   * const song = await mm.music.generate({ model: 'music-2.6', prompt: style_tags, lyrics });
   * ```
   */
  generateLyrics(params: LyricsGenerateParams, options?: RequestOptions): APIPromise<GeneratedLyrics> {
    return checkedCall(() => {
      const body = checkBody(params);
      requireString(body, 'mode', "'write_full_song' or 'edit'");
      for (const field of ['prompt', 'lyrics', 'title']) optionalString(body, field);
      return this._transport.json(ops.lyrics, { body: params }, options);
    });
  }

  /**
   * Analyses a reference song for a two-step cover: its `cover_feature_id` (pass it to `generate` within 24 h), the
   * lyrics recognised from it and its structure (`structure_result`, a JSON string: `parseCoverStructure` reads it).
   * Give exactly one of `audio_url` or `audio_base64` (6 s to 6 min, at most 50 MB).
   *
   * @example
   * ```ts
   * const pre = await mm.music.coverPreprocess({ model: 'music-cover', audio_url: 'https://example.com/song.mp3' });
   * const cover = await mm.music.generate({
   *   model: 'music-cover', prompt: 'acoustic, intimate', cover_feature_id: pre.cover_feature_id, lyrics: pre.formatted_lyrics,
   * });
   * ```
   */
  coverPreprocess(params: MusicCoverPreprocessParams, options?: RequestOptions): APIPromise<MusicCoverFeatures> {
    return checkedCall(() => {
      const body = checkBody(params);
      requireString(body, 'model', 'the cover model id, "music-cover"');
      const given = givenStrings(body, ['audio_url', 'audio_base64']);
      if (given.length !== 1) {
        const why = given.length === 0 ? 'neither was given' : 'both were given';
        throw new InvalidArgumentError('audio_url', `give exactly one of audio_url or audio_base64; ${why}`);
      }
      return this._transport.json(ops.coverPreprocess, { body: params }, options);
    });
  }
}
