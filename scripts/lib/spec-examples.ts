import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenAPIDocument } from './overlay.ts';
import { escapePointer } from './spec-check.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface MediaSite {
  operationId: string;
  method: string;
  path: string;
  /** `request` or the response status code. */
  where: string;
  mediaType: string;
  /** JSON pointer to the media type object. */
  pointer: string;
  media: Record<string, unknown>;
}

/** Every request-body and response media type object in the document. */
export function listMediaSites(doc: OpenAPIDocument): MediaSite[] {
  const sites: MediaSite[] = [];
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const base = `/paths/${escapePointer(path)}/${method}`;
      const operationId = String(op.operationId ?? `${method} ${path}`);
      const push = (where: string, content: unknown, pointer: string) => {
        for (const [mediaType, media] of Object.entries((content ?? {}) as Record<string, Record<string, unknown>>)) {
          sites.push({
            operationId,
            method,
            path,
            where,
            mediaType,
            pointer: `${pointer}/content/${escapePointer(mediaType)}`,
            media,
          });
        }
      };
      const body = op.requestBody as Record<string, unknown> | undefined;
      if (body) push('request', body.content, `${base}/requestBody`);
      for (const [status, response] of Object.entries(
        (op.responses ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        const resolved = resolveLocal(doc, response);
        const pointer = typeof response.$ref === 'string' ? response.$ref.slice(1) : `${base}/responses/${status}`;
        push(status, resolved.content, pointer);
      }
    }
  }
  return sites;
}

/** Whether a media type object has the example a mock serves by default: `examples.default` or `example`. */
export function hasDefaultExample(media: Record<string, unknown>): boolean {
  const examples = media.examples as Record<string, unknown> | undefined;
  return 'example' in media || (examples !== undefined && 'default' in examples);
}

/** The example values of a media type object: `examples.*.value`, or the single `example`. */
export function mediaExamples(media: Record<string, unknown>): Array<{ name: string; value: unknown }> {
  const out: Array<{ name: string; value: unknown }> = [];
  if ('example' in media) out.push({ name: 'example', value: media.example });
  for (const [name, ex] of Object.entries((media.examples ?? {}) as Record<string, Record<string, unknown>>)) {
    if (ex && 'value' in ex) out.push({ name, value: ex.value });
  }
  return out;
}

/** Where a media type lists the native error bodies served under its (HTTP 200) status: see `errorExamples`. */
export const ERROR_EXAMPLES_KEY = 'x-minimax-error-examples';

/** The schema every `x-minimax-error-examples` value validates against (a native error body). */
export const ERROR_EXAMPLE_SCHEMA = '#/components/schemas/ErrorEnvelope';

/**
 * The named native error bodies of a media type (`x-minimax-error-examples.*.value`). Native endpoints answer a
 * failure with HTTP 200 and a body that is NOT their success schema (only `base_resp` with a non-zero code), so
 * these bodies cannot sit in `examples` (validated against the success schema): they sit beside it and validate
 * against `ErrorEnvelope`. The mock serves them with `Prefer: example=<name>` like any named example.
 */
export function errorExamples(media: Record<string, unknown>): Array<{ name: string; value: unknown }> {
  const out: Array<{ name: string; value: unknown }> = [];
  for (const [name, ex] of Object.entries(
    (media[ERROR_EXAMPLES_KEY] ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    if (ex && 'value' in ex) out.push({ name, value: ex.value });
  }
  return out;
}

/**
 * Validates every example against its media type's schema. Binary media (audio, octet-stream) are skipped: their
 * examples are placeholders for bytes. For `text/event-stream`, an example is an array of
 * `{event?, data}` frames and each JSON `data` is validated against the schema (the schema of one event). Native
 * error bodies (`x-minimax-error-examples`) validate against `ErrorEnvelope` and must carry a non-zero code.
 */
export function validateExamples(doc: OpenAPIDocument): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema(doc as object, 'spec');
  const errors: string[] = [];
  const errorBody = ajv.getSchema(`spec${ERROR_EXAMPLE_SCHEMA}`);
  for (const site of listMediaSites(doc)) {
    for (const { name, value } of errorExamples(site.media)) {
      const code = (value as { base_resp?: { status_code?: unknown } } | null)?.base_resp?.status_code;
      if (!errorBody?.(value) || code === 0) {
        const detail = (errorBody?.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
        errors.push(
          `${site.operationId} ${site.where} ${site.mediaType} error example "${name}": ${detail || 'status_code must be non-zero'}`,
        );
      }
    }
    if (!site.media.schema || isBinaryMedia(site.mediaType)) continue;
    const validate = ajv.getSchema(`spec#${site.pointer}/schema`);
    if (!validate) {
      errors.push(`${site.operationId} ${site.where} ${site.mediaType}: schema does not compile`);
      continue;
    }
    for (const { name, value } of mediaExamples(site.media)) {
      const payloads = site.mediaType === 'text/event-stream' ? sseExamplePayloads(value) : [value];
      if (payloads === undefined) {
        errors.push(
          `${site.operationId} ${site.where} ${site.mediaType} example "${name}": not an array of {data} frames`,
        );
        continue;
      }
      payloads.forEach((payload, i) => {
        if (!validate(payload)) {
          const where = site.mediaType === 'text/event-stream' ? ` frame ${i}` : '';
          const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
          errors.push(`${site.operationId} ${site.where} ${site.mediaType} example "${name}"${where}: ${detail}`);
        }
      });
    }
  }
  return errors;
}

export function isBinaryMedia(mediaType: string): boolean {
  return (
    /^(audio|video|image)\//.test(mediaType) ||
    mediaType === 'application/octet-stream' ||
    mediaType === 'application/x-tar'
  );
}

/** JSON payloads of an SSE example (frames whose data is `[DONE]` carry no JSON and are skipped). */
function sseExamplePayloads(value: unknown): unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: unknown[] = [];
  for (const frame of value) {
    if (typeof frame !== 'object' || frame === null || !('data' in frame)) return undefined;
    const data = (frame as { data: unknown }).data;
    if (data !== '[DONE]') out.push(data);
  }
  return out;
}

function resolveLocal(doc: OpenAPIDocument, node: Record<string, unknown>): Record<string, unknown> {
  let current = node;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const p of parts) target = (target as Record<string, unknown>)?.[p.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = (target ?? {}) as Record<string, unknown>;
  }
  return current;
}
