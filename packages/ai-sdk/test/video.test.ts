/**
 * `experimental_generateVideo` with the real `ai` package (6.x, video model specification v3) against the mock's
 * Video V2 endpoints: the request body built from the AI SDK's options, the downloaded MP4, the task id in the
 * provider metadata, the warnings, and the retry rule once a task exists.
 */

import { APICallError } from '@ai-sdk/provider';
import { TaskFailedError } from '@minimax-ts/sdk';
import { experimental_generateVideo as generateVideo } from 'ai';
import { describe, expect, it } from 'vitest';
import { resolutionFor } from '../src/video/prepare-video.ts';
import { useMock } from './fixture.ts';

const mock = useMock();
const settings = { pollInterval: 5 };
/** The AI SDK refuses to download from private addresses (SSRF protection): the mock's own URL needs this. */
const download = async ({ url }: { url: URL }) => {
  const response = await fetch(url);
  return {
    data: new Uint8Array(await response.arrayBuffer()),
    mediaType: response.headers.get('content-type') ?? undefined,
  };
};

describe('generateVideo (MiniMax-H3)', () => {
  it('maps a text prompt, downloads the MP4 and reports the task id', async () => {
    const { minimax, sent } = mock.provider(settings);
    const result = await generateVideo({
      model: minimax.video('MiniMax-H3'),
      prompt: 'A paper boat drifting down a rainy street',
      aspectRatio: '9:16',
      resolution: '1080x1920',
      duration: 6,
      maxRetries: 0,
      download,
    });
    expect(new TextDecoder().decode(result.video.uint8Array.slice(4, 8))).toBe('ftyp');
    expect(result.video.mediaType).toBe('video/mp4');
    expect(result.warnings).toEqual([]);
    const create = sent.find((r) => r.method === 'POST');
    expect(create?.path).toBe('/v2/video_generation');
    expect(create?.body).toEqual({
      model: 'MiniMax-H3',
      content: [{ type: 'text', text: 'A paper boat drifting down a rainy street' }],
      resolution: '2K',
      duration: 6,
      ratio: '9:16',
    });
    const taskId = (result.providerMetadata.minimax as { taskId: string }).taskId;
    expect(taskId).toMatch(/^\d{15}$/);
    expect(result.providerMetadata.minimax).toMatchObject({ videos: [{ taskId, resolution: '2K', ratio: '9:16' }] });
    const polls = sent.filter((r) => r.path === `/v2/query/video_generation/${taskId}`);
    expect(polls.length).toBeGreaterThan(0);
    // The create's Trace-Id names the generation; the headers (and pollTraceId) are the final poll's.
    expect(create?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.providerMetadata.minimax).toMatchObject({
      traceId: create?.traceId,
      videos: [{ traceId: create?.traceId, pollTraceId: polls.at(-1)?.traceId }],
    });
    expect(result.responses[0]?.headers?.['trace-id']).toBe(polls.at(-1)?.traceId);
  });

  it('defaults a text-only call to 16:9, 768P and 5 s, and warns about fps, seed and silent video', async () => {
    const { minimax, sent } = mock.provider(settings);
    const result = await generateVideo({
      model: minimax.video('MiniMax-H3-Max'),
      prompt: 'Fireflies over a meadow',
      fps: 24,
      seed: 7,
      generateAudio: false,
      providerOptions: { minimax: { aigc_watermark: true } },
      maxRetries: 0,
      download,
    });
    expect(sent[0]?.body).toEqual({
      model: 'MiniMax-H3-Max',
      content: [{ type: 'text', text: 'Fireflies over a meadow' }],
      resolution: '768P',
      duration: 5,
      ratio: '16:9',
      aigc_watermark: true,
    });
    expect(result.warnings.map((w) => (w as { feature?: string }).feature)).toEqual(['fps', 'seed', 'generateAudio']);
  });

  it('sends frames as first_frame / last_frame (data URIs for bytes) without a ratio', async () => {
    const { minimax, sent } = mock.provider(settings);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await generateVideo({
      model: minimax.video('MiniMax-H3'),
      prompt: { image: 'https://example.com/start.png', text: 'The door swings open' },
      frameImages: [{ image: png, frameType: 'last_frame' }],
      maxRetries: 0,
      download,
    });
    expect(sent[0]?.body.content).toEqual([
      { type: 'text', text: 'The door swings open' },
      { type: 'image_url', image_url: { url: 'https://example.com/start.png' }, role: 'first_frame' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' }, role: 'last_frame' },
    ]);
    expect(sent[0]?.body.ratio).toBeUndefined();
  });

  it('routes references by media type', async () => {
    const { minimax, sent } = mock.provider(settings);
    await generateVideo({
      model: minimax.video('MiniMax-H3'),
      prompt: 'The character speaks: follow the wind',
      inputReferences: [
        { data: 'https://example.com/face.jpg', mediaType: 'image/jpeg' },
        { data: 'https://example.com/clip.mp4', mediaType: 'video/mp4' },
      ],
      aspectRatio: 'adaptive',
      maxRetries: 0,
      download,
    });
    expect(sent[0]?.body.content.slice(1)).toEqual([
      { type: 'image_url', image_url: { url: 'https://example.com/face.jpg' }, role: 'reference_image' },
      { type: 'video_url', video_url: { url: 'https://example.com/clip.mp4' }, role: 'reference_video' },
    ]);
    expect(sent[0]?.body.ratio).toBe('adaptive');
  });

  it('a failed task is not retried by the AI SDK (it would bill a second video) and keeps its id', async () => {
    const { minimax, sent } = mock.provider(settings);
    const error = await generateVideo({
      model: minimax.video('MiniMax-H3'),
      prompt: 'Doomed',
      headers: mock.scenario('task_fail'),
      maxRetries: 2,
      download,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).code).toBe('1026');
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a poll that fails once the task exists is an APICallError marked not retryable, naming the task', async () => {
    // Every poll (a GET: no body) is rate-limited; the create goes through.
    const { minimax, sent } = mock.provider({ ...settings, maxRetries: 0 }, (body, headers) => {
      if (body === undefined) headers.set('Prefer', 'scenario=rate_limit');
    });
    const error = await generateVideo({
      model: minimax.video('MiniMax-H3'),
      prompt: 'A slow one',
      maxRetries: 2,
      download,
    }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    const callError = error as APICallError;
    expect(callError.isRetryable).toBe(false);
    expect(callError.statusCode).toBe(429);
    expect((callError.cause as { taskId?: string }).taskId).toMatch(/^\d{15}$/);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a rate-limited create is retried by the AI SDK (no task exists yet)', async () => {
    // Only the create (a POST, with a body) is rate-limited, once.
    const once = mock.scenario('rate_limit_once');
    const { minimax, sent } = mock.provider({ ...settings, maxRetries: 0 }, (body, headers) => {
      if (body !== undefined) for (const [name, value] of Object.entries(once)) headers.set(name, value);
    });
    const result = await generateVideo({
      model: minimax.video('MiniMax-H3'),
      prompt: 'Try again',
      maxRetries: 1,
      download,
    });
    expect(result.videos).toHaveLength(1);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('maps resolutions by their short side', () => {
    expect(resolutionFor('854x480')).toBe('480P');
    expect(resolutionFor('1366x768')).toBe('768P');
    expect(resolutionFor('768x1366')).toBe('768P');
    expect(resolutionFor('2560x1440')).toBe('2K');
  });

  it('refuses a call without a prompt', async () => {
    const { minimax, sent } = mock.provider(settings);
    const error = await generateVideo({
      model: minimax.video('MiniMax-H3'),
      prompt: { image: 'https://example.com/start.png' },
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AI_InvalidArgumentError');
    expect(sent).toEqual([]);
  });
});
