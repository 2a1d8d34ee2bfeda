import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { MiniMax } from '../../src/index.ts';
import { recordingFetch, useMock } from './mock-fixture.ts';

const mock = useMock();
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Every resource method once, with the smallest valid arguments. */
async function callEverything(mm: MiniMax): Promise<void> {
  const messages = [{ role: 'user' as const, content: 'Hi' }];
  const voice = { voice_id: 'English_Graceful_Lady' };
  await mm.chat.create({ model: 'MiniMax-M2', messages });
  await mm.openai.chat.completions.create({ model: 'MiniMax-M2', messages });
  await mm.anthropic.messages.create({ model: 'MiniMax-M2', max_tokens: 64, messages });
  await mm.speech.create({ model: 'speech-2.6-hd', text: 'Hi', voice_setting: voice });
  const task = await mm.speech.tasks.create({ model: 'speech-2.6-hd', text: 'Hi', voice_setting: voice });
  await mm.speech.tasks.retrieve(task.task_id!);
  const { file } = await mm.files.upload({ file: new Uint8Array(8), filename: 'a.mp3', purpose: 'voice_clone' });
  await mm.files.list({ purpose: 'voice_clone' });
  await mm.files.retrieve(file!.file_id);
  await (await mm.files.content(file!.file_id)).bytes();
  await mm.voices.clone({ file_id: file!.file_id, voice_id: 'Voice001' });
  await mm.voices.design({ prompt: 'warm', preview_text: 'Hello' });
  await mm.voices.list({ voice_type: 'all' });
  await mm.voices.delete({ voice_id: 'Voice001', voice_type: 'voice_cloning' });
  await mm.files.delete({ file_id: file!.file_id, purpose: 'voice_clone' });
  const video = await mm.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'cat' });
  await mm.video.retrieve(video.task_id!);
  const template = await mm.video.templates.create({ template_id: '392747428568649728' } as never);
  await mm.video.templates.retrieve(template.task_id!);
  await mm.images.generate({ model: 'image-01', prompt: 'cat' });
  await mm.music.generate({ model: 'music-2.0', prompt: 'folk', lyrics: '[Verse]\nHi' });
  await mm.transcriptions.create({ file: new Uint8Array(8), filename: 'a.mp3', model: 'asr-1.0' });
  await mm.responses.create({ model: 'MiniMax-M3', input: 'Hi' });
  await mm.responses.inputTokens({ model: 'MiniMax-M3', input: 'Hi' });
  await mm.models.list();
  await mm.models.retrieve('MiniMax-M3');
  await mm.music.generateLyrics({ mode: 'write_full_song', prompt: 'a summer song' });
  await mm.music.coverPreprocess({ model: 'music-cover', audio_url: 'https://example.com/song.mp3' });
  await mm.account.tokenPlanRemains();
  await mm.account.balance();
  // Video V2 (MiniMax-H3)
  const content = [{ type: 'text' as const, text: 'cat' }];
  const v2 = await mm.video.v2.create({ model: 'MiniMax-H3', content, resolution: '2K', duration: 5, ratio: '16:9' });
  await mm.video.v2.retrieve(v2.task_id);
  await mm.video.v2.list({ page_size: 1 });
  await mm.video.v2.cancel(v2.task_id);
  await mm.video.v2.createPromptEnhancement({ model: 'MiniMax-H3', content, duration: 5, ratio: '16:9' });
}

describe('coverage', () => {
  it('reaches every operation of the effective spec through the resource API', async () => {
    const spec = JSON.parse(await readFile(new URL('../../../../spec/minimax.openapi.json', import.meta.url), 'utf8'));
    const expected = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => HTTP_METHODS.has(key)) // a path item also holds `servers`, `parameters`
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    const recorder = recordingFetch();
    await callEverything(mock.client({ fetch: recorder.fetch }));
    // A called path (`/v1/models/MiniMax-M3`, `/v2/query/video_generation/4240…`) counts for its template.
    const templateOf = (call: string) =>
      expected.find((e) => new RegExp(`^${e.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(call)) ??
      call;
    expect([...new Set(recorder.calls.map(templateOf))].sort()).toEqual(expected);
  });
});
