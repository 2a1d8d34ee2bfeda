/**
 * The mock core, one request start to finish, as a fetch handler `(Request) => Promise<Response>` so the Node server
 * and MSW run the very same code: CORS → internal routes → body (capped) → route → decode (ids losslessly) →
 * validate (auth, then contract) → scenario → the operation's handler (files, tasks, streams) or the plain mocked
 * answer. Each step answers on its own and returns, so the order of precedence reads top to bottom.
 */
import { BodyBudget, BodyLimitError, type BodyLimits } from './body-budget.ts';
import type { CallbackFetch } from './callback-delivery.ts';
import { MockState, type RequestContext, type ServerSettings } from './context.ts';
import { answerPreflight, applyCors, isPreflight } from './cors.ts';
import { alignWithExample, authError, contractViolation, dialectOf, type ErrorAnswer } from './error-bodies.ts';
import { exampleNames } from './example-names.ts';
import { handleFiles, isFilesOperation } from './files-api.ts';
import { createIdCodec } from './id-codec.ts';
import { answerInternal } from './internal-routes.ts';
import { oaiBodyTooLarge } from './oai-errors.ts';
import { OPERATION_HANDLERS } from './operation-handlers.ts';
import type { EngineRequest, MockConfig, Violation } from './prism-engine.ts';
import { decodeRequestBody } from './request-body.ts';
import { bytesResponse, jsonTextResponse, mockErrorResponse } from './responses.ts';
import { playScenario } from './scenario-play.ts';
import { readPrefs, resolveScenario, scenarioNames } from './scenarios.ts';
import { isJsonMedia } from './spec-index.ts';
import type { SpecRuntime } from './spec-runtime.ts';
import { handleStream, wantsStream } from './streaming.ts';
import { TaskCallbacks } from './task-callbacks.ts';
import { handleTaskCreate, handleTaskQuery, taskRouteOf } from './tasks-api.ts';
import { newTraceId, withTraceId } from './trace-id.ts';
import { handleTranscription, isTranscription, transcriptionScenario } from './transcription-api.ts';
import { handleVideoV2, isVideoV2Operation } from './video-v2-api.ts';

/** What the host (Node server or MSW handler) tells the core about where it runs. */
export interface MockEnv {
  /**
   * Where the mock is reachable, e.g. `http://127.0.0.1:4010` or `https://api.minimax.io`: `download_url`s point
   * here. A path in it (`http://localhost:3000/minimax`) is a mount prefix, removed before routing.
   */
  baseUrl: string;
}

/** Why a request got the answer it got, for the request log. */
interface Outcome {
  scenario?: string;
  reason?: string;
}

export class MockApp {
  readonly state: MockState;
  readonly bodies: BodyBudget;

  constructor(
    private readonly getRuntime: () => SpecRuntime | Promise<SpecRuntime>,
    readonly settings: ServerSettings,
    private readonly log: (line: string) => void,
    limits: BodyLimits = {},
    /** How task callbacks are sent: `fetch` by default; MSW passes one that its own handlers do not intercept. */
    sendCallback: CallbackFetch = (request) => fetch(request),
  ) {
    const callbacks = new TaskCallbacks({ send: sendCallback, log, stepMs: settings.taskStepMs });
    this.state = new MockState(settings.seed, callbacks);
    this.bodies = new BodyBudget(limits);
  }

  /** Stops what outlives a request: the timers and requests of task callbacks. */
  close(): void {
    this.state.callbacks.close();
  }

  /** Answers one request. Never rejects: a failure of the mock itself is a 500 `mock_error`. */
  async fetch(request: Request, env: MockEnv): Promise<Response> {
    const started = Date.now();
    const traceId = newTraceId();
    const outcome: Outcome = {};
    const url = new URL(request.url);
    let response: Response;
    try {
      response = await this.dispatch(request, url, env, traceId, outcome);
    } catch (err) {
      if (err instanceof BodyLimitError) {
        outcome.reason = err.message;
        response = mockErrorResponse(err.status, err.message, err.status === 503 ? { 'Retry-After': '1' } : {});
      } else {
        this.log(`mock error on ${request.method} ${url.pathname}: ${(err as Error).stack ?? err}`);
        response = mockErrorResponse(500, String((err as Error).message ?? err));
      }
    }
    if (response.type !== 'error') {
      response.headers.set('Trace-Id', traceId);
      if (outcome.scenario) response.headers.set('X-Mock-Scenario', outcome.scenario);
      applyCors(request, response.headers);
    }
    const status = response.type === 'error' ? 'connection dropped' : String(response.status);
    const scenario = outcome.scenario ? ` [${outcome.scenario}]` : '';
    const reason = outcome.reason ? `: ${outcome.reason}` : '';
    this.log(
      `${request.method} ${url.pathname}${url.search} → ${status}${scenario}${reason} (${Date.now() - started} ms)`,
    );
    return response;
  }

