/**
 * `@minimax-ts/mock`: a mock MiniMax API server driven by the effective OpenAPI spec, with Prism as the contract
 * engine. See README.md for options, scenarios and curl examples.
 */

export { BASE_RESP_ALIASES, type MockPrefs, type Scenario } from './scenarios.ts';
export { startMock } from './server.ts';
export type { ErrorCodeInfo, Flavour } from './spec-index.ts';
export { DEFAULT_SPEC_PATH } from './spec-loader.ts';
export type { MockOptions, MockServer } from './types.ts';
