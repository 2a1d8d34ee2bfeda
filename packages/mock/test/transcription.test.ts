/**
 * Speech-to-text on the mock, over raw HTTP with the multipart bodies a client sends: transcripts derived from the
 * uploaded bytes (text is its own transcript; other audio a fixed exchange over the file's duration), every
 * `response_format`, the SSE stream, the `language` header, and the V2 / OaiError failures with their real statuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { srt, vtt } from '../src/subtitles.ts';
import { AUDIO_TURNS, hear } from '../src/transcript.ts';
import type { MockServer } from '../src/types.ts';
import { AUTH, parseSse, start } from './helpers.ts';

const PATH = '/v1/speech_to_text';
const DIALOGUE = "Can we go over the agenda?\nSure, let's start with the budget.";
const encode = (text: string) => new TextEncoder().encode(text);

let mock: MockServer;
beforeAll(async () => {
  mock = await start();
});
afterAll(() => mock?.close());

interface Upload {
  file?: Uint8Array | undefined;
  filename?: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
}

function transcribe({ file = encode(DIALOGUE), filename = 'meeting.mp3', fields = {}, headers = {} }: Upload = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ model: 'asr-1.0', ...fields })) form.append(name, value);
  if (file) form.append('file', new Blob([file as BlobPart], { type: 'audio/mpeg' }), filename);
  return fetch(`${mock.url}${PATH}`, { method: 'POST', headers: { ...AUTH, ...headers }, body: form });
}

/** A WAV file: a 44-byte header with this byte rate, then `seconds` of silence. */
function wav(byteRate: number, seconds: number): Uint8Array {
  const bytes = new Uint8Array(44 + Math.round(byteRate * seconds));
  const view = new DataView(bytes.buffer);
  bytes.set(encode('RIFF'), 0);
  bytes.set(encode('WAVEfmt '), 8);
  view.setUint32(28, byteRate, true);
  return bytes;
}

