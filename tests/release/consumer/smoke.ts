/**
 * The consumer smoke: a new user's first script against `@minimax-ts/sdk` as installed from a registry, compiled by
 * `tsc` under the strictest settings and run on every runtime of the matrix (Node 20/22/24, Bun, Deno) against a
 * MiniMax mock. It uses no runtime-specific API (no `process`, no `Deno`): the client reads MINIMAX_API_KEY and
 * MINIMAX_BASE_URL itself. Each check prints `ok <name>`; any failure throws, so the runtime exits non-zero.
 *
 * This file is a template: the release test copies it into a temp project outside the repository.
 */
import {
  APIUserAbortError,
  AuthenticationError,
  type ChatCompletionStream,
  MiniMax,
  RateLimitError,
} from '@minimax-ts/sdk';

const mm = new MiniMax({ maxRetries: 0 });
const model = 'MiniMax-M2';
const messages = [{ role: 'user' as const, content: 'Name the three primary colours.' }];

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`consumer smoke: ${message}`);
}

async function step(name: string, body: () => Promise<string>): Promise<void> {
  const started = Date.now();
  const detail = await body();
  console.log(`ok ${name}: ${detail} (${Date.now() - started} ms)`);
}

/** The error a promise rejects with; fails when it resolves. */
async function failure(what: string, promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`consumer smoke: ${what} succeeded, but it should have failed`);
}

function scenario(name: string): { headers: Record<string, string> } {
  return { headers: { Prefer: `scenario=${name}`, 'X-Mock-Session': `${name}-${Date.now()}-${Math.random()}` } };
}

await step('chat', async () => {
  const completion = await mm.chat.create({ model, messages });
  const text = completion.choices?.[0]?.message?.content;
  check(typeof text === 'string' && text.length > 0, `chat answered no text: ${JSON.stringify(completion)}`);
  return `${text.length} characters`;
});

await step('chat stream', async () => {
  const stream: ChatCompletionStream = await mm.chat.create({ model, messages, stream: true });
  let text = '';
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    text += chunk.choices?.[0]?.delta?.content ?? '';
  }
  check(chunks > 1, `the stream gave ${chunks} chunk(s)`);
  check(text.length > 0 && text === stream.currentText, 'the deltas do not add up to the streamed text');
  return `${chunks} chunks, ${text.length} characters`;
});

await step('speech stream', async () => {
  const stream = await mm.speech.stream({
    model: 'speech-2.6-hd',
    text: 'Hello from the consumer smoke.',
    voice_setting: { voice_id: 'English_Graceful_Lady' },
  });
  let bytes = 0;
  let chunks = 0;
  for await (const audio of stream) {
    check(audio instanceof Uint8Array && audio.length > 0, 'a speech chunk is not audio bytes');
    bytes += audio.length;
    chunks++;
  }
  check(bytes > 0 && bytes === stream.byteLength, `streamed ${bytes} bytes, byteLength says ${stream.byteLength}`);
  return `${bytes} bytes in ${chunks} chunks`;
});

await step('upload + content', async () => {
  const text = `consumer smoke ${Date.now()}`;
  const { file } = await mm.files.upload({
    file: new TextEncoder().encode(text),
    filename: 'smoke.txt',
    purpose: 't2a_async_input',
  });
  const id = file?.file_id;
  check(typeof id === 'string' && /^\d{16,}$/.test(id), `upload gave file_id ${JSON.stringify(id)}`);
  const content = await mm.files.content(id);
  const back = await content.text();
  check(back === text, `content gave ${JSON.stringify(back)}, uploaded ${JSON.stringify(text)}`);
  return `file_id ${id}`;
});

await step('streamed upload', async () => {
  const parts = ['streamed ', 'upload ', String(Date.now())];
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
  const { file } = await mm.files.upload({ file: body, filename: 'streamed.txt', purpose: 't2a_async_input' });
  check(typeof file?.file_id === 'string', 'a streamed upload gave no file_id');
  const back = await (await mm.files.content(file.file_id)).text();
  check(back === parts.join(''), `content gave ${JSON.stringify(back)}, streamed ${JSON.stringify(parts.join(''))}`);
  return `file_id ${file.file_id}`;
});

await step('abort', async () => {
  const controller = new AbortController();
  const stream = await mm.chat.create(
    { model, messages, stream: true },
    { signal: controller.signal, headers: { Prefer: 'chunks=50, delay=20' } },
  );
  let seen = 0;
  const error = await failure(
    'an aborted stream',
    (async () => {
      for await (const _ of stream) {
        seen++;
        controller.abort();
      }
    })(),
  );
  check(error instanceof APIUserAbortError, `abort raised ${String(error)}`);
  return `APIUserAbortError after ${seen} chunk(s)`;
});

await step('API error', async () => {
  const auth = await failure('a wrong key', mm.chat.create({ model, messages }, scenario('invalid_key')));
  check(auth instanceof AuthenticationError && auth.code === 2049, `a wrong key raised ${String(auth)}`);
  const limited = await failure('a rate-limited call', mm.chat.create({ model, messages }, scenario('rate_limit')));
  check(limited instanceof RateLimitError && limited.code === 1002, `a rate limit raised ${String(limited)}`);
  return `AuthenticationError ${auth.code}, RateLimitError ${limited.code}`;
});

console.log('consumer smoke: every check ok');
