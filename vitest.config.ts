import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'spec', include: ['tests/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'sdk', include: ['packages/sdk/test/**/*.test.ts'] } },
      { test: { name: 'mock', include: ['packages/mock/test/**/*.test.ts'], testTimeout: 30_000 } },
    ],
  },
});
