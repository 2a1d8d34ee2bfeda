/**
 * `parseVideoCallback` against the bodies MiniMax documents (the V1 pages' FastAPI sample, the V2 query shape) and
 * the ones it might send: big ids as bare numbers, other spellings, unknown fields, and bodies that are not callbacks.
 */
import { describe, expect, it } from 'vitest';
import {
  parseVideoCallback,
  parseVideoStatusEvent,
  type VideoCallback,
  VideoCallbackParseError,
} from '../src/callbacks.ts';

const V2_SUCCEEDED = {
  task: {
    id: '424010985738629',
    model: 'MiniMax-H3',
    status: 'succeeded',
    created_at: 1785125529,
    updated_at: 1785125946,
    content: { url: 'https://video-product.cdn.minimax.io/output.mp4' },
    resolution: '2K',
    duration: 5,
    usage: { total_seconds: 5, total_tokens: 273890 },
    ratio: '16:9',
    task_type: 'generation',
    modality: 'video',
  },
};

describe('parseVideoCallback: what MiniMax documents', () => {
  it('a challenge, whatever else the body has', () => {
    expect(parseVideoCallback('{"challenge":"c-123"}')).toEqual({
      kind: 'challenge',
      challenge: 'c-123',
      raw: { challenge: 'c-123' },
    });
    const both = parseVideoCallback({ challenge: '', task_id: '1', status: 'success' });
    expect(both).toMatchObject({ kind: 'challenge', challenge: '' });
    expect(parseVideoCallback('{"challenge":12345}')).toMatchObject({ kind: 'challenge', challenge: '12345' });
  });

  it('the V1 sample of the docs: lowercase status, string ids, base_resp', () => {
    const body =
      '{"task_id":"115334141465231360","status":"success","file_id":"205258526306433","base_resp":{"status_code":0,"status_msg":"success"}}';
    const event = parseVideoCallback(body);
    expect(event).toEqual({
      kind: 'status',
      api: 'v1',
      taskId: '115334141465231360',
      status: 'success',
      state: 'succeeded',
      fileId: '205258526306433',
      url: undefined,
      error: undefined,
      verified: false,
      raw: JSON.parse(body),
      body: JSON.parse(body),
    });
  });

  it('V2: the query shape {task}, url from content', () => {
    const event = parseVideoCallback(JSON.stringify(V2_SUCCEEDED));
    expect(event).toMatchObject({
      kind: 'status',
      api: 'v2',
      taskId: '424010985738629',
      status: 'succeeded',
      state: 'succeeded',
      url: 'https://video-product.cdn.minimax.io/output.mp4',
      error: undefined,
      verified: false,
    });
    if (event.kind !== 'status' || event.api !== 'v2') throw new Error('narrowing');
    expect(event.task).toEqual(V2_SUCCEEDED.task);
    expect(event.raw).toEqual(V2_SUCCEEDED);
  });

  it('V2 failure: task.error with its string code', () => {
    const event = parseVideoStatusEvent({
      task: {
        id: '424010985738630',
        status: 'failed',
        error: { code: '1026', message: 'video description contains sensitive content' },
      },
    });
    expect(event).toMatchObject({
      state: 'failed',
      error: { code: '1026', message: 'video description contains sensitive content' },
    });
  });
});

type Row = [name: string, body: string | object, expected: Partial<VideoCallback> & Record<string, unknown>];

const rows: Row[] = [
  ['V1 processing', { task_id: 'a1', status: 'processing' }, { api: 'v1', state: 'pending', fileId: undefined }],
  ['V1 failed', { task_id: 'a1', status: 'failed' }, { api: 'v1', state: 'failed' }],
  ['V1 query spelling Success', { task_id: 'a1', status: 'Success' }, { state: 'succeeded', status: 'Success' }],
  ['V1 query spelling Fail', { task_id: 'a1', status: 'Fail' }, { state: 'failed', status: 'Fail' }],
  ['V1 uppercase FAILED', { task_id: 'a1', status: 'FAILED' }, { state: 'failed' }],
  ['V1 unknown status', { task_id: 'a1', status: 'Rendering' }, { state: 'pending', status: 'Rendering' }],
  [
    'V1 file_id as an 18-digit bare number keeps its digits',
    '{"task_id":"1","status":"success","file_id":307134579123456789}',
    { fileId: '307134579123456789' },
  ],
  [
    'V1 task_id as a bare 19-digit number',
    '{"task_id":9223372036854775807,"status":"processing"}',
    { taskId: '9223372036854775807' },
  ],
  ['V1 task_id as a safe number in an object', { task_id: 42, status: 'success' }, { taskId: '42' }],
  ['V1 empty file_id is none', { task_id: '1', status: 'processing', file_id: '' }, { fileId: undefined }],
  [
    'V1 a template task: video_url',
    { task_id: '1', status: 'Success', video_url: 'https://cdn/x.mp4' },
    { url: 'https://cdn/x.mp4', fileId: undefined },
  ],
  [
    'V1 non-zero base_resp is the error',
    { task_id: '1', status: 'failed', base_resp: { status_code: 1026, status_msg: 'sensitive' } },
    { error: { code: '1026', message: 'sensitive' } },
  ],
  ['V2 queued', { task: { id: '1', status: 'queued' } }, { api: 'v2', state: 'pending', url: undefined }],
  ['V2 running', { task: { id: '1', status: 'running' } }, { state: 'pending' }],
  ['V2 cancelled', { task: { id: '1', status: 'cancelled' } }, { state: 'failed' }],
  ['V2 expired', { task: { id: '1', status: 'expired' } }, { state: 'failed' }],
  ['V2 capitalised Succeeded', { task: { id: '1', status: 'Succeeded' } }, { state: 'succeeded' }],
  [
    'V2 id as a bare big number',
    '{"task":{"id":4240109857386291234,"status":"queued"}}',
    { taskId: '4240109857386291234' },
  ],
  ['V2 a bare task (relayed)', { id: '77', status: 'running', model: 'MiniMax-H3' }, { api: 'v2', taskId: '77' }],
  [
    'V2 error as plain text',
    { task: { id: '1', status: 'failed', error: 'boom' } },
    { error: { code: '', message: 'boom' } },
  ],
  ['V2 empty error object', { task: { id: '1', status: 'failed', error: {} } }, { error: undefined }],
  ['V2 null content', { task: { id: '1', status: 'queued', content: null } }, { url: undefined }],
];

