/**
 * An `import()` that no bundler follows. Optional heavy dependencies (zod through `@minimax-ts/sdk/validation`, the
 * `ws` package for speech sessions) must stay out of a single-file bundle of the client — esbuild, Rollup and webpack
 * inline every literal `import('x')` when they do not split code — while Node, Bun and Deno still resolve the package
 * at run time from the SDK's own dependencies. A specifier passed as a function argument cannot be resolved at build
 * time, so bundlers leave the call as it is.
 */

/**
 * Imports `specifier` at run time only.
 *
 * @example
 * ```ts
 * const { WebSocket } = await importAtRunTime<typeof import('ws')>('ws');
 * ```
 */
export const importAtRunTime = <T = Record<string, unknown>>(specifier: string): Promise<T> =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
