/**
 * Request validation for the lite engine, with ajv over the spec's own schemas (compiled lazily, by JSON pointer,
 * so `$ref`s resolve inside the document): security, then path / query / header parameters (coerced from strings,
 * names compared case-insensitively) and the body. Violations carry the location, keyword and message text Prism
 * produces (`Request body must have required property 'model'`), so both engines report a mistake alike.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { EngineRequest, Violation } from '../prism-engine.ts';
import type { JsonObject } from '../spec-index.ts';
import { isJsonMedia } from '../spec-index.ts';
import { type LiteOperation, pathParams } from './routes.ts';

type Location = 'query' | 'header' | 'path';

export class LiteValidator {
  private readonly strict: Ajv2020;
  private readonly coercing: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly doc: JsonObject) {
    this.strict = withSpec(new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true }), doc);
    this.coercing = withSpec(
      new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true, coerceTypes: true }),
      doc,
    );
  }

  /** True when no security requirement of the operation (or the document) is met. */
  authFails(op: LiteOperation, req: EngineRequest): boolean {
    const requirements = (op.node.security ?? this.doc.security) as Array<Record<string, unknown>> | undefined;
    if (!requirements || requirements.length === 0) return false;
    const schemes = ((this.doc.components as JsonObject | undefined)?.securitySchemes ?? {}) as Record<
      string,
      JsonObject
    >;
    return !requirements.some((alternative) => Object.keys(alternative).every((name) => satisfies(schemes[name], req)));
  }

  violations(op: LiteOperation, req: EngineRequest): Violation[] {
    const params = this.parameters(op);
    const found: Violation[] = [];
    const path = pathParams(op, req.path);
    for (const where of ['path', 'query', 'header'] as const) {
      const specs = params.filter((p) => p.in === where);
      if (specs.length === 0) continue;
      const target = where === 'path' ? path : where === 'query' ? req.query : req.headers;
      found.push(...this.checkParams(where, specs, target));
    }
    found.push(...this.checkBody(op, req));
    return found;
  }

  private parameters(op: LiteOperation): Array<{ name: string; in: string; required?: boolean; pointer: string }> {
    const out = new Map<string, { name: string; in: string; required?: boolean; pointer: string }>();
    const collect = (list: unknown, base: string) => {
      for (const [i, raw] of ((list as unknown[]) ?? []).entries()) {
        const ref = (raw as JsonObject).$ref;
        const pointer = typeof ref === 'string' ? ref : `${base}/parameters/${i}`;
        const p = this.at(pointer) as { name: string; in: string; required?: boolean } | undefined;
        if (p?.name) out.set(`${p.in}:${p.name.toLowerCase()}`, { ...p, pointer });
      }
    };
    collect(op.pathItem.parameters, op.pointer.slice(0, op.pointer.lastIndexOf('/')));
    collect(op.node.parameters, op.pointer);
    return [...out.values()];
  }

  private checkParams(
    where: Location,
    specs: Array<{ name: string; required?: boolean; pointer: string }>,
    target: Record<string, string | string[]>,
  ): Violation[] {
    const values: Record<string, unknown> = {};
    const lower = Object.fromEntries(Object.entries(target).map(([k, v]) => [k.toLowerCase(), v]));
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const spec of specs) {
      const name = spec.name.toLowerCase();
      properties[name] = { $ref: `spec${spec.pointer}/schema` };
      if (spec.required) required.push(name);
      const value = lower[name];
      if (value !== undefined) values[name] = value;
    }
    const key = `${where}:${specs.map((s) => s.pointer).join(',')}`;
    const validate = this.compile(this.coercing, key, { type: 'object', properties, required });
    return validate(values) ? [] : toViolations(validate.errors ?? [], where);
  }

  private checkBody(op: LiteOperation, req: EngineRequest): Violation[] {
    const requestBody = this.at(refOr(op.node.requestBody, `${op.pointer}/requestBody`)) as JsonObject | undefined;
    if (!requestBody) return [];
    const bodyPointer = refOr(op.node.requestBody, `${op.pointer}/requestBody`);
    if (req.body === undefined) {
      return requestBody.required
        ? [{ location: ['body'], code: 'required', message: 'Body parameter is required' }]
        : [];
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const media = Object.keys((requestBody.content ?? {}) as JsonObject);
    const chosen =
      media.find((m) => m.toLowerCase() === contentType) ??
      (isJsonMedia(contentType) ? media.find(isJsonMedia) : undefined);
    if (!chosen) {
      return [
        { location: ['header', 'content-type'], code: '415', message: `Supported content types: ${media.join(', ')}` },
      ];
    }
    const pointer = `${bodyPointer}/content/${chosen.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
    if (!this.at(pointer)) return [];
    const multipart = /^multipart\/form-data/.test(chosen);
    const value = multipart && typeof req.body === 'string' ? formFields(req.body) : req.body;
    const validate = this.compile(multipart ? this.coercing : this.strict, pointer, { $ref: `spec${pointer}` });
    return validate(value) ? [] : toViolations(validate.errors ?? [], 'body');
  }

  private compile(ajv: Ajv2020, key: string, schema: object): ValidateFunction {
    const id = `${ajv === this.strict ? 's' : 'c'}|${key}`;
    let fn = this.cache.get(id);
    if (!fn) {
      fn = ajv.compile(schema);
      this.cache.set(id, fn);
    }
    return fn;
  }

  private at(pointer: string): unknown {
    let node: unknown = this.doc;
    for (const raw of pointer.replace(/^#\//, '').split('/')) {
      node = (node as JsonObject | undefined)?.[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }
}

function withSpec(ajv: Ajv2020, doc: JsonObject): Ajv2020 {
  const plugin = ((addFormats as unknown as { default?: unknown }).default ?? addFormats) as (a: Ajv2020) => void;
  plugin(ajv);
  ajv.addSchema(doc, 'spec');
  return ajv;
}

function refOr(node: unknown, pointer: string): string {
  const ref = (node as JsonObject | undefined)?.$ref;
  return typeof ref === 'string' ? ref : pointer;
}

/** Prism's bearer and API-key checks: `Authorization: Bearer <something>`, or the key's header / query present. */
function satisfies(scheme: JsonObject | undefined, req: EngineRequest): boolean {
  if (!scheme) return false;
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
    return /^Bearer\s.+$/.test(req.headers.authorization ?? '');
  }
  if (scheme.type === 'apiKey' && typeof scheme.name === 'string') {
    if (scheme.in === 'header') return Boolean(req.headers[scheme.name.toLowerCase()]);
    if (scheme.in === 'query') return req.query[scheme.name] !== undefined;
  }
  return false;
}

/** The fields of the canonical multipart text multipart.ts writes (file parts hold a short placeholder). */
function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of body.split(/--minimax-mock-validated-form(?:--)?\r\n/)) {
    const name = /name="([^"]*)"/.exec(part)?.[1];
    const start = part.indexOf('\r\n\r\n');
    if (name !== undefined && start >= 0) fields[name] = part.slice(start + 4).replace(/\r\n$/, '');
  }
  return fields;
}

/** ajv errors in Prism's words (its `convertAjvErrors`), so both engines' violations read alike. */
function toViolations(errors: readonly ErrorObject[], prefix: 'body' | Location): Violation[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(', ')}` : '';
    const additional = 'additionalProperty' in params ? `; found '${params.additionalProperty}'` : '';
    const unevaluated = 'unevaluatedProperty' in params ? `: '${params.unevaluatedProperty}'` : '';
    const segments = error.instancePath.split('/').filter((s) => s !== '');
    const kind = segments.length > 0 ? (prefix === 'body' ? 'property ' : 'parameter ') : '';
    const source = `Request ${prefix} ${kind}${segments.join('.')}${segments.length > 0 ? ' ' : ''}`;
    return {
      location: [prefix, ...segments],
      code: error.keyword,
      message: `${source}${error.message ?? ''}${allowed}${additional}${unevaluated}`,
    };
  });
}
