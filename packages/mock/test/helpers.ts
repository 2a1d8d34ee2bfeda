/** Shared test plumbing: a mock per test file, authenticated fetch, SSE reading, and spec-schema validation. */
import { readFileSync } from 'node:fs';
import { parseJSON } from '@minimax-ts/sdk/internal/lossless-json';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as source from '../src/index.ts';
import { SpecIndex } from '../src/spec-index.ts';
import { DEFAULT_SPEC_PATH } from '../src/spec-loader.ts';
import type { MockOptions, MockServer } from '../src/types.ts';

/** The spec under test: the committed effective spec, or `MOCK_SPEC=/path/to/spec.json`. */
export const SPEC_PATH = process.env.MOCK_SPEC ?? DEFAULT_SPEC_PATH;
export const SPEC = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Record<string, unknown>;
export const INDEX = new SpecIndex(SPEC);

/**
 * `MOCK_FROM_DIST=1` runs the suites against the built package (`npm run build` first), with the spec it ships:
 * every flag, scenario and CORS behaviour must work the same installed as in the repository.
 */
const FROM_DIST = process.env.MOCK_FROM_DIST === '1';
const { startMock } = FROM_DIST ? ((await import('../dist/index.js' as string)) as typeof source) : source;

export function start(options: MockOptions = {}): Promise<MockServer> {
  return startMock({ port: 0, ...(!FROM_DIST && { spec: SPEC_PATH }), streamDelayMs: 0, ...options });
}

export const AUTH = { Authorization: 'Bearer test-key' };

export function post(mock: MockServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { ...AUTH, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function get(mock: MockServer, path: string, headers: Record<string, string> = {}) {
  return fetch(`${mock.url}${path}`, { headers: { ...AUTH, ...headers } });
}

export interface Frame {
  event?: string;
  data: string;
}

/** Splits an SSE body into events (the mock writes `\n` line ends and one `data:` line per event). */
export function parseSse(text: string): Frame[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const frame: Frame = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) frame.event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      frame.data = data.join('\n');
      return frame;
    });
}

/** Reads JSON with int64 ids as strings (the spec types them `string`). */
export function readJson(text: string, keys: ReadonlySet<string> = INDEX.int64Keys): unknown {
  return parseJSON(text, { int64Keys: keys });
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
ajv.addSchema(SPEC as object, 'spec');

/** JSON pointer escaping of one segment. */
export function esc(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A validator for the schema of `paths[path][method].responses[status].content[media]`, following a `$ref`ed
 * response object the way scripts/lib/spec-examples.ts does. Undefined when the spec documents no such schema.
 */
export function responseValidator(
  path: string,
  method: string,
  status: string,
  media: string,
): ValidateFunction | undefined {
  const op = (SPEC.paths as Record<string, Record<string, Record<string, unknown>>>)[path]?.[method];
  const responses = (op?.responses ?? {}) as Record<string, Record<string, unknown>>;
  const response = responses[status] ?? responses.default;
  if (!response) return undefined;
  const which = responses[status] ? status : 'default';
  let pointer = `/paths/${esc(path)}/${method}/responses/${which}`;
  let resolved = response;
  if (typeof response.$ref === 'string') {
    pointer = response.$ref.slice(1);
    resolved = INDEX.resolve(response) as Record<string, unknown>;
  }
  const content = (resolved.content ?? {}) as Record<string, Record<string, unknown>>;
  if (!content[media]?.schema) return undefined;
  return ajv.getSchema(`spec#${pointer}/content/${esc(media)}/schema`);
}

export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The spec's `default` (else first) JSON request example of an operation: requests stay valid as the spec changes. */
export function requestExample(method: string, path: string): Record<string, unknown> {
  const op = (SPEC.paths as Record<string, Record<string, Record<string, unknown>>>)[path]?.[method];
  const body = INDEX.resolve(op?.requestBody) as Record<string, unknown> | undefined;
  const media = (body?.content as Record<string, Record<string, unknown>> | undefined)?.['application/json'];
  const examples = (media?.examples ?? {}) as Record<string, { value?: unknown }>;
  const value = media?.example ?? (examples.default ?? Object.values(examples)[0])?.value;
  if (!value || typeof value !== 'object') throw new Error(`no JSON request example for ${method} ${path}`);
  const copy = structuredClone(value) as Record<string, unknown>;
  delete copy.stream;
  return copy;
}

/** The frames of the spec's SSE example for an operation's 200 `text/event-stream` answer. */
export function sseExample(path: string, name = 'default'): Array<{ event?: string; data: unknown }> {
  const op = (SPEC.paths as Record<string, Record<string, Record<string, unknown>>>)[path]?.post;
  const ok = INDEX.resolve(((op?.responses ?? {}) as Record<string, unknown>)['200']) as Record<string, unknown>;
  const media = (ok.content as Record<string, Record<string, unknown>>)['text/event-stream'];
  const examples = (media?.examples ?? {}) as Record<string, { value?: unknown }>;
  const value = examples[name]?.value;
  if (!Array.isArray(value)) throw new Error(`no SSE example "${name}" for ${path}`);
  return value as Array<{ event?: string; data: unknown }>;
}

/** Paths of the streaming operations the tests exercise most. */
export const CHAT = '/v1/text/chatcompletion_v2';
export const OPENAI = '/v1/chat/completions';
export const ANTHROPIC = '/anthropic/v1/messages';
export const SPEECH = '/v1/t2a_v2';
