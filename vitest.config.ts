import { configDefaults, defineConfig } from 'vitest/config';

// Vite's default conditions (vite is vitest's own dependency here, so they are spelled out).
const defaultClientConditions = ['module', 'browser', 'development|production'];
const defaultServerConditions = ['module', 'node', 'development|production'];
// `@minimax-ts/source` resolves workspace packages to their TypeScript sources, so tests never need a prior build.
const resolve = { conditions: ['@minimax-ts/source', ...defaultClientConditions] };
const ssr = { resolve: { conditions: ['@minimax-ts/source', ...defaultServerConditions] } };
const shared = { resolve, ssr };

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'spec',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/release/**'],
          testTimeout: 60_000,
        },
      },
      { ...shared, test: { name: 'sdk', include: ['packages/sdk/test/**/*.test.ts'] } },
      { ...shared, test: { name: 'mock', include: ['packages/mock/test/**/*.test.ts'], testTimeout: 30_000 } },
      { ...shared, test: { name: 'ai-sdk', include: ['packages/ai-sdk/test/**/*.test.ts'], testTimeout: 30_000 } },
      // `npm start`, the examples and the browser page, run as a newcomer runs them.
      { ...shared, test: { name: 'examples', include: ['examples/test/**/*.test.ts'], testTimeout: 60_000 } },
      // Publish to a local registry, install by name, run on every runtime: `npm run test:release`, after the rest.
      // One file at a time: release.test.ts and relay-runtimes.test.ts both build `dist` (tsup cleans it first).
      { ...shared, test: { name: 'release', include: ['tests/release/*.test.ts'], fileParallelism: false } },
    ],
  },
});
