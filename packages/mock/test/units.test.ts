/** The pure pieces, table-driven: preferences, scenario names, frame planning, lifecycles, ids, tar. */

import { describe, expect, it } from 'vitest';
import { IdSource } from '../src/files-store.ts';
import { createIdCodec } from '../src/id-codec.ts';
import { tar } from '../src/result-files.ts';
import { readPrefs, resolveScenario, ScenarioCounter } from '../src/scenarios.ts';
import { SpecIndex } from '../src/spec-index.ts';
import { encodeFrame, planFrames, type SseFrame } from '../src/sse.ts';
import { lifecycleFromEnum, TaskStore } from '../src/tasks.ts';

describe('readPrefs', () => {
  it.each([
    ['scenario=rate_limit', {}, { scenario: 'rate_limit' }],
    ['scenario=http_429, retry_after=5', {}, { scenario: 'http_429', retryAfter: 5 }],
    ['scenario="stream_stall"; wait=100', {}, { scenario: 'stream_stall', waitMs: 100 }],
    ['chunks=50, delay=0, polls=1', {}, { chunks: 50, delayMs: 0, polls: 1 }],
    ['example=with_done_marker, code=200, dynamic=true', {}, { example: 'with_done_marker', code: 200, dynamic: true }],
    [undefined, { 'x-mock-session': 's1' }, { session: 's1' }],
  ] as const)('Prefer: %s', (prefer, extra, expected) => {
    expect(readPrefs({ prefer, ...extra }, new URLSearchParams())).toEqual(expected);
  });

  it('query parameters win (browsers)', () => {
    const q = new URLSearchParams('__scenario=balance&__chunks=3&file_id=1');
    expect(readPrefs({ prefer: 'scenario=rate_limit' }, q)).toEqual({ scenario: 'balance', chunks: 3 });
  });
});

describe('resolveScenario', () => {
  const codes = [{ code: 1039, name: 'token_limit' }];
  it.each([
    ['rate_limit', { kind: 'base_resp', code: 1002 }, undefined],
    ['token_limit', { kind: 'base_resp', code: 1039 }, undefined],
    ['base_resp_2048', { kind: 'base_resp', code: 2048 }, undefined],
    ['http_503_once', { kind: 'http', status: 503 }, 1],
    ['stream_cut', { kind: 'stream_cut' }, undefined],
  ] as const)('%s', (name, scenario, times) => {
    const r = resolveScenario(name, codes);
    expect(r?.scenario).toEqual(scenario);
    expect(r?.times).toBe(times);
  });
  it('is undefined for unknown names and for http codes outside 4xx/5xx', () => {
    expect(resolveScenario('nope', codes)).toBeUndefined();
    expect(resolveScenario('http_200', codes)).toBeUndefined();
  });
  it('counts per key', () => {
    const c = new ScenarioCounter();
    expect([c.shouldFire('a', 1), c.shouldFire('a', 1), c.shouldFire('b', 1), c.shouldFire('a', undefined)]).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });
});

describe('planFrames', () => {
  const chunk = (content: string, extra: Record<string, unknown> = {}): SseFrame => ({
    data: { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, ...extra }] },
  });
  const example: SseFrame[] = [
    chunk(''),
    chunk('a'),
    chunk('b'),
    chunk('c', { finish_reason: 'stop' }),
    { data: { object: 'chat.completion', choices: [{ index: 0, message: { content: 'abc' } }] } },
    { data: '[DONE]' },
  ];

  it('returns the example unchanged without options, and never mutates it', () => {
    const before = structuredClone(example);
    expect(planFrames(example)).toEqual(example);
    planFrames(example, { chunks: 10 });
    expect(example).toEqual(before);
  });

  it('stretches the deltas, keeping the first and last in place, and recomputes the aggregate', () => {
    const frames = planFrames(example, { chunks: 6 });
    // biome-ignore lint/suspicious/noExplicitAny: poking at parsed test JSON
    const data = frames.map((f) => f.data as any);
    expect(data.filter((d) => d?.object === 'chat.completion.chunk')).toHaveLength(6);
    expect(data[0].choices[0].delta.content).toBe('');
    expect(data[5].choices[0].finish_reason).toBe('stop');
    expect(data[6].choices[0].message.content).toBe('abab' + 'c');
    expect(frames.at(-1)!.data).toBe('[DONE]');
  });

  it('empties the aggregated audio of speech when asked', () => {
    const speech: SseFrame[] = [
      { data: { data: { audio: 'aa', status: 1 } } },
      { data: { data: { audio: 'aa', status: 2 } } },
    ];
    // biome-ignore lint/suspicious/noExplicitAny: poking at parsed test JSON
    expect((planFrames(speech, { excludeAggregatedAudio: true })[1]!.data as any).data.audio).toBe('');
  });

  it('encodes named events and data lines', () => {
    expect(encodeFrame({ event: 'ping', data: { type: 'ping' } }, JSON.stringify)).toBe(
      'event: ping\ndata: {"type":"ping"}\n\n',
    );
    expect(encodeFrame({ data: '[DONE]' }, JSON.stringify)).toBe('data: [DONE]\n\n');
  });
});