  private async dispatch(
    request: Request,
    fullUrl: URL,
    env: MockEnv,
    traceId: string,
    outcome: Outcome,
  ): Promise<Response> {
    if (isPreflight(request)) return answerPreflight(request);
    const base = new URL(env.baseUrl);
    const prefix = base.pathname.replace(/\/+$/, '');
    if (prefix && fullUrl.pathname !== prefix && !fullUrl.pathname.startsWith(`${prefix}/`)) {
      return mockErrorResponse(404, `${fullUrl.pathname} is outside the mock's base URL ${env.baseUrl}`);
    }
    const url = new URL(fullUrl);
    url.pathname = fullUrl.pathname.slice(prefix.length) || '/';
    const baseUrl = `${base.origin}${prefix}`;
    const runtime = await this.getRuntime();

    if (url.pathname.startsWith('/__')) {
      return answerInternal(request.method, url.pathname, runtime, this.state, this.settings);
    }
    const body = await this.bodies.read(request);
    try {
      // The request's own signal is the only one: the host aborts it when the client goes away or the host shuts
      // down (the Node adapter on the socket's close; MSW with the client's fetch). Not AbortSignal.any() over a
      // long-lived shutdown signal, which retains a little memory per request in Node 20.
      const signal = request.signal;
      return await this.answer({ request, url, baseUrl, traceId, runtime, signal, rawBody: body.bytes }, outcome);
    } finally {
      body.release();
    }
  }

