/**
 * `@minimax-ts/mock/msw` in Node (vitest, jest, node:test): MSW handlers backed by the same core and the same
 * Prism contract engine as the server mock, reading the spec shipped in this package.
 */
import { DEFAULT_SPEC_PATH, loadSpec } from '../spec-loader.ts';
import { buildHandlers, type MockHandlers, type MockHandlersOptions } from './handlers.ts';

export { DEFAULT_BASE_URLS, type MockHandlers, type MockHandlersOptions } from './handlers.ts';

/**
 * Options in Node: the handler options, plus another spec to serve.
 *
 * @example
 * ```ts
 * createHandlers({ spec: 'spec/minimax.openapi.json', taskPolls: 1 });
 * ```
 */
export interface NodeMockHandlersOptions extends MockHandlersOptions {
  /** The effective OpenAPI document: a path to a JSON file, or the parsed object. Default: the one in this package. */
  spec?: string | object;
}

/**
 * MSW handlers that answer like the MiniMax API: validated requests, spec examples, SSE streams over time, task
 * lifecycles, files, scenarios (`Prefer: scenario=rate_limit`), errors shaped as the server mock shapes them.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from '@minimax-ts/mock/msw';
 *
 * const mock = createHandlers({ streamDelayMs: 5 });
 * const server = setupServer(...mock.handlers);
 * beforeAll(() => server.listen());
 * afterEach(() => mock.reset());
 * afterAll(() => server.close());
 * ```
 */
export function createHandlers(options: NodeMockHandlersOptions = {}): MockHandlers {
  return buildHandlers(options, () => loadSpec(options.spec ?? DEFAULT_SPEC_PATH));
}
