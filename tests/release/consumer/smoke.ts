/**
 * The consumer smoke: a new user's first script against `@minimax-ts/sdk` as installed from a registry, compiled by
 * `tsc` under the strictest settings and run on every runtime of the matrix (Node 20/22/24, Bun, Deno) against a
 * MiniMax mock. It uses no runtime-specific API (no `process`, no `Deno`): the client reads MINIMAX_API_KEY and
 * MINIMAX_BASE_URL itself. Each check prints `ok <name>`; any failure throws, so the runtime exits non-zero.
 *
 * The real-time speech session is the one check that loads a package at run time: the SDK imports `ws` through an
 * `import()` no bundler follows, so it must resolve from the installed packages on every runtime (Deno: from the
 * project's `node_modules`, which Deno uses when a `package.json` sits next to it). The mock runs with
 * `--task-polls 1`, so the video task finishes on its first poll.
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

/** Reads audio to the end: every chunk must be bytes; returns how many bytes in how many chunks. */
async function countAudio(what: string, audio: AsyncIterable<unknown>): Promise<{ bytes: number; chunks: number }> {
  let bytes = 0;
  let chunks = 0;
  for await (const chunk of audio) {
    check(chunk instanceof Uint8Array && chunk.length > 0, `${what} is not audio bytes`);
    bytes += chunk.length;
    chunks++;
  }
  return { bytes, chunks };
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
  const { bytes, chunks } = await countAudio('a speech chunk', stream);
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

const voice = { model: 'speech-2.8-turbo', voice_setting: { voice_id: 'English_Graceful_Lady' } };
const TRACE_ID = /^[0-9a-f]{32}$/;

await step('speech session', async () => {
  const session = await mm.speech.connect(voice);
  session.send('Real-time speech from the consumer smoke.');
  const done = session.finish();
  const { bytes, chunks } = await countAudio('a session chunk', session);
  const summary = await done;
  check(bytes > 0 && bytes === summary.audioBytes, `received ${bytes} bytes, the summary says ${summary.audioBytes}`);
  check(TRACE_ID.test(summary.traceId ?? ''), `the session ended without a trace id: ${String(summary.traceId)}`);
  return `${bytes} bytes in ${chunks} chunks, trace ${summary.traceId}`;
});

await step('speech session refused', async () => {
  const refused = await failure('a refused upgrade', mm.speech.connect(voice, scenario('handshake_401')));
  check(refused instanceof AuthenticationError && refused.status === 401, `a refused key raised ${String(refused)}`);
  check(TRACE_ID.test(refused.traceId ?? ''), `the refusal has no trace id: ${String(refused.traceId)}`);
  return `AuthenticationError ${refused.status}, trace ${refused.traceId}`;
});

await step('transcription', async () => {
  // The mock hears a text file as its own transcript.
  const spoken = 'Hello from the consumer smoke.';
  const transcript = await mm.transcriptions.create({
    file: new TextEncoder().encode(spoken),
    filename: 'smoke.mp3',
    model: 'asr-1.0',
  });
  check(transcript.text === spoken, `transcribed ${JSON.stringify(transcript.text)}, said ${JSON.stringify(spoken)}`);
  return `${JSON.stringify(transcript.text)}, ${transcript.duration} s`;
});

await step('video v2', async () => {
  let polls = 0;
  const video = await mm.video.v2.generate(
    {
      model: 'MiniMax-H3',
      content: [{ type: 'text', text: 'A paper boat on a pond' }],
      resolution: '768P',
      duration: 6,
      ratio: '16:9',
    },
    { pollInterval: 20, onProgress: () => polls++ },
  );
  check(video.task.status === 'succeeded', `the task ended ${String(video.task.status)}`);
  check(URL.canParse(video.url), `the video URL is ${JSON.stringify(video.url)}`);
  return `task ${video.task_id} after ${polls} poll(s)`;
});

await step('responses stream', async () => {
  const stream = await mm.responses.create({ model: 'MiniMax-M3', input: 'Name a primary colour.', stream: true });
  const text = await stream.finalText();
  check(text.length > 0, 'the Responses stream gave no text');
  return `${text.length} characters`;
});

await step('models', async () => {
  const { data } = await mm.models.list();
  check(data.length > 0 && data.every((model) => typeof model.id === 'string'), 'models.list gave no model ids');
  return `${data.length} models`;
});

await step('API error', async () => {
  const auth = await failure('a wrong key', mm.chat.create({ model, messages }, scenario('invalid_key')));
  check(auth instanceof AuthenticationError && auth.code === 2049, `a wrong key raised ${String(auth)}`);
  const limited = await failure('a rate-limited call', mm.chat.create({ model, messages }, scenario('rate_limit')));
  check(limited instanceof RateLimitError && limited.code === 1002, `a rate limit raised ${String(limited)}`);
  return `AuthenticationError ${auth.code}, RateLimitError ${limited.code}`;
});

console.log('consumer smoke: every check ok');
