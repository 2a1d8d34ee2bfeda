/**
 * Answers of the lite engine, chosen the way Prism's static mode chooses them: the lowest documented 2xx (or the
 * asked-for `code`), the asked-for media type, then the named example, else the first example, else a minimal
 * value built from the schema. There is no dynamic generation here (Prism's faker-based generator is what does not
 * fit in a browser bundle): `dynamic` serves examples too.
 */
import type { MockConfig, RunResult } from '../prism-engine.ts';
import type { JsonObject, SpecIndex } from '../spec-index.ts';
import type { LiteOperation } from './routes.ts';

type Answer = Extract<RunResult, { ok: true }>['response'];
type Failure = { ok: false; status: number; title: string; detail: string };

export function pickAnswer(index: SpecIndex, op: LiteOperation, config: MockConfig): Answer | Failure {
  const responses = (op.node.responses ?? {}) as Record<string, unknown>;
  const code =
    config.code !== undefined
      ? String(config.code)
      : Object.keys(responses)
          .filter((c) => /^2(\d\d|XX)$/.test(c))
          .sort()[0];
  const response = code === undefined ? undefined : (index.resolve(responses[code]) as JsonObject | undefined);
  if (!code || !response) {
    return notFound(`No response with status ${config.code ?? '2xx'} is documented for ${op.method} ${op.path}`);
  }
  const status = Number(code.replace(/XX$/, '00'));
  const content = (response.content ?? {}) as Record<string, JsonObject>;
  const media = content[config.mediaType];
  if (!media) {
    if (Object.keys(content).length === 0) return { statusCode: status, headers: {}, body: undefined };
    return notFound(`Response ${code} of ${op.method} ${op.path} has no ${config.mediaType} content`);
  }
  const headers = { 'content-type': config.mediaType };
  const examples = (media.examples ?? {}) as Record<string, unknown>;
  if (config.exampleKey !== undefined) {
    // Native error bodies are named beside the examples, as Prism's copy of the spec has them (prism-engine.ts).
    const errorExamples = (media['x-minimax-error-examples'] ?? {}) as Record<string, unknown>;
    const named = index.resolve(examples[config.exampleKey] ?? errorExamples[config.exampleKey]) as
      | JsonObject
      | undefined;
    if (!named) {
      return notFound(
        `Response for contentType: ${config.mediaType} and exampleKey: ${config.exampleKey} does not exist.`,
      );
    }
    return { statusCode: status, headers, body: structuredClone(named.value) };
  }
  const first = Object.values(examples)[0];
  if (first !== undefined) {
    return { statusCode: status, headers, body: structuredClone((index.resolve(first) as JsonObject).value) };
  }
  if ('example' in media) return { statusCode: status, headers, body: structuredClone(media.example) };
  return { statusCode: status, headers, body: sample(index, media.schema, 0) };
}

function notFound(detail: string): Failure {
  return { ok: false, status: 404, title: 'The server cannot find the requested content', detail };
}

/** The smallest value a schema accepts in the common cases: required properties, first enum value, minimums. */
function sample(index: SpecIndex, node: unknown, depth: number): unknown {
  const schema = index.resolve(node);
  if (!schema || depth > 12) return undefined;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  for (const k of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[k]) && k === 'allOf') {
      return Object.assign({}, ...(schema[k] as unknown[]).map((s) => sample(index, s, depth + 1)));
    }
    if (Array.isArray(schema[k])) return sample(index, (schema[k] as unknown[])[0], depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = (schema.properties ?? {}) as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? [])
        out[key] = sample(index, props[key], depth + 1);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    default:
      return schema.properties ? sample(index, { ...schema, type: 'object' }, depth) : null;
  }
}