  private async answer(
    req: Pick<RequestContext, 'request' | 'url' | 'baseUrl' | 'traceId' | 'runtime' | 'signal' | 'rawBody'>,
    outcome: Outcome,
  ): Promise<Response> {
    const { request, url, runtime, traceId } = req;
    const headers: Record<string, string> = {};
    for (const [k, v] of request.headers) headers[k] = v;
    const prefs = readPrefs(headers, url.searchParams);
    const query = new URLSearchParams([...url.searchParams].filter(([k]) => !k.startsWith('__')));

    let scenario: RequestContext['scenario'];
    if (prefs.scenario) {
      scenario = resolveScenario(prefs.scenario, runtime.index.errorCodes);
      if (!scenario) {
        outcome.reason = `unknown scenario "${prefs.scenario}"`;
        const known = scenarioNames(runtime.index.errorCodes).join(', ');
        return mockErrorResponse(400, `Unknown scenario "${prefs.scenario}". Known: ${known}`);
      }
      if (prefs.times !== undefined) scenario = { ...scenario, times: prefs.times };
    }

    const engineReq: EngineRequest = { method: request.method, path: url.pathname, query: toQuery(query), headers };
    const routed = runtime.engine.route(engineReq);
    if (!routed.ok) {
      outcome.reason = routed.detail;
      return mockErrorResponse(routed.status, routed.detail);
    }
    const op = runtime.index.find(routed.operation.method, routed.operation.path);
    if (!op) return mockErrorResponse(500, `operation ${routed.operation.path} not indexed`);
    const tooLarge = oaiBodyTooLarge(op, runtime.index, req.rawBody.length, traceId);
    if (tooLarge) {
      outcome.reason = `body of ${req.rawBody.length} bytes over the documented limit`;
      return toErrorResponse(tooLarge, JSON.stringify);
    }

    const contentType = headers['content-type'] ?? '';
    const decoded = decodeRequestBody(req.rawBody, contentType, createIdCodec(op.requestInt64Keys));
    const { json, form, violations } = decoded;
    if (decoded.forPrism !== undefined) engineReq.body = decoded.forPrism;
    if (decoded.contentType) engineReq.headers = { ...headers, 'content-type': decoded.contentType };

    const stream = wantsStream(op, json, form);
    const mediaType = stream
      ? 'text/event-stream'
      : op.binaryMediaType && !op.jsonSchema
        ? op.binaryMediaType
        : 'application/json';
    if (prefs.example !== undefined && !exampleNames(runtime.index, op, mediaType).includes(prefs.example)) {
      outcome.reason = `unknown example "${prefs.example}"`;
      const known = exampleNames(runtime.index, op, mediaType).join(', ') || '(none)';
      return mockErrorResponse(
        400,
        `No example "${prefs.example}" for ${op.operationId} (${mediaType}). Known: ${known}`,
      );
    }
    const baseConfig: MockConfig = {
      dynamic: prefs.dynamic ?? this.settings.dynamic,
      mediaType,
      ...(this.settings.seed !== undefined && { seed: this.settings.seed }),
      ...(prefs.example !== undefined && { exampleKey: prefs.example }),
      ...(prefs.code !== undefined && { code: prefs.code }),
    };
    const first = await runtime.engine.run(routed.operation, engineReq, baseConfig);
    const codec = createIdCodec(op.responseInt64Keys);
    const dialect = dialectOf(op);
    const errorResponse = (answer: ErrorAnswer) => {
      const documented = op.flavour === 'native' ? undefined : runtime.index.exampleFor(op, answer.status);
      const body = documented ? alignWithExample(answer.body, documented, dialect === 'oai') : answer.body;
      return toErrorResponse({ ...answer, body }, codec.stringify);
    };

    // Real API order: authentication first, then parameters.
    if (first.authFailed) {
      outcome.reason = 'no valid Authorization';
      return errorResponse(authError(dialect, runtime.index.errorCodes, traceId));
    }
    const allViolations = [...violations, ...first.violations];
    if (allViolations.length > 0) {
      outcome.reason = `contract violation: ${describeViolations(allViolations)}`;
      const answer = contractViolation(dialect, allViolations, traceId);
      return errorResponse({
        ...answer,
        headers: { ...answer.headers, 'sl-violations': violationsHeader(allViolations) },
      });
    }
    if (!first.ok) {
      // Asked for something the spec does not document (`code=`): the caller's mistake, not the mock's.
      const asked = prefs.code !== undefined || prefs.example !== undefined;
      outcome.reason = `cannot mock ${op.operationId}: ${first.detail}`;
      return mockErrorResponse(asked ? 400 : 500, `Cannot mock ${op.operationId}: ${first.detail}`);
    }
    if (first.outputViolations.length > 0) {
      this.log(
        `spec problem: ${op.operationId} mocked response breaks its schema: ${first.outputViolations[0]!.message}`,
      );
    }

    // Scenario: counted per client so `_once` variants fail exactly once.
    if (scenario) {
      const key = `${prefs.session ?? ''}|${scenario.name}|${op.method} ${op.path}`;
      if (!this.state.counter.shouldFire(key, scenario.times)) scenario = undefined;
      else outcome.scenario = scenario.name;
    }

    const ctx: RequestContext = {
      ...req,
      prefs,
      ...(scenario && { scenario }),
      state: this.state,
      settings: this.settings,
      op,
      operation: routed.operation,
      json,
      form,
      query,
      mocked: first.response,
      codec,
      remock: (config) => runtime.engine.run(routed.operation, engineReq, { ...baseConfig, ...config }, false),
      jsonResponse: (status, body, extra = {}) =>
        jsonTextResponse(status, codec.stringify(withTraceId(body, traceId)), extra),
      errorResponse,
    };

    const played = scenario && ((isTranscription(op) && transcriptionScenario(ctx)) || (await playScenario(ctx)));
    if (played) return played;
    const handled = await OPERATION_HANDLERS[op.operationId]?.(ctx);
    if (handled) return handled;
    const taskRoute = taskRouteOf(runtime.index, op);
    if (isTranscription(op)) return handleTranscription(ctx);
    if (isFilesOperation(op)) return handleFiles(ctx);
    if (isVideoV2Operation(op)) return handleVideoV2(ctx);
    if (taskRoute?.role === 'create') return handleTaskCreate(ctx, taskRoute);
    if (taskRoute?.role === 'query') return handleTaskQuery(ctx, taskRoute);
    if (stream) return handleStream(ctx);
    return mockedAnswer(ctx);
  }
}

function mockedAnswer(ctx: RequestContext): Response {
  const { mocked } = ctx;
  const type = mocked.headers['content-type'] ?? 'application/json';
  if (!isJsonMedia(type) && (typeof mocked.body === 'string' || mocked.body instanceof Uint8Array)) {
    return bytesResponse(mocked.statusCode, mocked.body, { 'Content-Type': type });
  }
  return ctx.jsonResponse(mocked.statusCode, mocked.body);
}

function toErrorResponse(answer: ErrorAnswer, stringify: (v: unknown) => string): Response {
  const headers = answer.headers ?? {};
  if (answer.html !== undefined) {
    return bytesResponse(answer.status, answer.html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  }
  return jsonTextResponse(answer.status, stringify(answer.body), headers);
}

/** The first violations in one line: `body.model: must have required property 'model'; …`. */
function describeViolations(violations: readonly Violation[]): string {
  const shown = violations.slice(0, 3).map((v) => `${v.location.join('.') || 'request'}: ${v.message}`);
  const more = violations.length > 3 ? ` (+${violations.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** Prism's `sl-violations` header. Header values must be printable ASCII: anything else is escaped as JSON would. */
function violationsHeader(violations: readonly Violation[]): string {
  return JSON.stringify(violations.slice(0, 20)).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function toQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
