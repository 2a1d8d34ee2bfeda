/**
 * The lite contract engine, for browsers (`setupWorker`), where Prism does not bundle: routing, security and request
 * validation with ajv over the spec's schemas, and answers from the spec's examples. Same violations, same example
 * choice; what it lacks is `dynamic` generation (it serves examples) and checking mocked answers against their
 * schema (the examples are checked when the spec is built).
 */
import type { ContractEngine, EngineOperation, EngineRoute } from '../contract-engine.ts';
import type { EngineRequest, MockConfig, RunResult } from '../prism-engine.ts';
import { type JsonObject, SpecIndex } from '../spec-index.ts';
import { pickAnswer } from './examples.ts';
import { buildRoutes, type LiteOperation, route } from './routes.ts';
import { LiteValidator } from './validate.ts';

export class LiteEngine implements ContractEngine {
  readonly name = 'lite';
  private readonly routes: ReturnType<typeof buildRoutes>;
  private readonly validator: LiteValidator;
  private readonly index: SpecIndex;

  private constructor(doc: JsonObject) {
    this.routes = buildRoutes(doc);
    this.validator = new LiteValidator(doc);
    this.index = new SpecIndex(doc);
  }

  /**
   * @example
   * ```ts
   * const engine = await LiteEngine.load(spec);
   * engine.route({ method: 'POST', path: '/v1/t2a_v2', query: {}, headers: {} });
   * ```
   */
  static async load(doc: object): Promise<LiteEngine> {
    return new LiteEngine(structuredClone(doc) as JsonObject);
  }

  route(req: EngineRequest): EngineRoute {
    return route(this.routes, req.method, req.path);
  }

  async run(operation: EngineOperation, req: EngineRequest, config: MockConfig, validate = true): Promise<RunResult> {
    const op = operation as LiteOperation;
    const authFailed = validate && this.validator.authFails(op, req);
    const violations = validate ? this.validator.violations(op, req) : [];
    const answer = pickAnswer(this.index, op, config);
    if ('ok' in answer) return { ...answer, authFailed, violations };
    return { ok: true, response: answer, authFailed, violations, outputViolations: [] };
  }
}
