/**
 * Headless Chromium for the browser tests: Debian's binary (never `npx playwright install`), the flags that keep it
 * quiet and offline, and the reason a test is skipped where it is missing — said in the test output, not only in
 * `.ci/run`'s log, so a skipped browser test never looks like a passing one.
 */
import { existsSync } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run here, or `undefined` when they can; printed once per test file that asks. */
export function whyNoChromium(test: string): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `chromium missing at ${CHROMIUM}: \`apt-get install chromium\` (.ci/run installs it when it can)`;
  console.warn(`\n!!! SKIPPED ${test}: ${reason}\n`);
  return reason;
}

/** A headless Chromium with its own profile folder, and any flags a test needs on top. */
export function launchChromium(profile: string, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, ...extraArgs],
  });
}
