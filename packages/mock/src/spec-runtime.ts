/** Everything the mock derives from one version of the spec, built the same way in Node and in a browser. */
import type { ContractEngine, EngineFactory } from './contract-engine.ts';
import { type JsonObject, SpecIndex } from './spec-index.ts';

export interface SpecRuntime {
  /** Where it came from: a file path, or `(object)`. */
  source: string;
  index: SpecIndex;
  engine: ContractEngine;
  loadedAt: Date;
}

export async function buildRuntime(doc: JsonObject, source: string, createEngine: EngineFactory): Promise<SpecRuntime> {
  if (typeof doc.openapi !== 'string') throw new Error(`${source} is not an OpenAPI document (no "openapi" field)`);
  // The index reads the document with its $refs intact; the engine gets its own copy to dereference.
  const index = new SpecIndex(doc);
  const engine = await createEngine(doc);
  return { source, index, engine, loadedAt: new Date() };
}
