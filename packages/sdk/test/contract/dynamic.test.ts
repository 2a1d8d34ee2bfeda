/**
 * The mock's `--dynamic` mode fills every field a response schema allows with generated values. Each such body is
 * something the real API could send according to the spec, so a client validating strictly against the same spec
 * must accept all of them: every SDK operation runs against `dynamic: true` for several seeds with
 * `validate: 'strict'`, and any thrown error (a `ResponseValidationError`, an `APIError` from a success body with a
 * non-zero code, a hex decoding error…) fails the test. A failure means a response schema allows a body no client
 * accepts — fix the spec, not the test. Streams replay the spec's SSE examples (a schema cannot say how a stream
 * starts and ends), so they are checked too, event by event.
 */
import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniMax } from '../../src/index.ts';

const SEEDS = ['dyn-1', 'dyn-2', 'dyn-3', 'dyn-4', 'dyn-5', 'dyn-6'];
const messages = [{ role: 'user' as const, content: 'Hi' }];
const voice = { voice_id: 'English_Graceful_Lady' };

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) {
    // every event is parsed and validated as it arrives
  }
}

/** Every SDK resource method, with the smallest valid arguments (a later helper adds the issue #10 endpoints). */
const CALLS: Record<string, (mm: MiniMax) => Promise<unknown>> = {
  'chat.create': (mm) => mm.chat.create({ model: 'MiniMax-M2', messages }),
  'chat.create (stream)': async (mm) => drain(await mm.chat.create({ model: 'MiniMax-M2', messages, stream: true })),
  'openai.chat.completions.create': (mm) => mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages }),
  'openai.chat.completions.create (stream)': async (mm) =>
    drain(await mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages, stream: true })),
  'anthropic.messages.create': (mm) => mm.anthropic.messages.create({ model: 'MiniMax-M2', max_tokens: 64, messages }),
  'anthropic.messages.stream': async (mm) =>
    drain(await mm.anthropic.messages.stream({ model: 'MiniMax-M2', max_tokens: 64, messages })),
  'speech.create': (mm) => mm.speech.create({ model: 'speech-2.6-hd', text: 'Hi', voice_setting: voice }),
  'speech.stream': async (mm) =>
    drain(await mm.speech.stream({ model: 'speech-2.6-hd', text: 'Hi', voice_setting: voice })),
  'speech.tasks': async (mm) => {
    const task = await mm.speech.tasks.create({ model: 'speech-2.6-hd', text: 'Hi', voice_setting: voice });
    await mm.speech.tasks.retrieve(task.task_id!);
  },
  files: async (mm) => {
    const { file } = await mm.files.upload({ file: new Uint8Array(8), filename: 'a.mp3', purpose: 'voice_clone' });
    await mm.files.list({ purpose: 'voice_clone' });
    await mm.files.list();
    await mm.files.retrieve(file!.file_id);
    await (await mm.files.content(file!.file_id)).bytes();
    await mm.files.delete({ file_id: file!.file_id, purpose: 'voice_clone' });
  },
  'voices.clone': (mm) => mm.voices.clone({ file_id: '307128846223581184', voice_id: 'Voice0001' }),
  'voices.design': (mm) => mm.voices.design({ prompt: 'warm', preview_text: 'Hello' }),
  'voices.list': (mm) => mm.voices.list({ voice_type: 'all' }),
  'voices.delete': (mm) => mm.voices.delete({ voice_id: 'Voice0001', voice_type: 'voice_cloning' }),
  video: async (mm) => {
    const video = await mm.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'cat' });
    await mm.video.retrieve(video.task_id!);
  },
  'video.templates': async (mm) => {
    const task = await mm.video.templates.create({ template_id: '392747428568649728' } as never);
    await mm.video.templates.retrieve(task.task_id!);
  },
  'images.generate': (mm) => mm.images.generate({ model: 'image-01', prompt: 'cat' }),
  'music.generate': (mm) => mm.music.generate({ model: 'music-2.6', prompt: 'folk', lyrics: '[Verse]\nHi' }),
  'music.stream': async (mm) =>
    drain(await mm.music.stream({ model: 'music-2.6', prompt: 'folk', lyrics: '[Verse]\nHi' })),
  'transcriptions.create': async (mm) => {
    const file = { file: new TextEncoder().encode('Hello there.'), filename: 'a.mp3', model: 'asr-1.0' };
    await mm.transcriptions.create(file);
    await mm.transcriptions.create({ ...file, response_format: 'verbose_json', timestamp_level: 'word' });
    await mm.transcriptions.create({ ...file, response_format: 'srt' });
    await mm.transcriptions.create({ ...file, response_format: 'vtt' });
  },
  'transcriptions.create (stream)': async (mm) =>
    drain(
      await mm.transcriptions.create({
        file: new TextEncoder().encode('Hello there.'),
        filename: 'a.mp3',
        model: 'asr-1.0',
        stream: true,
      }),
    ),
  'responses.create': (mm) => mm.responses.create({ model: 'MiniMax-M3', input: 'Hi' }),
  'responses.stream': async (mm) => {
    const stream = await mm.responses.stream({ model: 'MiniMax-M3', input: 'Hi' });
    await stream.finalResponse();
  },
  'responses.inputTokens': (mm) => mm.responses.inputTokens({ model: 'MiniMax-M3', input: 'Hi' }),
  models: async (mm) => {
    await mm.models.list();
    await mm.models.retrieve('MiniMax-M3');
  },
  'music.generateLyrics': (mm) => mm.music.generateLyrics({ mode: 'write_full_song', prompt: 'summer' }),
  'music.coverPreprocess': (mm) => mm.music.coverPreprocess({ model: 'music-cover', audio_url: 'https://a.b/c.mp3' }),
  account: async (mm) => {
    await mm.account.tokenPlanRemains();
    await mm.account.balance();
  },
  'video.v2': async (mm) => {
    const content = [{ type: 'text' as const, text: 'A cat surfing' }];
    const params = { model: 'MiniMax-H3', content, resolution: '2K' as const, duration: 5, ratio: '16:9' as const };
    const { task_id } = await mm.video.v2.create(params);
    await mm.video.v2.retrieve(task_id);
    await mm.video.v2.list({ page_size: 5 });
    await mm.video.v2.cancel(task_id);
    await mm.video.v2.generate(params);
    await mm.video.v2.enhancePrompt({ model: 'MiniMax-H3', content, duration: 5, ratio: '16:9' });
  },
};

for (const seed of SEEDS) {
  describe(`--dynamic, seed ${seed}: strict validation accepts every generated answer`, () => {
    let server: MockServer | undefined;
    beforeAll(async () => {
      server = await startMock({ port: 0, dynamic: true, seed, streamDelayMs: 0, taskPolls: 0 });
    });
    afterAll(async () => {
      await server?.close();
    });
    it.each(Object.entries(CALLS))('%s', async (_, call) => {
      const mm = new MiniMax({
        apiKey: 'k',
        baseURL: server!.url,
        validate: 'strict',
        maxRetries: 0,
        logLevel: 'off',
      });
      await expect(call(mm)).resolves.not.toThrow();
    });
  });
}
