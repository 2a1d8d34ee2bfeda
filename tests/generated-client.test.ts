import { readFile } from 'node:fs/promises';
import * as generated from '@minimax-ts/generated';
import * as zod from '@minimax-ts/generated/zod';
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS } from '../scripts/lib/spec-examples.ts';
import { effectiveSpecPath } from '../scripts/lib/spec-paths.ts';

const spec = JSON.parse(await readFile(effectiveSpecPath, 'utf8'));
const operations: Array<{ operationId: string; hasBody: boolean; method: string; path: string }> = [];
for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, Record<string, unknown>>>)) {
  for (const method of HTTP_METHODS) {
    const op = item[method];
    if (op) operations.push({ operationId: String(op.operationId), hasBody: Boolean(op.requestBody), method, path });
  }
}
const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

describe('@minimax-ts/generated', () => {
  it('covers the whole spec, the two compatible endpoints included', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.map((o) => o.operationId)).toEqual(
      expect.arrayContaining(['openaiChatCompletions', 'anthropicMessages', 'queryVideoGeneration', 't2aAsyncV2Query']),
    );
  });

  it.each(operations)(
    'exposes a function and zod schemas for $operationId ($method $path)',
    ({ operationId, hasBody }) => {
      expect(typeof (generated as Record<string, unknown>)[operationId]).toBe('function');
      const schemas = zod as Record<string, { safeParse?: unknown }>;
      expect(typeof schemas[`z${pascal(operationId)}Response`]?.safeParse).toBe('function');
      if (hasBody) expect(typeof schemas[`z${pascal(operationId)}Body`]?.safeParse).toBe('function');
    },
  );

  it('types int64 ids as strings in the zod schemas', () => {
    const parsed = zod.zDeleteFileReq.safeParse({ file_id: '307123456789012345', purpose: 'voice_clone' });
    expect(parsed.success).toBe(true);
    expect(zod.zDeleteFileReq.safeParse({ file_id: 42, purpose: 'voice_clone' }).success).toBe(false);
  });

  it('sends through the client it is given, never a hidden global one', async () => {
    const calls: Array<{ url: string; security: unknown }> = [];
    const client = generated.createClient(generated.createConfig({ baseUrl: 'https://api.minimax.io' }));
    const spy = { ...client, post: async (options: { url: string; security: unknown }) => calls.push(options) };
    await generated.chatCompletionV2({ client: spy as never, body: { model: 'MiniMax-M2', messages: [] } });
    expect(calls[0]?.url).toBe('/v1/text/chatcompletion_v2');
    expect(calls[0]?.security).toEqual([{ scheme: 'bearer', type: 'http' }]);
    expect('client' in generated).toBe(false);
  });
});
