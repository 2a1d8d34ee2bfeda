/** The browser build of `@minimax-ts/mock/msw`, run after the Node build (see tsup.config.ts for why not in parallel). */
import { defineConfig } from 'tsup';
import { shared } from './tsup.config.ts';

export default defineConfig({
  ...shared,
  // Browsers (`setupWorker`) and jsdom-style test environments: the lite engine and the spec bundled in.
  entry: { msw: 'src/msw/browser.ts' },
  outDir: 'dist/browser',
  platform: 'browser',
  clean: true,
  // Its map would mostly be the bundled spec again (~0.8 MB): the browser entry ships without one.
  sourcemap: false,
});
