/**
 * Builds the browser example with Vite and serves the build (`vite preview`). `npm run example -- browser` uses it,
 * and so does the headless-Chromium test. For live editing, run `npx vite examples/browser` instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

export interface BrowserExampleServer {
  /** The page's URL, with `?baseURL=` when one was given. */
  url: string;
  close(): Promise<void>;
}

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

export async function serveBrowserExample(
  options: { baseURL?: string | undefined; port?: number } = {},
): Promise<BrowserExampleServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'minimax-ts-browser-'));
  await build({ configFile, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const server = await preview({
    configFile,
    build: { outDir },
    preview: { port: options.port ?? 5173, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const query = options.baseURL ? `?baseURL=${encodeURIComponent(options.baseURL)}` : '';
  return {
    url: `http://127.0.0.1:${port}/${query}`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