describe('parseVideoCallback: spellings and shapes', () => {
  it.each(rows)('%s', (_name, body, expected) => {
    expect(parseVideoCallback(body)).toMatchObject(expected);
  });

  it('keeps unknown fields, at every level, and never fails on them', () => {
    const event = parseVideoCallback(
      '{"task_id":"1","status":"success","file_id":"2","extra":{"deep":[1,2]},"trace":"t","base_resp":{"status_code":0,"status_msg":"ok","more":1}}',
    );
    expect(event.raw).toMatchObject({ extra: { deep: [1, 2] }, trace: 't', base_resp: { more: 1 } });
    if (event.kind !== 'status' || event.api !== 'v1') throw new Error('narrowing');
    expect(event.body.extra).toEqual({ deep: [1, 2] });
    const v2 = parseVideoStatusEvent({ task: { id: '1', status: 'queued', shiny: true }, envelope: 'x' });
    expect(v2.raw).toEqual({ task: { id: '1', status: 'queued', shiny: true }, envelope: 'x' });
  });

  it('reads bytes as UTF-8', () => {
    const bytes = new TextEncoder().encode('{"task_id":"1","status":"processing","note":"ünïcödé"}');
    expect(parseVideoCallback(bytes).raw).toMatchObject({ note: 'ünïcödé' });
    expect(parseVideoCallback(bytes.buffer as ArrayBuffer)).toMatchObject({ taskId: '1' });
  });
});

const bad: Array<[name: string, body: string | object | Uint8Array, message: RegExp, field?: string]> = [
  ['empty text', '', /empty/],
  ['whitespace', '  \n ', /empty/],
  ['not JSON', '{"task_id":', /not JSON/],
  ['HTML', '<html>hi</html>', /not JSON/],
  ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), /UTF-8/],
  ['an array', '[1,2]', /expected a JSON object, got an array/],
  ['null', 'null', /expected a JSON object, got null/],
  ['a string', '"hello"', /expected a JSON object/],
  ['an empty object', '{}', /not a video callback/],
  ['unrelated JSON', '{"event":"push","data":1}', /not a video callback/],
  ['challenge as an object', '{"challenge":{"x":1}}', /expected a string/, 'challenge'],
  ['V1 status missing', '{"task_id":"1"}', /missing/, 'status'],
  ['V1 status a number', '{"task_id":"1","status":2}', /expected a string, got number 2/, 'status'],
  ['V1 task_id empty', '{"task_id":"","status":"success"}', /expected an id string/, 'task_id'],
  ['V1 task_id an object', '{"task_id":{},"status":"success"}', /expected an id string/, 'task_id'],
  ['V1 file_id a boolean', '{"task_id":"1","status":"success","file_id":true}', /expected an id string/, 'file_id'],
  ['V1 video_url a number', '{"task_id":"1","status":"success","video_url":3}', /expected a string/, 'video_url'],
  ['V2 task a string', '{"task":"x"}', /expected an object/, 'task'],
  ['V2 id missing', '{"task":{"status":"queued"}}', /expected an id string, got undefined/, 'task.id'],
  ['V2 status missing', '{"task":{"id":"1"}}', /missing/, 'task.status'],
  [
    'V2 content a string',
    '{"task":{"id":"1","status":"succeeded","content":"u"}}',
    /expected an object/,
    'task.content',
  ],
  [
    'V2 url a number',
    '{"task":{"id":"1","status":"succeeded","content":{"url":1}}}',
    /expected a string/,
    'task.content.url',
  ],
  ['V2 error a number', '{"task":{"id":"1","status":"failed","error":5}}', /expected an object/, 'task.error'],
  [
    'a rounded id in an already-parsed object',
    { task_id: '1', status: 'success', file_id: Number('307134579123456789') },
    /lost its last digits/,
    'file_id',
  ],
];

describe('parseVideoCallback: what is not a callback', () => {
  it.each(bad)('%s', (_name, body, message, field) => {
    let error: unknown;
    try {
      parseVideoCallback(body);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VideoCallbackParseError);
    expect((error as Error).message).toMatch(message);
    expect((error as VideoCallbackParseError).field).toBe(field);
  });

  it('parseVideoStatusEvent refuses a challenge', () => {
    expect(() => parseVideoStatusEvent({ challenge: 'c' })).toThrow(/got a challenge/);
  });
});