describe('transcripts from the uploaded bytes', () => {
  it('json: text files are their own transcript, with the duration they take to say', async () => {
    const res = await transcribe({ headers: { language: 'en' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['text', 'duration', 'trace_id']);
    expect(body).toEqual({
      text: "Can we go over the agenda? Sure, let's start with the budget.",
      duration: 5.3, // 12 words × 0.4 s, 0.1 s lead-in, 0.3 s between sentences, 0.1 s at the end
      trace_id: res.headers.get('trace-id'),
    });
  });

  it('verbose_json: sentence segments with alternating speakers per line', async () => {
    const body = await (await transcribe({ fields: { response_format: 'verbose_json' } })).json();
    expect(body.n_speakers).toBe(2);
    expect(body.segments).toEqual([
      { id: 0, start: 0.1, end: 2.5, speaker: 'S1', text: 'Can we go over the agenda?' },
      { id: 1, start: 2.8, end: 5.2, speaker: 'S2', text: "Sure, let's start with the budget." },
    ]);
    expect(body.text).toBe(body.segments.map((s: { text: string }) => s.text).join(' '));
  });

  it('verbose_json at word level: English by word, Chinese by character', async () => {
    const english = await (
      await transcribe({
        file: encode('Hello there'),
        fields: { response_format: 'verbose_json', timestamp_level: 'word' },
      })
    ).json();
    expect(english.segments).toEqual([
      { id: 0, start: 0.1, end: 0.5, speaker: 'S1', text: 'Hello' },
      { id: 1, start: 0.5, end: 0.9, speaker: 'S1', text: 'there' },
    ]);
    const chinese = await (
      await transcribe({ file: encode('你好。'), fields: { response_format: 'verbose_json', timestamp_level: 'word' } })
    ).json();
    expect(chinese.text).toBe('你好。');
    expect(chinese.segments.map((s: { text: string }) => s.text)).toEqual(['你', '好。']);
    expect(chinese.duration).toBe(0.7);
  });

  it('other bytes are audio: the fixed exchange, stretched over the size at 128 kbit/s', async () => {
    const audio = new Uint8Array(96_000).fill(0xff); // not UTF-8: 6 s at 16,000 bytes a second
    const body = await (await transcribe({ file: audio, fields: { response_format: 'verbose_json' } })).json();
    expect(body.text).toBe(AUDIO_TURNS.join(' '));
    expect(body.duration).toBe(6);
    expect(body.segments.map((s: { speaker: string }) => s.speaker)).toEqual(['S1', 'S2']);
    expect(body.segments.at(-1).end).toBeLessThanOrEqual(6);
    // A tiny file still lasts as long as the exchange takes to say.
    expect((await (await transcribe({ file: new Uint8Array(10).fill(0xff) })).json()).duration).toBe(5.3);
  });

  it("a WAV file lasts its data at the header's byte rate", async () => {
    const body = await (await transcribe({ file: wav(32_000, 7.5), filename: 'a.wav' })).json();
    expect(body.duration).toBe(7.5);
  });

  it('srt and vtt: the subtitles of the sentence (or word) segments, as text/plain and text/vtt', async () => {
    const srtRes = await transcribe({ fields: { response_format: 'srt' } });
    expect(srtRes.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await srtRes.text()).toBe(
      "1\n00:00:00,100 --> 00:00:02,500\nCan we go over the agenda?\n\n2\n00:00:02,800 --> 00:00:05,200\nSure, let's start with the budget.\n",
    );
    const vttRes = await transcribe({
      fields: { response_format: 'vtt', timestamp_level: 'word' },
      file: encode('Hi you'),
    });
    expect(vttRes.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(await vttRes.text()).toBe(
      'WEBVTT\n\n00:00:00.100 --> 00:00:00.500\nHi\n\n00:00:00.500 --> 00:00:00.900\nyou\n',
    );
  });

  it('stream: deltas of a few words, then the final frame with the duration (no [DONE])', async () => {
    const res = await transcribe({ fields: { stream: 'true' } });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const frames = parseSse(await res.text()).map((f) => JSON.parse(f.data));
    expect(frames.at(-1)).toEqual({ index: frames.length - 1, delta: '', finish: true, duration: 5.3 });
    expect(frames.map((f) => f.index)).toEqual(frames.map((_, i) => i));
    expect(frames.map((f) => f.delta).join('')).toBe("Can we go over the agenda? Sure, let's start with the budget.");
    expect(frames.slice(0, -1).every((f) => f.finish === false)).toBe(true);
  });

  it('stream: `chunks` sets the number of deltas; stream_cut drops the connection midway', async () => {
    const res = await transcribe({ fields: { stream: 'true' }, headers: { Prefer: 'chunks=12' } });
    expect(parseSse(await res.text())).toHaveLength(13);
    const cut = await transcribe({ fields: { stream: 'true' }, headers: { Prefer: 'scenario=stream_cut' } });
    await expect(cut.text()).rejects.toThrow();
  });
});

describe('failures, with the V2 / OaiError body and real statuses', () => {
  async function failure(res: Response) {
    const body = await res.json();
    expect(body).toMatchObject({ type: 'error', error: { http_code: String(res.status) } });
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
    return { status: res.status, type: body.error.type, message: body.error.message };
  }

  it('an empty file is a 400 (2013)', async () => {
    expect(await failure(await transcribe({ file: new Uint8Array(0) }))).toEqual({
      status: 400,
      type: 'bad_request_error',
      message: 'invalid params, audio file is empty (2013)',
    });
  });

  it('a body over 50 MB is a 413 without a code', async () => {
    const res = await transcribe({ file: new Uint8Array(52_428_800).fill(0xff) });
    const { status, type, message } = await failure(res);
    expect({ status, type }).toEqual({ status: 413, type: 'invalid_request_error' });
    expect(message).toMatch(/^request body too large: \d+ bytes exceeds limit of 52428800 bytes$/);
  });

  it('audio over 500 s is a 400 (2013), never truncated', async () => {
    const res = await transcribe({ file: wav(16_000, 623.4), filename: 'long.wav' });
    expect(await failure(res)).toMatchObject({
      status: 400,
      message: 'invalid params, audio duration 623.4s exceeds the limit of 500s (2013)',
    });
  });

  it('an unknown model and stream with a subtitle format are 400 (2013); no model breaks the contract', async () => {
    expect(await failure(await transcribe({ fields: { model: 'asr-9' } }))).toMatchObject({ status: 400 });
    const mixed = await failure(await transcribe({ fields: { stream: 'true', response_format: 'srt' } }));
    expect(mixed.message).toMatch(/stream=true only supports response_format=json.*\(2013\)$/);
    const form = new FormData();
    form.append('file', new Blob([encode('hi')]), 'a.mp3');
    const res = await fetch(`${mock.url}${PATH}`, { method: 'POST', headers: AUTH, body: form });
    expect(res.status).toBe(422);
    expect((await res.json()).violations[0].message).toMatch(/model/);
  });

  it.each([
    ['sensitive', 422, 'unprocessable_entity_error', 'audio content contains sensitive content (1026)'],
    ['insufficient_balance', 402, 'insufficient_balance_error', 'insufficient balance (1008)'],
    ['rate_limit', 429, 'rate_limit_error', 'rate limit, please retry later (1002)'],
    ['unknown_error', 500, 'server_error', 'internal error (1000)'],
  ])('scenario %s → HTTP %i %s', async (scenario, status, type, message) => {
    const res = await transcribe({ headers: { Prefer: `scenario=${scenario}` } });
    expect(await failure(res)).toEqual({ status, type, message });
  });

  it('no Authorization is a 401 authorized_error', async () => {
    const form = new FormData();
    form.append('model', 'asr-1.0');
    form.append('file', new Blob([encode('hi')]), 'a.mp3');
    const res = await fetch(`${mock.url}${PATH}`, { method: 'POST', body: form });
    expect(await failure(res)).toMatchObject({ status: 401, type: 'authorized_error' });
  });
});

describe('transcript rules (units)', () => {
  it('text with control characters is audio; whitespace-only text is silence', () => {
    expect(hear(encode('a\u0000b')).text).toBe(AUDIO_TURNS.join(' '));
    expect(hear(encode(' \n ')).text).toBe('');
    expect(hear(encode(' \n ')).speakers).toBe(0);
  });

  it('no space is written between Chinese sentences or lines; one between English ones', () => {
    expect(hear(encode('你好。\n世界。')).text).toBe('你好。世界。');
    expect(hear(encode('Hello.\nWorld.')).text).toBe('Hello. World.');
  });

  it('subtitles: hours and milliseconds; no cues', () => {
    const cue = { text: 'x', start: 3723.0456, end: 3723.5 };
    expect(srt([cue])).toBe('1\n01:02:03,046 --> 01:02:03,500\nx\n');
    expect(vtt([])).toBe('WEBVTT\n');
    expect(srt([])).toBe('');
  });
});
