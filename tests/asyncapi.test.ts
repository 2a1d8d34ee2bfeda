/**
 * spec/asyncapi/speech-websocket.yaml: a valid AsyncAPI 3.0 document (@asyncapi/parser, which also resolves its
 * `$ref`s into the effective OpenAPI file), whose every message payload is one of the `T2aWs*` component schemas and
 * names the event that schema's `event` const says — so the two documents cannot drift apart.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromFile, Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const file = fileURLToPath(new URL('../spec/asyncapi/speech-websocket.yaml', import.meta.url));
const openapi = JSON.parse(readFileSync(new URL('../spec/minimax.openapi.json', import.meta.url), 'utf8'));
const schemas = openapi.components.schemas as Record<string, { properties?: { event?: { const?: string } } }>;
const raw = parse(readFileSync(file, 'utf8'));

describe('AsyncAPI document of the speech WebSocket', () => {
  it('parses and validates with no error', async () => {
    const { document, diagnostics } = await fromFile(new Parser(), file).parse();
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => d.message)).toEqual([]);
    expect(document?.channels().length).toBe(2);
    expect(document?.messages().length).toBe(14);
  });

  it('every message payload is a T2aWs component schema of the OpenAPI file, named after its event', () => {
    const messages = raw.components.messages as Record<string, { name: string; payload: { schema: { $ref: string } } }>;
    for (const [id, message] of Object.entries(messages)) {
      const ref = message.payload.schema.$ref;
      expect(ref).toBe(`../minimax.openapi.json#/components/schemas/T2aWs${id}`);
      const schema = schemas[`T2aWs${id}`];
      expect(schema, id).toBeDefined();
      expect(schema?.properties?.event?.const).toBe(message.name);
    }
  });

  it('the plain endpoint has no bidirectional-only event; the bidirectional one has them all', () => {
    const bidiOnly = ['task_cancel', 'task_flush', 'task_canceled', 'task_flushed', 'sentence_start', 'sentence_end'];
    const plain = Object.keys(raw.channels.t2a_v2.messages);
    const bidi = Object.keys(raw.channels.t2a_v2_bidi.messages);
    expect(plain.filter((m) => bidiOnly.includes(m))).toEqual([]);
    expect(bidi.sort()).toEqual([...plain, ...bidiOnly].sort());
    expect(raw.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
