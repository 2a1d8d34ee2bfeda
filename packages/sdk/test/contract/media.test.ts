import { describe, expect, it } from 'vitest';
import { TaskFailedError } from '../../src/index.ts';
import { useMock } from './mock-fixture.ts';

const mock = useMock();

describe('images', () => {
  it('generates images', async () => {
    const result = await mock.client().images.generate({ model: 'image-01', prompt: 'A lighthouse at dawn' });
    expect(result.data?.image_urls?.length ?? result.data?.image_base64?.length).toBeGreaterThan(0);
  });
});

describe('video', () => {
  it('creates, polls with progress and finds the download URL', async () => {
    const progress: Array<{ status: string; polls: number }> = [];
    const video = await mock
      .client()
      .video.generate(
        { model: 'MiniMax-Hailuo-02', prompt: 'A cat surfing a wave' },
        { onProgress: (p) => progress.push({ status: p.status, polls: p.polls }) },
      );
    expect(video.task_id).toBeTruthy();
    expect(video.file_id).toMatch(/^\d+$/);
    expect(video.download_url).toMatch(/^http/);
    expect(progress.at(-1)?.status).toBe('Success');
    expect(progress.map((p) => p.polls)).toEqual(progress.map((_, i) => i + 1));
    const download = await fetch(video.download_url!);
    expect(download.ok).toBe(true);
  });

  it('raises TaskFailedError carrying the task id when the task fails', async () => {
    const client = mock.client();
    const { task_id } = await client.video.create(
      { model: 'MiniMax-Hailuo-02', prompt: 'doomed' },
      mock.scenario('task_fail'),
    );
    const error = await client.video.wait(task_id!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).taskId).toBe(task_id);
    expect((error as TaskFailedError).status.toLowerCase()).toMatch(/^fail/);
  });

  it('stops waiting when the signal aborts, keeping the task id', async () => {
    const client = mock.client({ pollInterval: 1_000 });
    const { task_id } = await client.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'slow' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = (await client.video
      .wait(task_id!, { signal: controller.signal })
      .catch((e: unknown) => e)) as Error & {
      taskId?: string;
    };
    expect(error.name).toBe('APIUserAbortError');
    expect(error.taskId).toBe(task_id);
  });

  it('gives up after its timeout with an APITimeoutError that names the task', async () => {
    const client = mock.client({ pollInterval: 20 });
    const { task_id } = await client.video.create({ model: 'MiniMax-Hailuo-02', prompt: 'slow' });
    const error = (await client.video.wait(task_id!, { timeout: 30 }).catch((e: unknown) => e)) as Error & {
      taskId?: string;
    };
    expect(error.name).toBe('APITimeoutError');
    expect(error.taskId).toBe(task_id);
  });

  it('runs a video template task', async () => {
    const client = mock.client();
    const task = await client.video.templates.create({ template_id: '392747428568649728' } as never);
    const done = await client.video.templates.wait(task.task_id!);
    expect(done.status).toBe('Success');
  });
});
