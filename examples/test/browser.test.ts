/**
 * The browser example in headless Chromium: the page streams chat from the mock (cross-origin, so CORS included)
 * and hands streamed speech to an <audio> element. Skipped where /usr/bin/chromium is missing (`.ci/run` installs it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMock } from '@minimax-ts/mock';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserExampleServer, serveBrowserExample } from '../browser/serve.ts';
import { launchChromium, whyNoChromium } from './chromium.ts';

const chromiumMissing = whyNoChromium('the browser example test');

describe('browser example (headless Chromium)', () => {
  let mock: MockServer;
  let page: BrowserExampleServer;
  let browser: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    if (chromiumMissing) return;
    mock = await startMock({ port: 0, streamDelayMs: 5 });
    page = await serveBrowserExample({ baseURL: mock.url, port: 0 });
    profile = mkdtempSync(join(tmpdir(), 'minimax-ts-chromium-'));
    browser = await launchChromium(profile);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await mock?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('streams chat into the page and gives the audio element the streamed speech', async ({ skip }) => {
    if (chromiumMissing) skip(chromiumMissing);
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    tab.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
    await tab.goto(page.url);

    const status = tab.locator('#status[data-state="done"], #status[data-state="error"]');
    await status.waitFor({ timeout: 20_000 });
    const state = await tab.locator('#status').getAttribute('data-state');
    expect(state, (await tab.locator('#status').textContent()) ?? '').toBe('done');

    // The mock's native chat stream, assembled from its deltas in the <pre>.
    expect(await tab.locator('#chat').textContent()).toContain('red, yellow and blue');
    const audio = await tab.locator('#audio').evaluate((el: HTMLAudioElement) => ({
      src: el.src,
      bytes: Number(el.dataset.bytes),
    }));
    expect(audio.src).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    expect(audio.bytes).toBeGreaterThan(0);
    // The Blob URL serves the bytes the stream delivered.
    const size = await tab.evaluate(async (src) => (await (await fetch(src)).blob()).size, audio.src);
    expect(size).toBe(audio.bytes);
    expect(problems).toEqual([]);
    await tab.close();
  });
});
