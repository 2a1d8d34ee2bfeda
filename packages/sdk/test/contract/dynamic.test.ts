/**
 * The mock's `--dynamic` mode fills every field a response schema allows with generated values. Every body it
 * produces is something the real API could send, so a client validating strictly against the same spec must accept
 * all of them: this runs every SDK operation against `dynamic: true` for several seeds with `validate: 'strict'`.
 * A failure here means a response schema allows a body no client accepts (a success envelope with a non-zero code,
 * audio that is not hex, an id that breaks its pattern) — fix the spec, not the test.
 */
import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniMax } from '../../src/index.ts';

const SEEDS = (process.env.DYN_SEEDS ?? 'seed-a,seed-b,seed-c,seed-d,seed-e,seed-f').split(',');

/** Every resource method the SDK has, each with the smallest valid arguments. */
const CALLS: Record<string, (mm: MiniMax) => Promise<unknown>> = {
  'chat.create': (mm) => mm.chat.create({ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi' }] }),
  'chat.stream': async (mm) => {
    const stream = await mm.chat.create({
      model: 'MiniMax-M2',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    for await (const _ of stream) {
    }
  },
  'openai.chat.completions.create': (mm) =>
    mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi' }] }),
  'anthropic.messages.create': (mm) =>
    mm.anthropic.messages.create({ model: 'MiniMax-M2', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] }),
  'speech.create': (mm) =>
    mm.speech.create({ model: 'speech-2.6-hd', text: 'Hi', voice_setting: { voice_id: 'English_Graceful_Lady' } }),
  'speech.tasks': async (mm) => {
    const task = await mm.speech.tasks.create({
      model: 'speech-2.6-hd',
      text: 'Hi',
      voice_setting: { voice_id: 'English_Graceful_Lady' },
    });
    await mm.speech.tasks.retrieve(task.task_id!);
  },
  files: async (mm) => {
    const { file } = await mm.files.upload({ file: new Uint8Array(8), filename: 'a.mp3', purpose: 'voice_clone' });
    await mm.files.list({ purpose: 'voice_clone' });
    await mm.files.retrieve(file!.file_id);
    await (await mm.files.content(file!.file_id)).bytes();
    await mm.files.delete({ file_id: file!.file_id, purpose: 'voice_clone' });
  },
  'voices.clone': (mm) => mm.voices.clone({ file_id: '307128846223581184', voice_id: 'Voice0001' }),
  'voices.design': (mm) => mm.voices.design({ prompt: 'warm', preview_text: 'Hello' }),
  'voices.list': (mm) => mm.voices.list({ voice_type: 'all' }),
  'voices.delete': (mm) => mm.voices.delete({ voice_id: 'Voice0001', voice_type: 'voice_cloning' } as never),
  video: async (mm) => {
    const video = await mm.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'cat' });
    await mm.video.retrieve(video.task_id!);
  },
  'video.templates': async (mm) => {
    const task = await mm.video.templates.create({ template_id: '392747428568649728' } as never);
    await mm.video.templates.retrieve(task.task_id!);
  },
  'images.generate': (mm) => mm.images.generate({ model: 'image-01', prompt: 'cat' }),
  'music.generate': (mm) => mm.music.generate({ model: 'music-2.0', prompt: 'folk', lyrics: '[Verse]\nHi' } as never),
};

for (const seed of SEEDS) {
  describe(`--dynamic, seed ${seed}`, () => {
    let server: MockServer | undefined;
    beforeAll(async () => {
      server = await startMock({ port: 0, dynamic: true, seed, streamDelayMs: 0, taskPolls: 0 });
    });
    afterAll(async () => {
      await server?.close();
    });
    for (const [name, call] of Object.entries(CALLS)) {
      it(name, async () => {
        const mm = new MiniMax({
          apiKey: 'k',
          baseURL: server!.url,
          validate: 'strict',
          maxRetries: 0,
          logLevel: 'off',
        });
        await expect(call(mm)).resolves.not.toThrow();
      });
    }
  });
}
