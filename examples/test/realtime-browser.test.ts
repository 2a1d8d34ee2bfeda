/**
 * Real-time speech in headless Chromium: a page with no key streams speech from the mock's WebSocket through the
 * relay (`@minimax-ts/sdk/relay`, mounted on a small backend that also serves the page), with the browser client
 * (`@minimax-ts/sdk/realtime`, bundled for the browser by esbuild), then decodes the WAV it received with Web Audio and
 * plays it. Skipped where /usr/bin/chromium is missing (`.ci/run` installs it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMock } from '@minimax-ts/mock';
import { createSpeechRelay } from '@minimax-ts/sdk/relay';
import * as esbuild from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, whyNoChromium } from './chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The page's script: what a browser app does with the realtime client. */
const PAGE_SCRIPT = `
import { connectSpeechSession } from '@minimax-ts/sdk/realtime';
const status = document.querySelector('#status');
try {
  const session = await connectSpeechSession('/speech?token=page-token', {
    model: 'speech-2.8-turbo',
    voice_setting: { voice_id: 'English_Graceful_Lady' },
    audio_setting: { format: 'wav', sample_rate: 16000, channel: 1 },
  });
  let chunks = 0;
  session.on('audio', () => chunks++);
  session.send('Hello from a page that never saw the API key.');
  const done = session.finish();
  const audio = await session.collect();
  const summary = await done;
  const context = new AudioContext();
  const buffer = await context.decodeAudioData(audio.buffer.slice(audio.byteOffset, audio.byteOffset + audio.byteLength));
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  source.start();
  Object.assign(status.dataset, {
    state: 'done',
    bytes: String(audio.length),
    chunks: String(chunks),
    seconds: String(buffer.duration),
    sampleRate: String(buffer.sampleRate),
    audioLength: String(summary.extraInfo?.audio_length),
    contextState: context.state,
  });
} catch (error) {
  status.dataset.state = 'error';
  status.textContent = String(error && error.stack || error);
}`;

describe.skipIf(whyNoChromium('the real-time speech browser test') !== undefined)(
  'real-time speech in a browser, through the relay (headless Chromium)',
  () => {
    let mock: MockServer;
    let server: Server;
    let url: string;
    let browser: BrowserContext;
    let profile: string;
    const sockets = new Set<Socket>();
    const seenTokens: string[] = [];

    beforeAll(async () => {
      mock = await startMock({ port: 0, ws: { firstAudioDelayMs: 20, chunkDelayMs: 5 } });
      const bundle = await esbuild.build({
        stdin: { contents: PAGE_SCRIPT, resolveDir: root, loader: 'js' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        conditions: ['@minimax-ts/source'],
        logLevel: 'silent',
      });
      const script = bundle.outputFiles[0]?.text ?? '';
      const relay = createSpeechRelay({
        apiKey: 'server-side-key',
        baseURL: mock.url,
        authenticate: (req) => {
          const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
          seenTokens.push(token);
          return token === 'page-token';
        },
      });
      server = createServer((req, res) => {
        if (req.url === '/app.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(
          '<!doctype html><p id="status" data-state="running">…</p><script type="module" src="/app.js"></script>',
        );
      });
      server.on('connection', (s) => {
        sockets.add(s);
        s.once('close', () => sockets.delete(s));
      });
      server.on('upgrade', (req, socket, head) => {
        if (!relay.handleUpgrade(req, socket, head)) socket.destroy();
      });
      server.on('close', () => relay.close());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      profile = mkdtempSync(join(tmpdir(), 'minimax-ts-chromium-'));
      browser = await launchChromium(profile, ['--autoplay-policy=no-user-gesture-required']);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server?.close(resolve));
      await mock?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    it('streams, decodes and plays the audio; the page never holds the key', async () => {
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      await tab.goto(url);
      const status = tab.locator('#status');
      await tab.locator('#status[data-state="done"], #status[data-state="error"]').waitFor({ timeout: 30_000 });
      expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('done');
      const data = await status.evaluate((el: HTMLElement) => ({ ...el.dataset }));
      expect(Number(data.bytes)).toBeGreaterThan(44);
      expect(Number(data.chunks)).toBeGreaterThan(1);
      expect(Number(data.sampleRate) > 0).toBe(true);
      // the decoded clip lasts as long as MiniMax's extra_info says (the mock's WAV is real PCM)
      expect(Math.abs(Number(data.seconds) * 1000 - Number(data.audioLength))).toBeLessThan(50);
      expect(seenTokens).toContain('page-token');
      expect(await tab.content()).not.toContain('server-side-key');
      expect(problems).toEqual([]);
      await tab.close();
    });
  },
);
