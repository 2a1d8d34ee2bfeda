import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

// `@minimax-ts/source` resolves the workspace packages to their TypeScript sources: the example needs no prior `npm run build`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { conditions: ['@minimax-ts/source', ...defaultClientConditions] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
