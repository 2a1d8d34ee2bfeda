import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// The published mock: compiled ESM + .d.ts, the effective spec (and any event schemas next to it) copied into the
// package's own `spec/`, found at run time relative to the compiled module. The sdk's lossless JSON codec is an
// internal module, reachable only under the workspace `@minimax-ts/source` condition: it is bundled in, so the
// package never refers to TypeScript sources. Prism, ajv and msw stay external (dependencies / optional peer).
export const shared: Options = {
  format: ['esm'],
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0', types: ['node'] } },
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  treeshake: true,
  removeNodeProtocol: false,
  noExternal: [/^@minimax-ts\/sdk/],
  esbuildOptions(options) {
    options.conditions = ['@minimax-ts/source'];
  },
};

const repoSpec = join(import.meta.dirname, '..', '..', 'spec');
const packageSpec = join(import.meta.dirname, 'spec');

function copySpec(): void {
  rmSync(packageSpec, { recursive: true, force: true });
  mkdirSync(packageSpec, { recursive: true });
  for (const name of readdirSync(repoSpec)) {
    if (name.endsWith('.json')) cpSync(join(repoSpec, name), join(packageSpec, name));
  }
}

// The browser build is a second tsup run (tsup.browser.config.ts), not a second entry of this array: run in
// parallel, one config's declaration step could wipe the other's `.d.ts` (seen under load).
export default defineConfig({
  ...shared,
  entry: { index: 'src/index.ts', msw: 'src/msw/node.ts', cli: 'src/cli.ts' },
  platform: 'node',
  target: 'node20',
  clean: ['*.js', '*.map', '*.d.ts'],
  onSuccess: async () => copySpec(),
});
