/**
 * The music endpoints' rules a schema cannot state. Lyrics keep the request's `title` as `song_title` (the reference:
 * "kept unchanged in the output"); cover preprocessing takes exactly one of `audio_url` / `audio_base64`, and a
 * request with both or neither gets the native answer to invalid parameters: HTTP 200 with `base_resp` 2013.
 */
import type { RequestContext } from './context.ts';
import { baseRespBody } from './error-bodies.ts';

type Obj = Record<string, unknown>;

const request = (ctx: RequestContext): Obj =>
  typeof ctx.json === 'object' && ctx.json !== null ? (ctx.json as Obj) : {};

const given = (value: unknown): boolean => typeof value === 'string' && value !== '';

/** `POST /v1/lyrics_generation`. */
export function handleLyrics(ctx: RequestContext): Response | undefined {
  const { title } = request(ctx);
  const body = ctx.mocked.body as Obj;
  if (!given(title) || typeof body !== 'object' || body === null) return undefined;
  return ctx.jsonResponse(ctx.mocked.statusCode, { ...body, song_title: title });
}

/** `POST /v1/music_cover_preprocess`. */
export function handleCoverPreprocess(ctx: RequestContext): Response | undefined {
  const { audio_url, audio_base64 } = request(ctx);
  const count = Number(given(audio_url)) + Number(given(audio_base64));
  if (count === 1) return undefined;
  const why = count === 0 ? 'audio_url or audio_base64 is required' : 'give only one of audio_url and audio_base64';
  return ctx.jsonResponse(200, { ...baseRespBody(2013, `invalid params, ${why}`), trace_id: ctx.traceId });
}
