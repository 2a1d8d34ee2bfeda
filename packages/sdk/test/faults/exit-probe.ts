/**
 * Run by exit.test.ts in a child process: plays a batch of faults with the client's *default* timeouts (600 s per
 * attempt, 60 s idle), closes its server, and then simply stops. It never calls `process.exit`: if the SDK left a
 * socket or a timer behind, the process would stay alive (for up to 600 s) and the parent test would time out.
 * Prints one JSON line: the name of every error seen, per fault.
 */

import { MiniMax } from '../../src/index.ts';
import {
  answer,
  baseResp,
  dataEvent,
  hang,
  htmlPage,
  OK,
  resetBeforeHeaders,
  resetMidBody,
  sse,
  startFaultServer,
} from './fault-server.ts';
import { anthropicParams, chat, chatEvents, completeChatEvents, image, PATHS } from './fixtures.ts';

const server = await startFaultServer({
  [PATHS.image]: htmlPage(500),
  [PATHS.filesList]: resetBeforeHeaders,
  [PATHS.filesRetrieve]: resetMidBody({ ...OK, file: {} }),
  [PATHS.voicesList]: hang,
  [PATHS.videoQuery]: answer({ ...OK, task_id: 't', status: 'Processing' }),
  [PATHS.speech]: answer(baseResp(1002), { status: 429, headers: { 'Retry-After': '30' } }),
  [PATHS.chat]: sse({ events: completeChatEvents('a', 'b', 'c'), delayMs: 20 }),
  [PATHS.openai]: sse({ events: [...chatEvents('a'), dataEvent({ error: { type: 'api_error', message: 'x' } })] }),
  [PATHS.anthropic]: sse({ events: [], tail: 'event: message_start\ndata: {"ty', end: 'reset' }),
});
const client = new MiniMax({ apiKey: 'test-key', baseURL: server.url, logLevel: 'off', maxRetries: 0 });
const userAbort = (ms: number) => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
};

const outcome = async (run: () => PromiseLike<unknown>): Promise<string> => {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as Error).name;
  }
};

const results = {
  http500: await outcome(() => client.images.generate(image)),
  resetBeforeHeaders: await outcome(() => client.files.list({ purpose: 'voice_clone' })),
  resetMidBody: await outcome(() => client.files.retrieve('1')),
  abortWaitingForHeaders: await outcome(() => client.voices.list({ voice_type: 'all' }, { signal: userAbort(100) })),
  timeoutSignalWaitingForHeaders: await outcome(() =>
    client.voices.list({ voice_type: 'all' }, { signal: AbortSignal.timeout(100) }),
  ),
  abortDuringBackoff: await outcome(() =>
    client
      .withOptions({ maxRetries: 2 })
      .speech.create(
        { model: 'speech-2.6-hd', text: 'x', voice_setting: { voice_id: 'v' } },
        { signal: userAbort(100) },
      ),
  ),
  abortDuringPollSleep: await outcome(() => client.video.wait('t', { pollInterval: 60_000, signal: userAbort(100) })),
  streamErrorEvent: await outcome(async () =>
    (await client.openai.chat.completions.create({ ...chat, stream: true })).done(),
  ),
  streamCut: await outcome(async () =>
    (await client.anthropic.messages.create({ ...anthropicParams, stream: true })).done(),
  ),
  streamAbortedInLoop: await outcome(async () => {
    const stream = await client.chat.create({ ...chat, stream: true });
    for await (const _ of stream) stream.abort();
  }),
  streamLeftEarly: await outcome(async () => {
    for await (const _ of await client.chat.create({ ...chat, stream: true })) break;
  }),
  streamToTheEnd: await outcome(async () => (await client.chat.create({ ...chat, stream: true })).done()),
};

await server.close();
console.log(JSON.stringify(results));
