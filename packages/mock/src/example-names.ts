/** The named examples an operation documents, so `Prefer: example=<typo>` is answered with the names that exist. */
import type { JsonObject, OperationInfo, SpecIndex } from './spec-index.ts';

/**
 * Example names of every documented answer of `op` in `mediaType`, as `status:name` pairs grouped by name.
 *
 * @example
 * ```ts
 * exampleNames(index, op, 'text/event-stream'); // ['default', 'with_done_marker']
 * ```
 */
export function exampleNames(index: SpecIndex, op: OperationInfo, mediaType: string): string[] {
  const paths = (index.doc.paths ?? {}) as Record<string, Record<string, JsonObject>>;
  const responses = (paths[op.path]?.[op.method]?.responses ?? {}) as Record<string, unknown>;
  const names = new Set<string>();
  for (const response of Object.values(responses)) {
    const content = ((index.resolve(response) as JsonObject | undefined)?.content ?? {}) as Record<string, JsonObject>;
    const media = content[mediaType];
    // Native error bodies sit beside the success examples (see prism-engine.ts `mergeErrorExamples`).
    for (const group of [media?.examples, media?.['x-minimax-error-examples']]) {
      for (const name of Object.keys((group ?? {}) as JsonObject)) names.add(name);
    }
  }
  return [...names];
}
