/**
 * `@minimax-ts/mock/msw` in a real browser: a Vite-built page registers MSW's service worker (the file `npx msw init`
 * writes) with the mock's handlers and drives the SDK through it in headless Chromium. Skipped where
 * /usr/bin/chromium is missing.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { build, defaultClientConditions, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-sync',
];
const root = join(import.meta.dirname, 'browser');

describe.skipIf(!existsSync(CHROMIUM))('msw handlers in a browser (setupWorker, headless Chromium)', () => {
  let dir: string;
  let server: PreviewServer;
  let browser: BrowserContext;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minimax-mock-msw-'));
    const publicDir = join(dir, 'public');
    // What `npx msw init public/` does: put the worker script where the page serves it from.
    cpSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), join(publicDir, 'mockServiceWorker.js'));
    const config = {
      root,
      configFile: false as const,
      publicDir,
      logLevel: 'warn' as const,
      resolve: { conditions: ['@minimax-ts/source', ...defaultClientConditions] },
      // The page bundles the spec and ajv (~1 MB): a test page, not a production bundle.
      build: { outDir: join(dir, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
    };
    await build(config);
    server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1' } });
    const address = server.httpServer.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the SDK from the service worker: chat, a stream over time, files, a task, scenarios, violations', async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await tab.goto(url);
    await tab.locator('#results[data-state="done"], #results[data-state="error"]').waitFor({ timeout: 60_000 });
    // biome-ignore lint/suspicious/noExplicitAny: the page's JSON report
    const results = JSON.parse((await tab.locator('#results').textContent()) ?? '{}') as Record<string, any>;
    expect(results.error, results.error).toBeUndefined();
    expect(results.health).toMatchObject({ status: 'ok', engine: 'lite' });
    expect(results.chat).toMatch(/\w/);
    expect(results.streamText.length).toBeGreaterThan(0);
    // Streamed through the worker: the text deltas arrive ~50 ms apart, not in one piece.
    const arrivals = results.arrivals as number[];
    expect(arrivals.length).toBeGreaterThanOrEqual(3);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual((arrivals.length - 1) * 50 - 30);
    expect(results.file.id).toMatch(/^\d{18}$/);
    expect(results.file.name).toBe('声音.txt');
    expect(results.file.listed).toEqual([results.file.id]);
    expect(results.content).toBe('hello');
    expect(results.video.fileId).toMatch(/^\d{18}$/);
    expect(results.video.downloadUrl).toMatch(/^https:\/\/api\.minimax\.io\/__download\//);
    expect(results.rateLimit).toBe(true);
    expect(results.violation.status).toBe(422);
    expect(results.violation.body.type).toBe('contract_violation');
    expect(problems).toEqual([]);
    await tab.close();
  });
});
