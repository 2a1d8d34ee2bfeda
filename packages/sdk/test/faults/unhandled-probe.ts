/**
 * Run by response-metadata.test.ts in a child process: makes failing calls of every shape that nobody awaits, and
 * some whose metadata alone is awaited, and prints which unhandled rejections the process reported, per case. A
 * failing call nobody awaits must be reported exactly once with its typed error, as a plain rejected promise is; one
 * awaited in any way, never.
 */

import { MiniMax } from '../../src/index.ts';
import { answer, startFaultServer } from './fault-server.ts';
import { chat, PATHS, speech } from './fixtures.ts';

const fail = answer({ error: 'x' }, { status: 500 });
const server = await startFaultServer({
  [PATHS.chat]: fail,
  [PATHS.speech]: fail,
  [PATHS.openai]: fail,
  [PATHS.filesList]: fail,
  [PATHS.videoQuery]: fail,
});
const mm = new MiniMax({ apiKey: 'test-key', baseURL: server.url, logLevel: 'off', maxRetries: 0, pollInterval: 5 });

const reported = new Map<Promise<unknown>, string>();
process.on('unhandledRejection', (reason, promise) => {
  reported.set(promise, (reason as Error)?.constructor?.name ?? String(reason));
});

/** Runs one case and, once its failure had time to be reported, names what was. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const run = async (start: () => unknown): Promise<string[]> => {
  reported.clear();
  start();
  await settle();
  return [...reported.values()];
};

const results = {
  plain: await run(() => Promise.reject(new Error('plain'))),
  json: await run(() => mm.chat.create(chat)),
  mapped: await run(() => mm.speech.create(speech)),
  stream: await run(() => mm.openai.chat.completions.create({ ...chat, stream: true })),
  page: await run(() => mm.files.list({ purpose: 'voice_clone' })),
  composite: await run(() => mm.video.wait('1234')),
  refused: await run(() => mm.voices.delete({} as never)),
  awaited: await run(() => mm.chat.create(chat).catch(() => {})),
  withResponseOnly: await run(() =>
    mm.speech
      .create(speech)
      .withResponse()
      .catch(() => {}),
  ),
  asResponseOnly: await run(() =>
    mm.video
      .wait('1234')
      .asResponse()
      .catch(() => {}),
  ),
};
await server.close();
process.stdout.write(JSON.stringify(results));
