/**
 * Speech-to-text (`POST /v1/speech_to_text`): the uploaded file is "heard" by transcript.ts (text files are their own
 * transcript, other audio a fixed exchange), and answered in every `response_format` — `json`, `verbose_json` with
 * sentence or word segments and speakers, `srt` and `vtt` subtitles — or streamed as `{index, delta, finish}` frames
 * ending with the audio's `duration`. Failures use the V2 / OaiError family with real HTTP statuses, as the endpoint
 * does: 413 (no code) for a body over 50 MB, 400 (2013) for an empty file, an unknown model, audio over 500 s or
 * `stream` with another format; the `language` header is accepted (a hint, as on the real API).
 */
import type { RequestContext } from './context.ts';
import { compatErrorBody, type ErrorAnswer } from './error-bodies.ts';
import { encodeFrame, type SseFrame } from './sse.ts';
import { playFrames, wantsStream } from './streaming.ts';
import { srt, vtt } from './subtitles.ts';
import { hear, type TimedText, type Transcript } from './transcript.ts';

const PATH = '/v1/speech_to_text';
/** The request body limit the real endpoint enforces (its 413 names it). */
export const TRANSCRIPTION_BODY_LIMIT = 52_428_800;
/** The longest audio it takes, in seconds. */
const MAX_SECONDS = 500;
/** Words per streamed delta when the request does not ask for a number of chunks. */
const WORDS_PER_DELTA = 3;

export function isTranscription(op: { path: string }): boolean {
  return op.path === PATH;
}

export function handleTranscription(ctx: RequestContext): Response {
  if (ctx.rawBody.length > TRANSCRIPTION_BODY_LIMIT) {
    const message = `request body too large: ${ctx.rawBody.length} bytes exceeds limit of ${TRANSCRIPTION_BODY_LIMIT} bytes`;
    return failure(ctx, 413, 'invalid_request_error', message);
  }
  const form = ctx.form;
  const file = form?.files.get('file');
  if (!form || !file) return invalid(ctx, 'file is required');
  if (file.bytes.length === 0) return invalid(ctx, 'audio file is empty');
  const model = form.fields.get('model') ?? '';
  const models = knownModels(ctx);
  if (model === '' || (models.length > 0 && !models.includes(model))) {
    return invalid(ctx, `model ${JSON.stringify(model)} is not supported (supported: ${models.join(', ')})`);
  }
  const format = form.fields.get('response_format') || 'json';
  const stream = wantsStream(ctx.op, undefined, form);
  if (stream && format !== 'json') return invalid(ctx, `stream=true only supports response_format=json, got ${format}`);
  const heard = hear(file.bytes);
  if (heard.duration > MAX_SECONDS) {
    return invalid(ctx, `audio duration ${heard.duration.toFixed(1)}s exceeds the limit of ${MAX_SECONDS}s`);
  }
  const units = form.fields.get('timestamp_level') === 'word' ? heard.words : heard.sentences;
  if (stream) return streamed(ctx, heard);
  switch (format) {
    case 'json':
      return json(ctx, heard, undefined);
    case 'verbose_json':
      return json(ctx, heard, units);
    case 'srt':
      return text(srt(units), 'text/plain; charset=utf-8');
    case 'vtt':
      return text(vtt(units), 'text/vtt; charset=utf-8');
    default:
      return invalid(ctx, `response_format ${JSON.stringify(format)} is not supported`);
  }
}

/**
 * The V2 / OaiError statuses of the scenarios whose generic compatible mapping differs on this endpoint: sensitive
 * audio is a 422, insufficient balance a 402 (the other codes already map to the endpoint's statuses).
 */
const SCENARIO_STATUSES: Readonly<Record<number, { status: number; type: string; message: string }>> = {
  1026: { status: 422, type: 'unprocessable_entity_error', message: 'audio content contains sensitive content' },
  1008: { status: 402, type: 'insufficient_balance_error', message: 'insufficient balance' },
};

/** The answer of a `base_resp` scenario this endpoint reports with its own status (see above), else undefined. */
export function transcriptionScenario(ctx: RequestContext): Response | undefined {
  const scenario = ctx.scenario?.scenario;
  const row = scenario?.kind === 'base_resp' ? SCENARIO_STATUSES[scenario.code] : undefined;
  if (!row || scenario?.kind !== 'base_resp') return undefined;
  return failure(ctx, row.status, row.type, `${row.message} (${scenario.code})`);
}

function json(ctx: RequestContext, heard: Transcript, units: readonly TimedText[] | undefined): Response {
  // Over the contract engine's body, so a `--dynamic` answer keeps the extra fields it generated.
  const base = ctx.mocked.body && typeof ctx.mocked.body === 'object' && !Array.isArray(ctx.mocked.body);
  const {
    n_speakers: _n,
    segments: _s,
    trace_id: _t,
    ...rest
  } = (base ? ctx.mocked.body : {}) as Record<string, unknown>;
  const body: Record<string, unknown> = { ...rest, text: heard.text, duration: heard.duration };
  if (units) {
    body.n_speakers = heard.speakers;
    body.segments = units.map((u, id) => ({ id, start: u.start, end: u.end, speaker: u.speaker, text: u.text }));
  }
  body.trace_id = ctx.traceId;
  return ctx.jsonResponse(200, body);
}

function text(body: string, contentType: string): Response {
  const bytes = new TextEncoder().encode(body);
  return new Response(bytes, {
    status: 200,
    headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.length) },
  });
}

/** The transcript a few words per frame (or in `chunks` frames), then the final frame with the duration. */
function streamed(ctx: RequestContext, heard: Transcript): Response {
  const { pieces } = heard;
  const size = ctx.prefs.chunks ? Math.ceil(pieces.length / ctx.prefs.chunks) : WORDS_PER_DELTA;
  const deltas: string[] = [];
  for (let i = 0; i < pieces.length; i += size) deltas.push(pieces.slice(i, i + size).join(''));
  const frames: SseFrame[] = deltas.map((delta, index) => ({ data: { index, delta, finish: false } }));
  frames.push({ data: { index: frames.length, delta: '', finish: true, duration: heard.duration } });
  return playFrames(
    ctx,
    frames.map((frame) => encodeFrame(frame, JSON.stringify)),
  );
}

/** The model ids the spec lists for this operation's `model` field (`x-minimax-known-values`). */
function knownModels(ctx: RequestContext): string[] {
  const { index } = ctx.runtime;
  const operation = (index.doc.paths as Record<string, Record<string, Record<string, unknown>>>)[PATH]?.post;
  const body = index.resolve(operation?.requestBody) as { content?: Record<string, { schema?: unknown }> } | undefined;
  const schema = index.resolve(body?.content?.['multipart/form-data']?.schema);
  const known = index.property(schema, 'model')?.['x-minimax-known-values'];
  return Array.isArray(known) ? known.filter((m): m is string => typeof m === 'string') : [];
}

function invalid(ctx: RequestContext, detail: string): Response {
  return failure(ctx, 400, 'bad_request_error', `invalid params, ${detail} (2013)`);
}

function failure(ctx: RequestContext, status: number, type: string, message: string): Response {
  const answer: ErrorAnswer = { status, body: compatErrorBody(status, type, message, ctx.traceId) };
  return ctx.errorResponse(answer);
}
