import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEffectiveSpec, serializeSpec } from '../scripts/lib/build.ts';
import type { OpenAPIDocument } from '../scripts/lib/overlay.ts';
import { findDanglingRefs, validateOpenAPI } from '../scripts/lib/spec-check.ts';
import {
  HTTP_METHODS,
  hasDefaultExample,
  isBinaryMedia,
  listMediaSites,
  validateExamples,
} from '../scripts/lib/spec-examples.ts';
import { effectiveSpecPath, overlaysDir, upstreamSpecPath } from '../scripts/lib/spec-paths.ts';

let committed: OpenAPIDocument;
let committedText: string;

beforeAll(async () => {
  committedText = await readFile(effectiveSpecPath, 'utf8');
  committed = JSON.parse(committedText);
});

type Schema = Record<string, unknown>;
const schemas = () => (committed.components as { schemas: Record<string, Schema> }).schemas;
const operations = () =>
  Object.entries(committed.paths as Record<string, Record<string, Schema>>).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Schema })),
  );

/** Every (pointer, schema) pair in the document, for rules that hold for every property wherever it sits. */
function walkSchemas(node: unknown, pointer: string, visit: (schema: Schema, pointer: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => {
      walkSchemas(n, `${pointer}/${i}`, visit);
    });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  visit(node as Schema, pointer);
  for (const [k, v] of Object.entries(node))
    if (k !== 'examples' && k !== 'example') walkSchemas(v, `${pointer}/${k}`, visit);
}

