/// <reference types="vite/client" />
/**
 * A frontend test page: MSW's service worker answers the SDK's calls to https://api.minimax.io with the mock's
 * browser handlers (lite engine, bundled spec). No server but the one serving this page. The results land in
 * `#results` as JSON for the headless-Chromium test to read.
 */
import { createHandlers } from '@minimax-ts/mock/msw';
import { MiniMax, RateLimitError } from '@minimax-ts/sdk';
import { setupWorker } from 'msw/browser';

const out = document.getElementById('results') as HTMLPreElement;
const results: Record<string, unknown> = {};

async function run(): Promise<void> {
  const mock = createHandlers({ streamDelayMs: 50, taskPolls: 1 });
  await setupWorker(...mock.handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });
  const mm = new MiniMax({ apiKey: 'mock-key', dangerouslyAllowBrowser: true, pollInterval: 10, maxRetries: 0 });
  const messages = [{ role: 'user' as const, content: 'Name the primary colours.' }];

  results.health = await (await fetch('https://api.minimax.io/__health')).json();
  results.chat = (await mm.chat.create({ model: 'MiniMax-M2', messages })).choices?.[0]?.message?.content;

  const stream = await mm.chat.create(
    { model: 'MiniMax-M2', messages, stream: true },
    { headers: { Prefer: 'chunks=6' } },
  );
  const started = performance.now();
  const arrivals: number[] = [];
  stream.on('text', () => arrivals.push(Math.round(performance.now() - started)));
  results.streamText = await stream.finalText();
  results.arrivals = arrivals;

  const { file } = await mm.files.upload({
    file: new TextEncoder().encode('hello'),
    filename: '声音.txt',
    purpose: 't2a_async_input',
  });
  const listed: string[] = [];
  for await (const f of mm.files.list({ purpose: 't2a_async_input' })) listed.push(f.file_id);
  results.file = { id: file?.file_id, name: file?.filename, listed };
  results.content = new TextDecoder().decode(await (await mm.files.content(file!.file_id)).bytes());

  const video = await mm.video.generate({ model: 'MiniMax-Hailuo-02', prompt: 'A cat' });
  results.video = { fileId: video.file_id, downloadUrl: video.download_url };

  const error = await mm.chat
    .create({ model: 'MiniMax-M2', messages }, { headers: { Prefer: 'scenario=rate_limit' } })
    .catch((e: unknown) => e);
  results.rateLimit = error instanceof RateLimitError;
  const bad = await fetch('https://api.minimax.io/v1/text/chatcompletion_v2', {
    method: 'POST',
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
    body: '{"messages":[]}',
  });
  results.violation = { status: bad.status, body: await bad.json() };
}

run().then(
  () => {
    out.textContent = JSON.stringify(results);
    out.dataset.state = 'done';
  },
  (error: unknown) => {
    out.textContent = JSON.stringify({ ...results, error: String((error as Error)?.stack ?? error) });
    out.dataset.state = 'error';
  },
);
