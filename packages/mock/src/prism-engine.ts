/**
 * Prism as the contract engine: routing, request validation (schema + security), and response bodies from the
 * spec's examples or generated from its schemas. Everything Prism-specific stays in this file, so the rest of the
 * mock speaks in plain requests, responses and violations.
 */
import { createInstance, getHttpOperationsFromSpec, type IHttpConfig, type IHttpRequest } from '@stoplight/prism-http';
// The router is not re-exported from the package root, and the mock needs to know WHICH operation a request hit
// (tasks, files and streams are stateful per operation) before asking Prism for a body. Pinned to 5.12.0.
import * as routerModule from '@stoplight/prism-http/dist/router/index.js';

/**
 * One operation as Prism sees it. Derived from Prism's own signature rather than imported from @stoplight/types,
 * which is not a dependency of this package (and whose hoisted copy is an older major than Prism's).
 */
export type IHttpOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

export interface EngineRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON (ids already decoded to strings), or the raw text of a multipart / form body. */
  body?: unknown;
}

/** One broken rule of the contract, as reported to the client in the body of a contract-violation answer. */
export interface Violation {
  /** Where: `['body', 'messages', '0', 'role']`, `['query', 'file_id']`, `['header', 'authorization']`. */
  location: string[];
  /** The JSON Schema keyword or check that failed (`required`, `enum`, `type`, `x-minimax-int64`, …). */
  code: string;
  message: string;
}

export interface MockResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface MockConfig {
  dynamic: boolean;
  seed?: string;
  /** The media type to answer with (`application/json`, `text/event-stream`, …). */
  mediaType: string;
  /** Ask for a specific documented status code. */
  code?: number;
  /** Ask for a named example (`examples.<key>`). */
  exampleKey?: string;
}

export type RouteResult =
  | { ok: true; operation: IHttpOperation }
  | { ok: false; status: number; title: string; detail: string };

export type RunResult =
  | {
      ok: true;
      response: MockResponse;
      /** The request carried no acceptable credentials (Prism's security check). */
      authFailed: boolean;
      /** Request-side contract violations, security excluded. */
      violations: Violation[];
      /** Problems with the mocked response itself (a spec example that breaks its own schema). */
      outputViolations: Violation[];
    }
  | { ok: false; status: number; title: string; detail: string; authFailed: boolean; violations: Violation[] };

interface PrismDiagnostic {
  path?: string[];
  code?: string | number;
  message: string;
  severity: number;
}

interface ProblemLike extends Error {
  status?: number;
  detail?: string;
  additional?: { validation?: Array<{ location?: string[]; code?: string | number; message: string }> };
}

type RouteFn = (opts: {
  resources: IHttpOperation[];
  input: IHttpRequest;
}) => { _tag: 'Left'; left: ProblemLike } | { _tag: 'Right'; right: IHttpOperation };

/** CommonJS `exports.default` seen through ESM interop: one or two `.default` levels depending on the loader. */
function unwrapDefault(mod: unknown): RouteFn {
  let current = mod;
  for (let i = 0; i < 3 && typeof current !== 'function'; i++) current = (current as { default?: unknown })?.default;
  if (typeof current !== 'function') throw new Error('@stoplight/prism-http/dist/router has no default export');
  return current as RouteFn;
}

const route = unwrapDefault(routerModule);

// Prism logs through pino; the mock has its own request log, so Prism's chatter is dropped.
const silentLogger: Record<string, unknown> = {};
for (const level of ['trace', 'debug', 'info', 'success', 'warn', 'error', 'fatal']) silentLogger[level] = () => {};
silentLogger.child = () => silentLogger;

const BASE_CONFIG = {
  checkSecurity: true,
  validateRequest: true,
  validateResponse: true,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false },
} as unknown as IHttpConfig;

export class PrismEngine {
  readonly name = 'prism';
  private readonly prism = createInstance(BASE_CONFIG, { logger: silentLogger as never });

