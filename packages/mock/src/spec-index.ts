/**
 * What the mock needs to know about the effective spec beyond what Prism does with it: which operations are
 * native (base_resp envelope) or compatible (OpenAI / Anthropic error bodies), which keys carry int64 ids, which
 * operations can stream, the documented base_resp error codes, and the schemas of task and file responses.
 *
 * Everything is keyed on the spec's structure (paths, media types, `x-minimax-*` extensions), never on example
 * values: the spec is still being corrected and its examples change.
 */

export type JsonObject = Record<string, unknown>;
export type Schema = JsonObject;

/**
 * Native endpoints answer errors as HTTP 200 + base_resp; compatible ones (OpenAI-compatible chat, Responses, models,
 * Video V2, speech-to-text: `openai`) with an HTTP status + `{type:'error'}`. The spec states it per operation as
 * `x-minimax-envelope`.
 */
export type Flavour = 'native' | 'openai' | 'anthropic';

export interface OperationInfo {
  operationId: string;
  method: string;
  /** The path template as written in the spec. */
  path: string;
  flavour: Flavour;
  /**
   * The operation documents its failures with the `OaiError` schema (Video V2, speech-to-text, …): real statuses by
   * MiniMax code (402 balance, 422 sensitive content, 529 overloaded), not the Anthropic-style table of the
   * OpenAI-compatible chat.
   */
  oaiErrors: boolean;
  /** The 200 response offers `text/event-stream`. */
  streamable: boolean;
  /** Keys whose values are int64 ids (bare JSON numbers on the wire) in this operation's request body. */
  requestInt64Keys: Set<string>;
  /** Same, in this operation's response bodies (JSON and SSE event data). */
  responseInt64Keys: Set<string>;
  /** The resolved schema of the 200 `application/json` response, if any. */
  jsonSchema: Schema | undefined;
  /** The first 200 media type that is neither JSON nor SSE (raw bytes such as `application/octet-stream`). */
  binaryMediaType: string | undefined;
}

