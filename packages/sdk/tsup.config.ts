import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The ESM build leaves the speech-session code to be loaded at run time from `@minimax-ts/sdk/realtime` (see
 * `src/internal/speech-session-loader.ts`), whose chunks it shares with the main entry. CommonJS has no shared chunks:
 * a `require`d client importing the ESM entry would meet second copies of the error classes and the secret
 * registry, so the CJS build puts the session code in the client's own file instead.
 */
const FORMAT_MARK = '__MINIMAX_TS_BUILD_FORMAT__';
const inlineSpeechSessionInCjs: Plugin = {
  name: 'inline-speech-session-in-cjs',
  setup(build) {
    // tsup builds both formats as ESM (then converts, for its tree-shaking): the format is in `FORMAT_MARK`.
    if (build.initialOptions.define?.[FORMAT_MARK] !== '"cjs"') return;
    const inline = fileURLToPath(new URL('./src/internal/speech-session-inline.ts', import.meta.url));
    build.onResolve({ filter: /\/speech-session-loader\.ts$/ }, () => ({ path: inline }));
  },
};

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
    'relay-fetch': 'src/relay-fetch.ts',
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
  esbuildOptions(options, { format }) {
    options.define = { ...options.define, [FORMAT_MARK]: JSON.stringify(format) };
  },
  esbuildPlugins: [inlineSpeechSessionInCjs],
});