  /**
   * @param errorExamples `method path` → names of the native error bodies merged into its examples (they break
   *   the success schema on purpose, so Prism's output validation is skipped when one of them is asked for).
   */
  private constructor(
    readonly operations: IHttpOperation[],
    private readonly errorExamples: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /** Loads a dereferenced OpenAPI document (an object, not a path: the caller owns reading and reloading). */
  static async load(doc: object): Promise<PrismEngine> {
    // getHttpOperationsFromSpec dereferences in place; give it a copy so the caller's document stays intact.
    const copy = structuredClone(doc) as Record<string, unknown>;
    const errorExamples = mergeErrorExamples(copy);
    const operations = await getHttpOperationsFromSpec(copy);
    return new PrismEngine(operations, errorExamples);
  }

  route(req: EngineRequest): RouteResult {
    const result = route({ resources: this.operations, input: toPrismRequest(req) });
    if (result._tag === 'Right') return { ok: true, operation: result.right };
    return { ok: false, ...problem(result.left) };
  }

  /**
   * Validates the request against `operation` and mocks an answer. With `validate: false` only the mocking runs
   * (used for a second pass, e.g. the documented 401 example after a scenario decided to fail the call).
   */
  async run(operation: IHttpOperation, req: EngineRequest, config: MockConfig, validate = true): Promise<RunResult> {
    const mock: Record<string, unknown> = { dynamic: config.dynamic, mediaTypes: [config.mediaType] };
    if (config.seed !== undefined) mock.seed = config.seed;
    if (config.code !== undefined) mock.code = config.code;
    if (config.exampleKey !== undefined) mock.exampleKey = config.exampleKey;
    const isJson = /json/.test(config.mediaType);
    const errorExample =
      config.exampleKey !== undefined &&
      this.errorExamples.get(`${operation.method} ${operation.path}`)?.has(config.exampleKey) === true;
    const perCall = {
      ...BASE_CONFIG,
      checkSecurity: validate,
      validateRequest: validate,
      // Prism validates an SSE example (an array of frames) against the one-event schema: meaningless, skip it.
      // A native error body is not the success schema by design: it validates against ErrorEnvelope in the spec tests.
      validateResponse: isJson && !errorExample,
      mock,
    } as unknown as IHttpConfig;
    const result = await this.prism.request(toPrismRequest(req), [operation], perCall)();
    if (result._tag === 'Left') {
      const err = result.left as ProblemLike;
      const listed = (err.additional?.validation ?? []).map((v) => ({
        location: v.location ?? [],
        code: String(v.code ?? ''),
        message: v.message,
      }));
      return { ok: false, ...problem(err), authFailed: /UNAUTHORIZED/.test(err.name), violations: listed };
    }
    const { output, validations } = result.right;
    const input = validations.input as PrismDiagnostic[];
    const errors = input.filter((d) => d.severity === 0);
    return {
      ok: true,
      response: {
        statusCode: output.statusCode,
        headers: normalizeHeaders(output.headers),
        body: output.body,
      },
      authFailed: errors.some((d) => d.code === 401),
      violations: errors.filter((d) => d.code !== 401).map(toViolation),
      outputViolations: (validations.output as PrismDiagnostic[]).filter((d) => d.severity === 0).map(toViolation),
    };
  }
}

/**
 * Native endpoints answer errors as HTTP 200 with a body that is not their success schema; the spec lists those
 * bodies under `x-minimax-error-examples` beside a media type's `examples` (so every example validates against the
 * schema it sits under). Prism only knows `examples`: the error bodies are appended there, in Prism's copy only,
 * so `Prefer: example=rate_limited` keeps serving them. `default` stays first, so the default answer is unchanged.
 */
function mergeErrorExamples(doc: Record<string, unknown>): Map<string, Set<string>> {
  const merged = new Map<string, Set<string>>();
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const responses = (op?.responses ?? {}) as Record<string, Record<string, unknown>>;
      for (const response of Object.values(responses)) {
        for (const media of Object.values((response?.content ?? {}) as Record<string, Record<string, unknown>>)) {
          const extra = media?.[ERROR_EXAMPLES] as Record<string, unknown> | undefined;
          if (!extra) continue;
          media.examples = { ...((media.examples ?? {}) as Record<string, unknown>), ...extra };
          delete media[ERROR_EXAMPLES];
          const names = merged.get(`${method} ${path}`) ?? new Set<string>();
          for (const name of Object.keys(extra)) names.add(name);
          merged.set(`${method} ${path}`, names);
        }
      }
    }
  }
  return merged;
}

const ERROR_EXAMPLES = 'x-minimax-error-examples';

function toPrismRequest(req: EngineRequest): IHttpRequest {
  return {
    method: req.method.toLowerCase() as IHttpRequest['method'],
    url: { path: req.path, query: req.query },
    headers: req.headers,
    body: req.body,
  };
}

function toViolation(d: PrismDiagnostic): Violation {
  return { location: d.path ?? [], code: String(d.code ?? ''), message: d.message };
}

function problem(err: ProblemLike): { status: number; title: string; detail: string } {
  return { status: err.status ?? 500, title: err.message, detail: err.detail ?? err.message };
}

function normalizeHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {}))
    if (v !== null && v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}