describe('effective spec (spec/minimax.openapi.json)', () => {
  it('is exactly what upstream + overlays build, and the build is deterministic', async () => {
    const a = await buildEffectiveSpec({ upstreamPath: upstreamSpecPath, overlaysDir });
    const b = await buildEffectiveSpec({ upstreamPath: upstreamSpecPath, overlaysDir });
    expect(a.errors).toEqual([]);
    expect(serializeSpec(a.spec)).toBe(serializeSpec(b.spec));
    expect(serializeSpec(a.spec)).toBe(committedText);
  });

  it('validates as OpenAPI 3.1 with @readme/openapi-parser', async () => {
    expect(committed.openapi).toMatch(/^3\.1\./);
    expect(await validateOpenAPI(committed)).toEqual([]);
  });

  it('has no dangling $ref', () => {
    expect(findDanglingRefs(committed)).toEqual([]);
  });

  it('has an example for every request body and every response', () => {
    const missing = listMediaSites(committed)
      .filter((s) => !isBinaryMedia(s.mediaType) && !hasDefaultExample(s.media))
      .map((s) => `${s.operationId} ${s.where} ${s.mediaType}`);
    expect(missing).toEqual([]);
    for (const { op, path, method } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Record<string, Schema>)) {
        const resolved = response.$ref ? undefined : response;
        if (resolved && !resolved.content && status !== '204')
          throw new Error(`${method} ${path} ${status} has no content`);
      }
    }
  });

  it('has examples that validate against their schemas', () => {
    expect(validateExamples(committed)).toEqual([]);
  });

  it('lists the regional hosts, each tagged with its region and kind', () => {
    const servers = committed.servers as Array<{
      url: string;
      'x-minimax-region': string;
      'x-minimax-host-kind': string;
    }>;
    expect(servers.map((s) => [s.url, s['x-minimax-region'], s['x-minimax-host-kind']])).toEqual([
      ['https://api.minimax.io', 'global', 'primary'],
      ['https://api.minimax.cn', 'cn', 'primary'],
      ['https://api.minimaxi.com', 'cn', 'alias'],
    ]);
    const speech = ((committed.paths as Record<string, Schema>)['/v1/t2a_v2']?.servers ?? []) as typeof servers;
    const lowLatency = speech.filter((s) => s['x-minimax-host-kind'] === 'low-latency').map((s) => s.url);
    expect(lowLatency).toEqual(['https://api-uw.minimax.io', 'https://api-bj.minimaxi.com']);
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the endpoints the upstream file lacks', () => {
    const paths = committed.paths as Record<string, Record<string, unknown>>;
    expect(paths['/v1/query/video_generation']?.get).toBeDefined();
    expect(paths['/v1/query/t2a_async_query_v2']?.get).toBeDefined();
    expect(paths['/v1/query/t2a_async_query_v2']?.post).toBeUndefined();
    expect(paths['/v1/chat/completions']?.post).toBeDefined();
    expect(paths['/anthropic/v1/messages']?.post).toBeDefined();
    for (const [path, method] of [
      ['/v2/video_generation', 'post'],
      ['/v2/h3_context_ir', 'post'],
      ['/v2/query/video_generation/{task_id}', 'get'],
      ['/v2/query/video_generation', 'get'],
      ['/v2/video_generation/{task_id}', 'delete'],
      ['/v1/speech_to_text', 'post'],
      ['/v1/responses', 'post'],
      ['/v1/responses/input_tokens', 'post'],
      ['/v1/models', 'get'],
      ['/v1/models/{model_id}', 'get'],
      ['/v1/lyrics_generation', 'post'],
      ['/v1/music_cover_preprocess', 'post'],
      ['/v1/token_plan/remains', 'get'],
      ['/account/query_balance', 'get'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it("states every operation's error envelope and billing, consistently with its responses", () => {
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      const envelope = op['x-minimax-envelope'];
      expect(['native', 'openai', 'anthropic'], where).toContain(envelope);
      expect(typeof op['x-minimax-billable'], where).toBe('boolean');
      const statuses = Object.keys(op.responses as Schema);
      const httpErrors = statuses.filter((s) => /^[45]\d\d$/.test(s));
      if (envelope === 'native') expect(httpErrors, where).toEqual([]);
      else expect(httpErrors, where).toContain('401');
    }
  });

  it('answers V2 video and speech-to-text errors with real statuses and the OaiError body', () => {
    const paths = committed.paths as Record<string, Record<string, Schema>>;
    const responses = (committed.components as { responses: Record<string, Schema> }).responses;
    for (const [path, method] of [
      ['/v2/video_generation', 'post'],
      ['/v2/query/video_generation/{task_id}', 'get'],
      ['/v1/speech_to_text', 'post'],
    ] as const) {
      const op = paths[path]?.[method] as Schema;
      for (const [status, response] of Object.entries(op.responses as Record<string, Schema>)) {
        if (!/^[45]/.test(status)) continue;
        const resolved = responses[(response.$ref as string).split('/').at(-1) as string] as Schema;
        const media = (resolved.content as Record<string, Schema>)['application/json'] as Schema;
        expect((media.schema as Schema).$ref, `${path} ${status}`).toBe('#/components/schemas/OaiError');
        const example = Object.values(media.examples as Record<string, { value: { error: { http_code: string } } }>)[0];
        expect(example?.value.error.http_code, `${path} ${status}`).toBe(status);
      }
    }
    expect(Object.keys(paths['/v2/video_generation']?.post?.responses as Schema)).toEqual(
      expect.arrayContaining(['400', '401', '402', '422', '429', '500', '529']),
    );
    expect(Object.keys(paths['/v1/speech_to_text']?.post?.responses as Schema)).toEqual(
      expect.arrayContaining(['400', '401', '402', '413', '422', '429', '500']),
    );
  });

  it('keeps V2 task ids JSON strings (no x-minimax-int64) with a digit pattern', () => {
    const task = schemas().VideoTaskV2?.properties as Record<string, Schema>;
    expect(task.id?.['x-minimax-int64']).toBeUndefined();
    expect(task.id?.pattern).toBe('^[0-9]{1,20}$');
    expect(((schemas().VideoGenerationV2Resp?.properties ?? {}) as Record<string, Schema>).task_id?.type).toBe(
      'string',
    );
  });

  it('describes the success of a native operation exactly: base_resp.status_code is 0', () => {
    expect(((schemas().SuccessBaseResp?.properties ?? {}) as Record<string, Schema>).status_code?.const).toBe(0);
    for (const { path, op, method } of operations()) {
      if (op['x-minimax-envelope'] !== 'native') continue;
      const media = (((op.responses as Record<string, Schema>)['200']?.content ?? {}) as Record<string, Schema>)[
        'application/json'
      ];
      if (!media) continue;
      const ref = (media.schema as Schema).$ref as string;
      const schema = schemas()[ref.split('/').at(-1) as string] as Schema;
      const baseResp = (schema.properties as Record<string, Schema>).base_resp;
      expect(baseResp?.$ref, `${method} ${path}`).toBe('#/components/schemas/SuccessBaseResp');
    }
  });

  it('describes int64 ids as strings marked x-minimax-int64, and no other int64 remains', () => {
    const ids: string[] = [];
    const int64: string[] = [];
    walkSchemas(committed, '', (s, p) => {
      if (s['x-minimax-int64'] === true) {
        ids.push(p);
        expect(s.type, p).toBe('string');
        expect(s.pattern, p).toBe('^[0-9]{1,19}$');
      }
      if (s.format === 'int64') int64.push(p);
    });
    expect(int64).toEqual([]);
    const idNames = new Set(ids.map((p) => p.split('/').at(-1)));
    for (const name of ['file_id', 'task_id', 'text_file_id', 'prompt_audio']) expect(idNames).toContain(name);
  });

  it('puts a required base_resp envelope on every native JSON response', () => {
    for (const { path, op, method } of operations()) {
      if (op['x-minimax-envelope'] !== 'native') continue;
      const ok = (op.responses as Record<string, Schema>)['200'];
      const media = (ok?.content as Record<string, Schema> | undefined)?.['application/json'];
      if (!media) continue;
      const ref = (media.schema as Schema).$ref as string;
      const schema = schemas()[ref.split('/').at(-1) as string] as Schema;
      expect(schema.required, `${method} ${path}`).toContain('base_resp');
    }
  });

  it('documents every error code from the notes on BaseResp', () => {
    const codes = ((schemas().BaseResp?.properties ?? {}) as Record<string, Schema>).status_code?.[
      'x-minimax-error-codes'
    ] as Array<{ code: number; retryable: boolean }> | undefined;
    const documented = new Set((codes ?? []).map((c) => c.code));
    for (const code of [
      1000, 1001, 1002, 1004, 1008, 1013, 1024, 1026, 1027, 1028, 1030, 1033, 1039, 1041, 1042, 1043, 1044, 2013, 20132,
      2037, 2038, 2039, 2042, 2045, 2048, 2049, 2056, 2061, 2201, 2202, 2203, 2204, 2205, 2206,
    ]) {
      expect(documented, String(code)).toContain(code);
    }
  });

  it('keeps model fields open strings (new models appear monthly)', () => {
    walkSchemas(committed, '', (s, p) => {
      const model = (s.properties as Record<string, Schema> | undefined)?.model;
      if (!model || model.$ref) return;
      expect(model.enum, `${p}/properties/model`).toBeUndefined();
      expect(model.type, `${p}/properties/model`).toBe('string');
    });
  });

  it('streams native chat, speech and music as text/event-stream', () => {
    const paths = committed.paths as Record<string, Record<string, Schema>>;
    for (const p of [
      '/v1/text/chatcompletion_v2',
      '/v1/t2a_v2',
      '/v1/music_generation',
      '/v1/chat/completions',
      '/anthropic/v1/messages',
      '/v1/responses',
      '/v1/speech_to_text',
    ]) {
      const content = (((paths[p]?.post?.responses ?? {}) as Record<string, Schema>)['200']?.content ?? {}) as Schema;
      expect(Object.keys(content), p).toContain('text/event-stream');
    }
  });
});
