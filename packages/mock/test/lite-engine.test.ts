/**
 * The lite engine (browser builds) against Prism (Node): for every operation of the spec, valid and broken requests
 * must route, authenticate, validate and pick examples alike, so a frontend test in a browser sees what a Node test
 * sees. Then the browser entry's handlers run in Node through the SDK.
 */
import { MiniMax } from '@minimax-ts/sdk';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiteEngine } from '../src/lite/engine.ts';
import { createHandlers } from '../src/msw/browser.ts';
import type { EngineRequest, MockConfig, RunResult } from '../src/prism-engine.ts';
import { PrismEngine } from '../src/prism-engine.ts';
import { INDEX, SPEC } from './helpers.ts';

let prism: PrismEngine;
let lite: LiteEngine;
beforeAll(async () => {
  prism = await PrismEngine.load(SPEC);
  lite = await LiteEngine.load(SPEC);
});

interface Case {
  name: string;
  req: EngineRequest;
  config?: Partial<MockConfig>;
}

const AUTH = { authorization: 'Bearer test-key', 'content-type': 'application/json' };

function jsonExample(method: string, path: string): Record<string, unknown> | undefined {
  const op = (SPEC.paths as Record<string, Record<string, Record<string, unknown>>>)[path]?.[method];
  const body = INDEX.resolve(op?.requestBody) as Record<string, unknown> | undefined;
  const media = (body?.content as Record<string, Record<string, unknown>> | undefined)?.['application/json'];
  const examples = (media?.examples ?? {}) as Record<string, { value?: unknown }>;
  const value = media?.example ?? (examples.default ?? Object.values(examples)[0])?.value;
  return value && typeof value === 'object' ? (structuredClone(value) as Record<string, unknown>) : undefined;
}

/** Valid and broken requests for every operation with a JSON request example, plus query and routing cases. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const op of INDEX.operations) {
    const example = jsonExample(op.method, op.path);
    if (!example || op.path.includes('{')) continue;
    const base = { method: op.method.toUpperCase(), path: op.path, query: {}, headers: AUTH };
    out.push({ name: `${op.operationId} valid`, req: { ...base, body: example } });
    out.push({
      name: `${op.operationId} no auth`,
      req: { ...base, headers: { 'content-type': 'application/json' }, body: example },
    });
    const first = Object.keys(example)[0]!;
    const { [first]: _, ...missing } = example;
    out.push({ name: `${op.operationId} without ${first}`, req: { ...base, body: missing } });
    out.push({
      name: `${op.operationId} ${first} of the wrong type`,
      req: { ...base, body: { ...example, [first]: [{}] } },
    });
  }
  const list = { method: 'GET', path: '/v1/files/list', headers: AUTH };
  out.push({ name: 'files list valid', req: { ...list, query: { purpose: 'voice_clone', size: '2' } } });
  out.push({ name: 'files list without purpose', req: { ...list, query: {} } });
  out.push({ name: 'files list bad size', req: { ...list, query: { purpose: 'voice_clone', size: 'many' } } });
  out.push({ name: 'files list bad purpose', req: { ...list, query: { purpose: 'nope' } } });
  return out;
}

const summary = (r: RunResult) => ({
  ok: r.ok,
  authFailed: r.authFailed,
  violations: r.violations.map((v) => `${v.location.join('.')}|${v.code}`).sort(),
  messages: r.violations.map((v) => v.message).sort(),
  // Only a valid request's answer is ever served (a refused one is answered by the mock's own error bodies).
  ...(r.ok && !r.authFailed && r.violations.length === 0 && { status: r.response.statusCode, body: r.response.body }),
});

describe('lite engine = Prism', () => {
  it.each(cases().map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const config: MockConfig = { dynamic: false, mediaType: 'application/json', ...c.config };
    const a = prism.route(c.req);
    const b = lite.route(c.req);
    expect(b.ok).toBe(a.ok);
    if (!a.ok || !b.ok) return;
    expect(b.operation.path).toBe(a.operation.path);
    expect(summary(await lite.run(b.operation, c.req, config))).toEqual(
      summary(await prism.run(a.operation, c.req, config)),
    );
  });

  it.each([
    ['unknown path', 'GET', '/v1/nope'],
    ['wrong method', 'GET', '/v1/text/chatcompletion_v2'],
  ])('routes %s alike', (_, method, path) => {
    const req = { method, path, query: {}, headers: AUTH };
    const a = prism.route(req);
    const b = lite.route(req);
    expect(b).toMatchObject({ ok: false, status: (a as { status: number }).status });
  });

  it('picks named examples and documented codes alike, and fails an unknown example alike', async () => {
    const req = {
      method: 'POST',
      path: '/v1/text/chatcompletion_v2',
      query: {},
      headers: AUTH,
      body: jsonExample('post', '/v1/text/chatcompletion_v2'),
    };
    const a = prism.route(req);
    const b = lite.route(req);
    if (!a.ok || !b.ok) throw new Error('not routed');
    for (const config of [
      { mediaType: 'text/event-stream', exampleKey: 'with_done_marker' },
      { mediaType: 'text/event-stream' },
      { mediaType: 'application/json', exampleKey: 'nope' },
    ]) {
      const full = { dynamic: false, ...config };
      const [x, y] = [await prism.run(a.operation, req, full, false), await lite.run(b.operation, req, full, false)];
      expect(y.ok).toBe(x.ok);
      if (x.ok && y.ok) expect(y.response.body).toEqual(x.response.body);
    }
  });
});

describe('browser entry handlers, run in Node', () => {
  const mock = createHandlers({ streamDelayMs: 1, taskPolls: 1 });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('serves chat, a stream, files and a task with the lite engine', async () => {
    const mm = new MiniMax({ apiKey: 't', pollInterval: 1, logLevel: 'off', maxRetries: 0 });
    const health = (await (await fetch('https://api.minimax.io/__health')).json()) as { engine: string };
    expect(health.engine).toBe('lite');
    const messages = [{ role: 'user' as const, content: 'hi' }];
    expect((await mm.chat.create({ model: 'MiniMax-M2', messages })).base_resp.status_code).toBe(0);
    expect(
      (await (await mm.chat.create({ model: 'MiniMax-M2', messages, stream: true })).finalText()).length,
    ).toBeGreaterThan(0);
    const { file } = await mm.files.upload({
      file: new TextEncoder().encode('x'),
      filename: '声音.txt',
      purpose: 't2a_async_input',
    });
    expect(file?.filename).toBe('声音.txt');
    const video = await mm.video.generate({ model: 'MiniMax-Hailuo-02', prompt: 'cat' });
    expect(video.download_url).toMatch(/^https:\/\/api\.minimax\.io\/__download\//);
    const bad = await fetch('https://api.minimax.io/v1/text/chatcompletion_v2', {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: '{"messages":[]}',
    });
    expect(bad.status).toBe(422);
  });

  it('transcribes a multipart upload (json, vtt, stream) with the lite engine', async () => {
    const mm = new MiniMax({ apiKey: 't', logLevel: 'off', maxRetries: 0 });
    const file = new File(['Hello there.'], 'clip.mp3');
    expect((await mm.transcriptions.create({ file, model: 'asr-1.0' })).text).toBe('Hello there.');
    const vtt = await mm.transcriptions.create({ file, model: 'asr-1.0', response_format: 'vtt' });
    expect(vtt).toBe('WEBVTT\n\n00:00:00.100 --> 00:00:00.900\nHello there.\n');
    const stream = await mm.transcriptions.create({ file, model: 'asr-1.0', stream: true });
    expect(await stream.finalText()).toBe('Hello there.');
  });
});
