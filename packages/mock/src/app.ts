/**
 * One request, start to finish: CORS → internal routes → route (Prism) → decode body (ids losslessly) →
 * validate (Prism: auth, then contract) → scenario → the operation's handler (files, tasks, streams) or the plain
 * mocked answer. Each step answers on its own and returns, so the order of precedence reads top to bottom.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockState, type RequestContext, type ServerSettings } from './context.ts';
import { answerPreflight, applyCors, isPreflight } from './cors.ts';
import { alignWithExample, authError, contractViolation, type ErrorAnswer } from './error-bodies.ts';
import { handleFiles, isFilesOperation } from './files-api.ts';
import { BodyTooLargeError, readBody, send, sendJson, sendJsonText } from './http-io.ts';
import { createIdCodec } from './id-codec.ts';
import { answerInternal } from './internal-routes.ts';
import type { EngineRequest, MockConfig } from './prism-engine.ts';
import { decodeRequestBody } from './request-body.ts';
import { playScenario } from './scenario-play.ts';
import { readPrefs, resolveScenario, scenarioNames } from './scenarios.ts';
import { isJsonMedia } from './spec-index.ts';
import type { SpecRuntime } from './spec-loader.ts';
import { handleStream, wantsStream } from './streaming.ts';
import { handleTaskCreate, handleTaskQuery, taskRouteOf } from './tasks-api.ts';
import { newTraceId, withTraceId } from './trace-id.ts';

export class MockApp {
  readonly state: MockState;

  constructor(
    private readonly getRuntime: () => SpecRuntime,
    readonly settings: ServerSettings,
    private readonly signal: AbortSignal,
    private readonly log: (line: string) => void,
  ) {
    this.state = new MockState(settings.seed);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const traceId = newTraceId();
    res.setHeader('Trace-Id', traceId);
    applyCors(req, res);
    res.on('finish', () => {
      const scenario = res.getHeader('X-Mock-Scenario');
      this.log(
        `${req.method} ${req.url} → ${res.statusCode}${scenario ? ` [${scenario}]` : ''} (${Date.now() - started} ms)`,
      );
    });
    try {
      await this.dispatch(req, res, traceId);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { type: 'mock_error', message: err.message });
      this.log(`mock error on ${req.method} ${req.url}: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) sendJson(res, 500, { type: 'mock_error', message: String((err as Error).message ?? err) });
      else res.destroy();
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, traceId: string): Promise<void> {
    if (isPreflight(req)) return answerPreflight(req, res);
    const host = req.headers.host ?? 'localhost';
    const url = new URL(req.url ?? '/', `http://${host}`);
    const runtime = this.getRuntime();

    if (url.pathname.startsWith('/__')) return answerInternal(req, res, url, runtime, this.state, this.settings);

    const rawBody = await readBody(req);
    const prefs = readPrefs(req.headers as Record<string, string | string[] | undefined>, url.searchParams);
    const query = new URLSearchParams([...url.searchParams].filter(([k]) => !k.startsWith('__')));

    let scenario: RequestContext['scenario'];
    if (prefs.scenario) {
      scenario = resolveScenario(prefs.scenario, runtime.index.errorCodes);
      if (!scenario) {
        return sendJson(res, 400, {
          type: 'mock_error',
          message: `Unknown scenario "${prefs.scenario}". Known: ${scenarioNames(runtime.index.errorCodes).join(', ')}`,
        });
      }
      if (prefs.times !== undefined) scenario = { ...scenario, times: prefs.times };
    }

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const engineReq: EngineRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: toQuery(query),
      headers,
    };

    const routed = runtime.engine.route(engineReq);
    if (!routed.ok) {
      return sendJson(res, routed.status, { type: 'mock_error', status: routed.status, message: routed.detail });
    }
    const op = runtime.index.find(routed.operation.method, routed.operation.path);
    if (!op)
      return sendJson(res, 500, { type: 'mock_error', message: `operation ${routed.operation.path} not indexed` });

    const decoded = decodeRequestBody(rawBody, headers['content-type'] ?? '', createIdCodec(op.requestInt64Keys));
    const { json, violations } = decoded;
    if (decoded.forPrism !== undefined) engineReq.body = decoded.forPrism;

    const stream = wantsStream(op, json);
    const mediaType = stream
      ? 'text/event-stream'
      : op.binaryMediaType && !op.jsonSchema
        ? op.binaryMediaType
        : 'application/json';
    const baseConfig: MockConfig = {
      dynamic: prefs.dynamic ?? this.settings.dynamic,
      mediaType,
      ...(this.settings.seed !== undefined && { seed: this.settings.seed }),
      ...(prefs.example !== undefined && { exampleKey: prefs.example }),
      ...(prefs.code !== undefined && { code: prefs.code }),
    };
    const first = await runtime.engine.run(routed.operation, engineReq, baseConfig);
    const codec = createIdCodec(op.responseInt64Keys);
    const sendError = (answer: ErrorAnswer) => {
      const documented = op.flavour === 'native' ? undefined : runtime.index.exampleFor(op, answer.status);
      const aligned = documented ? { ...answer, body: alignWithExample(answer.body, documented) } : answer;
      this.sendError(res, aligned, codec.stringify);
    };

    // Real API order: authentication first, then parameters.
    if (first.authFailed) return sendError(authError(op.flavour, runtime.index.errorCodes, traceId));
    const allViolations = [...violations, ...first.violations];
    if (allViolations.length > 0) {
      // Header values must be printable ASCII: escape anything else the way JSON would.
      const header = JSON.stringify(allViolations.slice(0, 20)).replace(
        /[^\x20-\x7e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      res.setHeader('sl-violations', header);
      return sendError(contractViolation(op.flavour, allViolations, traceId));
    }
    if (!first.ok) {
      return sendJson(res, 500, {
        type: 'mock_error',
        message: `Prism could not mock ${op.operationId}: ${first.detail}`,
      });
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
      else res.setHeader('X-Mock-Scenario', scenario.name);
    }

    const ctx: RequestContext = {
      req,
      res,
      url,
      baseUrl: `http://${host}`,
      traceId,
      prefs,
      ...(scenario && { scenario }),
      runtime,
      state: this.state,
      settings: this.settings,
      signal: this.signal,
      op,
      operation: routed.operation,
      rawBody,
      json,
      query,
      mocked: first.response,
      codec,
      remock: (config) => runtime.engine.run(routed.operation, engineReq, { ...baseConfig, ...config }, false),
      sendJson: (status, body, extra = {}) =>
        sendJsonText(res, status, codec.stringify(withTraceId(body, traceId)), extra),
      sendError,
    };

    if (scenario && (await playScenario(ctx))) return;

    const taskRoute = taskRouteOf(runtime.index, op);
    if (isFilesOperation(op)) return handleFiles(ctx);
    if (taskRoute?.role === 'create') return handleTaskCreate(ctx, taskRoute);
    if (taskRoute?.role === 'query') return handleTaskQuery(ctx, taskRoute);
    if (stream) return handleStream(ctx);
    return this.sendMocked(ctx);
  }

  private sendMocked(ctx: RequestContext) {
    const { mocked, res } = ctx;
    const type = mocked.headers['content-type'] ?? 'application/json';
    if (!isJsonMedia(type) && (typeof mocked.body === 'string' || mocked.body instanceof Uint8Array)) {
      return send(res, mocked.statusCode, mocked.body, { 'Content-Type': type });
    }
    ctx.sendJson(mocked.statusCode, mocked.body);
  }

  private sendError(res: ServerResponse, answer: ErrorAnswer, stringify: (v: unknown) => string) {
    const headers = answer.headers ?? {};
    if (answer.html !== undefined) {
      return send(res, answer.status, answer.html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    }
    sendJsonText(res, answer.status, stringify(answer.body), headers);
  }
}

function toQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
