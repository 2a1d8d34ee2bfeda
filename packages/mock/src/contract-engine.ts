/**
 * The contract engine seam: routing, request validation and mocked bodies from the spec. Prism fills it in Node
 * (prism-engine.ts); a browser build, where Prism does not bundle (Node builtins, ~7 MB), plugs in the lighter
 * lite-engine. Everything else in the mock — scenarios, tasks, files, streams, ids, error bodies — is shared.
 */
import type { EngineRequest, MockConfig, RunResult } from './prism-engine.ts';

/** The routed operation as the rest of the mock needs it (the engine may keep more in it). */
export interface EngineOperation {
  method: string;
  /** The path template as written in the spec. */
  path: string;
}

export type EngineRoute =
  | { ok: true; operation: EngineOperation }
  | { ok: false; status: number; title: string; detail: string };

export interface ContractEngine {
  /** `prism` or `lite`, reported by `/__health`. */
  readonly name: string;
  route(req: EngineRequest): EngineRoute;
  /** Validates (unless `validate` is false) and mocks one answer of a routed operation. */
  run(operation: EngineOperation, req: EngineRequest, config: MockConfig, validate?: boolean): Promise<RunResult>;
}

/** Builds an engine from a parsed OpenAPI document (it must not modify the document). */
export type EngineFactory = (doc: object) => Promise<ContractEngine>;
