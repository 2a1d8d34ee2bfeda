/**
 * `@minimax-ts/mock`: a mock MiniMax API server driven by the effective OpenAPI spec, with Prism as the contract
 * engine. See README.md for options, scenarios and curl examples; `@minimax-ts/mock/msw` has the same mock as MSW
 * request handlers.
 */

export type { BodyLimits } from './body-budget.ts';
export { MAX_BODY_BYTES, MAX_INFLIGHT_BODY_BYTES } from './body-budget.ts';
export { BASE_RESP_ALIASES, type MockPrefs, type Scenario } from './scenarios.ts';
export { MockListenError, startMock } from './server.ts';
export type { ErrorCodeInfo, Flavour } from './spec-index.ts';
export { DEFAULT_SPEC_PATH } from './spec-loader.ts';
export type { MockOptions, MockServer } from './types.ts';
