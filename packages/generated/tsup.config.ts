import { defineConfig } from 'tsup';

// ESM + CJS + types: the client (`.`) and the zod schemas (`./zod`).
export default defineConfig({
  entry: { index: 'src/index.ts', 'zod.gen': 'src/zod.gen.ts' },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  dts: {
    // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates.
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
  sourcemap: true,
  clean: true,
  treeshake: true,
});
