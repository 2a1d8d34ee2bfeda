import { describe, expect, it } from 'vitest';
import { useMock } from './mock-fixture.ts';

const mock = useMock();
const voice = { voice_id: 'English_Graceful_Lady' };

describe('speech', () => {
  it('creates speech and decodes the hex audio', async () => {
    const result = await mock
      .client()
      .speech.create({ model: 'speech-2.6-hd', text: 'Hello there.', voice_setting: voice });
    expect(result.audio).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(result.audio!).toString('hex')).toBe(result.data?.audio?.toLowerCase());
  });

  it('streams decoded audio with no duplicated aggregate, whether or not the server sends it', async () => {
    const client = mock.client();
    const excluded = await (
      await client.speech.stream({ model: 'speech-2.6-hd', text: 'Hello there.', voice_setting: voice })
    ).collect();
    const withAggregate = await client.speech.stream({
      model: 'speech-2.6-hd',
      text: 'Hello there.',
      voice_setting: voice,
      stream_options: { exclude_aggregated_audio: false },
    });
    const chunks: Uint8Array[] = [];
    for await (const bytes of withAggregate) chunks.push(bytes);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(total).toBe(excluded.length);
    expect(withAggregate.finalEvent?.data?.status).toBe(2);
  });

  it('runs an async speech task to its result file', async () => {
    const client = mock.client();
    const task = await client.speech.tasks.create({
      model: 'speech-2.6-hd',
      text: 'A long text.',
      voice_setting: voice,
    });
    expect(task.task_id).toMatch(/^\d{18,19}$/);
    const statuses: string[] = [];
    const done = await client.speech.tasks.wait(task.task_id!, { onProgress: (p) => statuses.push(p.status) });
    expect(statuses.at(-1)?.toLowerCase()).toBe('success');
    const content = await client.files.content(done.file_id!);
    expect((await content.bytes()).length).toBeGreaterThan(0);
  });
});

describe('music', () => {
  it('generates music and decodes it', async () => {
    const result = await mock.client().music.generate({ model: 'music-2.0', prompt: 'folk', lyrics: '[Verse]\nHello' });
    expect(result.audio?.length).toBeGreaterThan(0);
  });

  it('streams music bytes once', async () => {
    const stream = await mock.client().music.stream({ model: 'music-2.0', prompt: 'folk', lyrics: '[Verse]\nHello' });
    const bytes = await stream.collect();
    expect(bytes.length).toBeGreaterThan(0);
  });
});

describe('voices', () => {
  it('clones from an uploaded file with an id above 2^53', async () => {
    const client = mock.client();
    const { file } = await client.files.upload({
      file: new Uint8Array(64),
      filename: 'sample.mp3',
      purpose: 'voice_clone',
    });
    expect(BigInt(file!.file_id)).toBeGreaterThan(2n ** 53n);
    const cloned = await client.voices.clone({ file_id: file!.file_id, voice_id: 'NarratorVoice001' });
    expect(cloned.base_resp.status_code).toBe(0);
  });

  it('designs a voice and decodes its preview', async () => {
    const designed = await mock.client().voices.design({ prompt: 'A warm narrator', preview_text: 'Hello.' });
    expect(designed.voice_id).toBeTruthy();
    expect(designed.audio?.length).toBeGreaterThan(0);
  });

  it('lists and deletes voices', async () => {
    const client = mock.client();
    const voices = await client.voices.list({ voice_type: 'all' });
    expect(voices.base_resp.status_code).toBe(0);
    const deleted = await client.voices.delete({ voice_id: 'NarratorVoice001', voice_type: 'voice_cloning' });
    expect(deleted.base_resp.status_code).toBe(0);
  });
});