export interface ErrorCodeInfo {
  code: number;
  name?: string;
  meaning?: string;
  retryable?: boolean;
  category?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export class SpecIndex {
  readonly operations: OperationInfo[] = [];
  /** Every key marked `x-minimax-int64` anywhere in the spec (the union of the per-operation sets). */
  readonly int64Keys = new Set<string>();
  /** From `BaseResp.status_code['x-minimax-error-codes']`, empty when the spec does not list them. */
  readonly errorCodes: ErrorCodeInfo[];

  constructor(readonly doc: JsonObject) {
    const paths = (doc.paths ?? {}) as Record<string, Record<string, JsonObject>>;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (op) this.operations.push(this.describe(path, method, op));
      }
    }
    for (const op of this.operations) {
      for (const k of op.requestInt64Keys) this.int64Keys.add(k);
      for (const k of op.responseInt64Keys) this.int64Keys.add(k);
    }
    this.errorCodes = this.findErrorCodes();
  }

  /** The operation with this method and spec path template (as Prism reports them). */
  find(method: string, path: string): OperationInfo | undefined {
    const m = method.toLowerCase();
    return this.operations.find((o) => o.method === m && o.path === path);
  }

  /** The `default` (else first) example of an operation's answer for `status`, in `mediaType`. */
  exampleFor(op: OperationInfo, status: number, mediaType = 'application/json'): unknown {
    const paths = (this.doc.paths ?? {}) as Record<string, Record<string, JsonObject>>;
    const responses = (paths[op.path]?.[op.method]?.responses ?? {}) as Record<string, unknown>;
    const response = this.resolve(responses[String(status)]) as JsonObject | undefined;
    const media = ((response?.content ?? {}) as Record<string, JsonObject>)[mediaType];
    if (!media) return undefined;
    if ('example' in media) return media.example;
    const examples = (media.examples ?? {}) as Record<string, unknown>;
    const chosen = this.resolve(examples.default ?? Object.values(examples)[0]) as JsonObject | undefined;
    return chosen?.value;
  }

  /** Follows local `$ref`s (a few levels) to the schema they point at. */
  resolve(node: unknown): Schema | undefined {
    let current = node as Schema | undefined;
    for (let i = 0; i < 20 && current && typeof current.$ref === 'string'; i++) {
      current = this.pointer(current.$ref);
    }
    return current;
  }

  /** The resolved schema of `key` in an object schema (looking through allOf / anyOf / oneOf). */
  property(schema: Schema | undefined, key: string): Schema | undefined {
    for (const s of this.branches(schema)) {
      const props = s.properties as Record<string, unknown> | undefined;
      if (props && key in props) return this.resolve(props[key]);
    }
    return undefined;
  }

  /** Whether an object schema lists `key` as required (in itself or an allOf member). */
  isRequired(schema: Schema | undefined, key: string): boolean {
    return this.branches(schema).some((s) => Array.isArray(s.required) && s.required.includes(key));
  }

  /** The string enum of a schema (looking through composition), or undefined. */
  enumOf(schema: Schema | undefined): string[] | undefined {
    for (const s of this.branches(schema)) {
      if (Array.isArray(s.enum)) return s.enum.filter((v): v is string => typeof v === 'string');
    }
    return undefined;
  }

  private branches(schema: Schema | undefined): Schema[] {
    const out: Schema[] = [];
    const visit = (node: unknown, depth: number) => {
      const s = this.resolve(node);
      if (!s || depth > 8 || out.includes(s)) return;
      out.push(s);
      for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
        if (Array.isArray(s[k])) for (const sub of s[k] as unknown[]) visit(sub, depth + 1);
      }
    };
    visit(schema, 0);
    return out;
  }

  private pointer(ref: string): Schema | undefined {
    if (!ref.startsWith('#/')) return undefined;
    let target: unknown = this.doc;
    for (const raw of ref.slice(2).split('/')) {
      const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = (target as JsonObject | undefined)?.[part];
    }
    return target as Schema | undefined;
  }

  private describe(path: string, method: string, op: JsonObject): OperationInfo {
    const responses = (op.responses ?? {}) as Record<string, JsonObject>;
    const ok = this.resolve(responses['200'] ?? responses['201']) as JsonObject | undefined;
    const content = (ok?.content ?? {}) as Record<string, JsonObject>;
    const jsonMedia = Object.keys(content).find(isJsonMedia);
    const jsonSchema = jsonMedia ? this.resolve(content[jsonMedia]?.schema) : undefined;

    const responseInt64Keys = new Set<string>();
    for (const [status, response] of Object.entries(responses)) {
      if (!status.startsWith('2')) continue;
      const media = ((this.resolve(response) as JsonObject | undefined)?.content ?? {}) as Record<string, JsonObject>;
      for (const m of Object.values(media)) this.collectInt64Keys(m.schema, responseInt64Keys);
    }
    const requestInt64Keys = new Set<string>();
    const body = this.resolve(op.requestBody) as JsonObject | undefined;
    for (const m of Object.values((body?.content ?? {}) as Record<string, JsonObject>)) {
      this.collectInt64Keys(m.schema, requestInt64Keys);
    }

    return {
      operationId: String(op.operationId ?? `${method} ${path}`),
      method,
      path,
      flavour: this.flavourOf(path, responses, op['x-minimax-envelope']),
      oaiErrors: this.documentsOaiErrors(responses),
      streamable: 'text/event-stream' in content,
      requestInt64Keys,
      responseInt64Keys,
      jsonSchema,
      binaryMediaType: Object.keys(content).find((m) => !isJsonMedia(m) && m !== 'text/event-stream'),
    };
  }

  /**
   * The operation's `x-minimax-envelope` (native | openai | anthropic) when the spec states it. Otherwise inferred:
   * compatible endpoints document HTTP error answers whose body is `{error: {...}}` (OpenAI / Anthropic shape);
   * native ones report errors in `base_resp` under HTTP 200 (a gateway 4xx/5xx, if documented, carries the
   * `base_resp` envelope, not `error`). The OpenAI-compatible success body carries `base_resp` too, so the success
   * envelope alone does not tell them apart. Anthropic-shaped under `/anthropic`.
   */
  private flavourOf(path: string, responses: Record<string, JsonObject>, declared: unknown): Flavour {
    if (declared === 'native' || declared === 'openai' || declared === 'anthropic') return declared;
    if (path.startsWith('/anthropic/')) return 'anthropic';
    const compat = Object.entries(responses).some(([status, response]) => {
      if (!/^4\d\d$/.test(status)) return false;
      const content = ((this.resolve(response) as JsonObject | undefined)?.content ?? {}) as Record<string, JsonObject>;
      return Object.values(content).some((m) => this.property(this.resolve(m.schema), 'error') !== undefined);
    });
    return compat ? 'openai' : 'native';
  }

  /** Whether an error answer (4xx/5xx) of the operation is described by `components.schemas.OaiError`. */
  private documentsOaiErrors(responses: Record<string, JsonObject>): boolean {
    const oai = this.resolve({ $ref: '#/components/schemas/OaiError' });
    if (!oai) return false;
    return Object.entries(responses).some(([status, response]) => {
      if (!/^[45]\d\d$/.test(status)) return false;
      const content = ((this.resolve(response) as JsonObject | undefined)?.content ?? {}) as Record<string, JsonObject>;
      return Object.values(content).some((m) => this.resolve(m.schema) === oai);
    });
  }

  /** Adds every property name whose schema (or array items) carries `x-minimax-int64: true`. */
  private collectInt64Keys(root: unknown, into: Set<string>): void {
    const seen = new Set<unknown>();
    const visit = (node: unknown) => {
      const s = this.resolve(node);
      if (!s || typeof s !== 'object' || seen.has(s)) return;
      seen.add(s);
      const props = s.properties as Record<string, unknown> | undefined;
      for (const [key, prop] of Object.entries(props ?? {})) {
        if (this.isInt64(prop)) into.add(key);
        visit(prop);
      }
      for (const k of ['items', 'additionalProperties', 'not', 'if', 'then', 'else'] as const) visit(s[k]);
      for (const k of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const) {
        if (Array.isArray(s[k])) for (const sub of s[k] as unknown[]) visit(sub);
      }
    };
    visit(root);
  }

  private isInt64(node: unknown): boolean {
    for (const s of this.branches(node as Schema)) {
      if (s['x-minimax-int64'] === true) return true;
      const items = this.resolve(s.items);
      if (items && this.branches(items).some((i) => i['x-minimax-int64'] === true)) return true;
    }
    return false;
  }

  private findErrorCodes(): ErrorCodeInfo[] {
    const schemas = ((this.doc.components as JsonObject | undefined)?.schemas ?? {}) as Record<string, Schema>;
    for (const schema of Object.values(schemas)) {
      const codes = this.property(schema, 'status_code')?.['x-minimax-error-codes'];
      if (Array.isArray(codes)) return codes.filter((c): c is ErrorCodeInfo => typeof c?.code === 'number');
    }
    return [];
  }
}

export function isJsonMedia(mediaType: string): boolean {
  return /^application\/(.+\+)?json$/.test(mediaType.split(';')[0]!.trim());
}
