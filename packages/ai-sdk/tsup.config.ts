import { defineConfig } from 'tsup';

// ESM + CJS + types, like @minimax-ts/sdk. The sdk and @ai-sdk/provider stay external (they are dependencies), so
// an app that also imports the sdk loads one copy of it.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  external: [/^node:/],
  dts: {
    // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates.
    compilerOptions: { ignoreDeprecations: '6.0', types: ['node'] },
  },
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  clean: true,
  treeshake: true,
});
