/**
 * Routing for the lite engine: the spec's path templates matched the way Prism matches them (a concrete path wins
 * over a templated one; a known path with another method is a 405, an unknown path a 404), keeping the JSON pointer
 * of each operation so validation can compile the spec's own schemas.
 */
import type { EngineOperation, EngineRoute } from '../contract-engine.ts';
import type { JsonObject } from '../spec-index.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface LiteOperation extends EngineOperation {
  /** JSON pointer of the operation object (`#/paths/~1v1~1t2a_v2/post`). */
  pointer: string;
  node: JsonObject;
  /** The path item, for parameters declared on the path. */
  pathItem: JsonObject;
}

interface Route {
  template: string;
  pattern: RegExp;
  /** Number of `{param}` segments: fewer wins when two templates match. */
  params: number;
  operations: Map<string, LiteOperation>;
}

export function buildRoutes(doc: JsonObject): Route[] {
  const paths = (doc.paths ?? {}) as Record<string, JsonObject>;
  const routes: Route[] = [];
  for (const [template, pathItem] of Object.entries(paths)) {
    const operations = new Map<string, LiteOperation>();
    for (const method of METHODS) {
      const node = pathItem[method] as JsonObject | undefined;
      if (node)
        operations.set(method, {
          method,
          path: template,
          pointer: `#/paths/${escapePointer(template)}/${method}`,
          node,
          pathItem,
        });
    }
    routes.push({
      template,
      pattern: templatePattern(template),
      params: (template.match(/\{/g) ?? []).length,
      operations,
    });
  }
  return routes.sort((a, b) => a.params - b.params);
}

/** Prism's answers for a path that is not in the spec, or a method the path does not have. */
export function route(routes: readonly Route[], method: string, path: string): EngineRoute {
  const m = method.toLowerCase();
  const matching = routes.filter((r) => r.pattern.test(path));
  if (matching.length === 0) {
    return {
      ok: false,
      status: 404,
      title: 'Route not resolved, no path matched',
      detail: `The route ${path} hasn't been found in the specification file`,
    };
  }
  const hit = matching.find((r) => r.operations.has(m));
  if (!hit) {
    return {
      ok: false,
      status: 405,
      title: 'Route resolved, but no method matched',
      detail: `The route ${path} has been matched, but it does not have "${m}" method defined`,
    };
  }
  return { ok: true, operation: hit.operations.get(m)! };
}

/** Path parameter values of a routed request, by name. */
export function pathParams(operation: LiteOperation, path: string): Record<string, string> {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!);
  const values = templatePattern(operation.path).exec(path)?.slice(1) ?? [];
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i] ?? '')]));
}

/** `/v1/things/{id}` → `^/v1/things/([^/]+)/?$`. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** JSON pointer escaping of one segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