describe('task lifecycles', () => {
  it.each([
    [undefined, ['Preparing', 'Queueing', 'Processing'], 'Success', 'Fail'],
    [
      ['Preparing', 'Queueing', 'Processing', 'Success', 'Fail'],
      ['Preparing', 'Queueing', 'Processing'],
      'Success',
      'Fail',
    ],
    [['success', 'failed', 'expired', 'processing'], ['processing'], 'success', 'failed'],
  ] as const)('enum %j', (values, progress, success, fail) => {
    expect(lifecycleFromEnum(values as readonly string[] | undefined)).toEqual({ progress, success, fail });
  });

  it('spreads the progress statuses over the polls', () => {
    const store = new TaskStore();
    const lifecycle = lifecycleFromEnum(undefined);
    const task = store.create({ id: '1', family: 'x', fail: false, polls: 6 });
    const seen = Array.from({ length: 7 }, () => store.poll(task, lifecycle).status);
    expect(seen).toEqual(['Preparing', 'Preparing', 'Queueing', 'Queueing', 'Processing', 'Processing', 'Success']);
  });
});

describe('ids', () => {
  it('hands out distinct 18-digit ids above 2^53, the same sequence for the same seed', () => {
    const a = new IdSource('s');
    const b = new IdSource('s');
    const ids = Array.from({ length: 5 }, () => a.next());
    expect(ids).toEqual(Array.from({ length: 5 }, () => b.next()));
    for (const id of ids) {
      expect(id).toMatch(/^\d{18}$/);
      expect(BigInt(id) > 2n ** 53n).toBe(true);
    }
    expect(new Set(ids.map((id) => Number(id))).size).toBe(5);
  });

  it('codec: bare numbers in, digit strings inside, bare numbers out; quoted ids are violations', () => {
    const codec = createIdCodec(['file_id']);
    const text = '{"file_id":300000000000000123,"n":1}';
    expect(codec.parse(text)).toEqual({ file_id: '300000000000000123', n: 1 });
    expect(codec.stringify({ file_id: '0300000000000000123', other_id: '7' })).toBe(
      '{"file_id":300000000000000123,"other_id":"7"}',
    );
    expect(codec.quotedIds('{"file_id": "1"}')).toHaveLength(1);
    expect(codec.quotedIds(text)).toHaveLength(0);
  });
});

describe('tar', () => {
  it('writes a ustar archive with a valid header checksum', () => {
    const archive = tar([{ name: 'a.txt', data: new TextEncoder().encode('hello') }]);
    expect(archive.length).toBe(512 + 512 + 1024);
    const header = archive.slice(0, 512);
    const stored = Number.parseInt(new TextDecoder().decode(header.slice(148, 154)), 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    expect(stored).toBe(sum);
    expect(new TextDecoder().decode(archive.slice(512, 517))).toBe('hello');
  });
});

describe('error envelope of an operation (SpecIndex flavour)', () => {
  const op = (
    extra: Record<string, unknown>,
    responses: Record<string, unknown> = { '200': { description: 'ok' } },
  ) => ({
    openapi: '3.1.0',
    paths: { '/v2/thing': { post: { operationId: 'thing', responses, ...extra } } },
  });

  it('reads x-minimax-envelope when the spec states it', () => {
    expect(new SpecIndex(op({ 'x-minimax-envelope': 'openai' })).operations[0]!.flavour).toBe('openai');
    expect(new SpecIndex(op({ 'x-minimax-envelope': 'native' })).operations[0]!.flavour).toBe('native');
  });

  it('infers it from documented 4xx error bodies otherwise', () => {
    const withError = {
      '200': { description: 'ok' },
      '401': {
        description: 'no',
        content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object' } } } } },
      },
    };
    expect(new SpecIndex(op({}, withError)).operations[0]!.flavour).toBe('openai');
    expect(new SpecIndex(op({})).operations[0]!.flavour).toBe('native');
  });
});
