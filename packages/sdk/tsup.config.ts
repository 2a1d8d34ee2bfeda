import { defineConfig } from 'tsup';

// ESM + CJS + types for the public entry points. `src/internal/*` is not built: it is reachable only under the
// workspace-only `@minimax-ts/source` condition (the mock imports the lossless JSON codec that way), never from the published
// package.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    chat: 'src/chat.ts',
    node: 'src/node.ts',
    realtime: 'src/realtime.ts',
    relay: 'src/node/relay.ts',
    validation: 'src/validation.ts',
    callbacks: 'src/callbacks.ts',
  },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  // `neutral` resolves no Node builtins by itself; `node.ts` is the one entry that imports them.
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
