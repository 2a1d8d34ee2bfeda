/**
 * `@minimax-ts/mock/msw` in a browser (`setupWorker`) and in jsdom-style test environments that resolve the
 * `browser` export condition: the same handlers and core as in Node, with the spec bundled in and the lite contract
 * engine instead of Prism (which does not bundle for browsers: it needs Node builtins and weighs ~7 MB minified).
 * Differences are listed in the package README ("MSW in the browser").
 */

import bundledSpec from '../../../../spec/minimax.openapi.json';
import { LiteEngine } from '../lite/engine.ts';
import type { JsonObject } from '../spec-index.ts';
import { buildRuntime } from '../spec-runtime.ts';
import { buildHandlers, type MockHandlers, type MockHandlersOptions } from './handlers.ts';

export { DEFAULT_BASE_URLS, type MockHandlers, type MockHandlersOptions } from './handlers.ts';

/**
 * Options in a browser: the handler options, plus another spec (a parsed document) to serve.
 *
 * @example
 * ```ts
 * createHandlers({ spec: await (await fetch('/my-spec.json')).json() });
 * ```
 */
export interface BrowserMockHandlersOptions extends MockHandlersOptions {
  /** The effective OpenAPI document, parsed. Default: the one bundled with this package. */
  spec?: object;
}

/**
 * MSW handlers that answer like the MiniMax API, for `setupWorker` (run `npx msw init public/` once so the page
 * serves `mockServiceWorker.js`).
 *
 * @example
 * ```ts
 * import { setupWorker } from 'msw/browser';
 * import { createHandlers } from '@minimax-ts/mock/msw';
 *
 * await setupWorker(...createHandlers().handlers).start();
 * ```
 */
export function createHandlers(options: BrowserMockHandlersOptions = {}): MockHandlers {
  const spec = (options.spec ?? bundledSpec) as JsonObject;
  const source = options.spec ? '(object)' : 'minimax.openapi.json (bundled)';
  return buildHandlers(options, () => buildRuntime(structuredClone(spec), source, (doc) => LiteEngine.load(doc)));
}
