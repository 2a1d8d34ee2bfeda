/** `generateSpeech` and `generateImage` with the real `ai` package against the mock's native endpoints. */

import { generateImage, experimental_generateSpeech as generateSpeech } from 'ai';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_ID } from '../src/index.ts';
import { useMock } from './fixture.ts';

const mock = useMock();

describe('generateSpeech', () => {
  it('returns the decoded audio, with the trace id and audio metadata', async () => {
    const { minimax, sent } = mock.provider();
    const result = await generateSpeech({
      model: minimax.speech('speech-2.8-hd'),
      text: 'Hello there',
      voice: 'English_expressive_narrator',
      speed: 1.2,
      language: 'en',
      outputFormat: 'mp3',
      maxRetries: 0,
    });
    // The mock's example audio: hex of an MP3 starting with an ID3 tag.
    expect(Buffer.from(result.audio.uint8Array.subarray(0, 3)).toString()).toBe('ID3');
    expect(result.audio.mediaType).toBe('audio/mp3');
    expect(result.providerMetadata.minimax).toMatchObject({
      traceId: sent[0]?.traceId,
      extraInfo: { audio_length: 5520, audio_format: 'mp3' },
    });
    expect(sent[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.responses[0]?.headers?.['trace-id']).toBe(sent[0]?.traceId);
    expect(result.warnings).toEqual([]);
    expect(sent[0]?.path).toBe('/v1/t2a_v2');
    expect(sent[0]?.body).toEqual({
      model: 'speech-2.8-hd',
      text: 'Hello there',
      stream: false,
      language_boost: 'English',
      voice_setting: { voice_id: 'English_expressive_narrator', speed: 1.2 },
      audio_setting: { format: 'mp3' },
    });
  });

  it('uses the default voice, merges provider options, and warns about what MiniMax cannot do', async () => {
    const { minimax, sent } = mock.provider();
    const result = await generateSpeech({
      model: minimax.speech('speech-2.8-turbo'),
      text: 'Hi',
      instructions: 'Whisper',
      outputFormat: 'ogg',
      language: 'tlh',
      providerOptions: { minimax: { voice_setting: { emotion: 'happy' }, audio_setting: { sample_rate: 24000 } } },
      maxRetries: 0,
    });
    expect(sent[0]?.body).toMatchObject({
      voice_setting: { voice_id: DEFAULT_VOICE_ID, emotion: 'happy' },
      audio_setting: { sample_rate: 24000 },
    });
    expect(sent[0]?.body).not.toHaveProperty('language_boost');
    expect(result.warnings.map((w) => (w.type === 'other' ? w.message : w.feature))).toEqual([
      'outputFormat',
      'language',
      'instructions',
    ]);
  });
});

describe('generateImage', () => {
  it('asks for base64 and returns the image bytes', async () => {
    const { minimax, sent } = mock.provider();
    const result = await generateImage({
      model: minimax.image('image-01'),
      prompt: 'A lighthouse at dawn',
      aspectRatio: '16:9',
      seed: 7,
      headers: { Prefer: 'example=base64' },
      maxRetries: 0,
    });
    expect(result.images).toHaveLength(1);
    expect(result.image.base64).toMatch(/^\/9j\//);
    expect(result.image.mediaType).toBe('image/jpeg');
    // The response's Trace-Id (the body's `id` is only the fallback), and the headers, on success.
    expect(sent[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.providerMetadata.minimax).toEqual({ images: [{ traceId: sent[0]?.traceId }] });
    expect(result.responses[0]?.headers?.['trace-id']).toBe(sent[0]?.traceId);
    expect(sent[0]?.body).toEqual({
      model: 'image-01',
      prompt: 'A lighthouse at dawn',
      n: 1,
      aspect_ratio: '16:9',
      seed: 7,
      response_format: 'base64',
    });
  });

  it('maps size to width and height, and splits more than 9 images over several calls', async () => {
    const { minimax, sent } = mock.provider();
    const result = await generateImage({
      model: minimax.image('image-01'),
      prompt: 'Tiles',
      n: 11,
      size: '1024x768',
      headers: { Prefer: 'example=base64' },
      maxRetries: 0,
    });
    expect(sent.map((s) => s.body.n)).toEqual([9, 2]);
    expect(sent[0]?.body).toMatchObject({ width: 1024, height: 768 });
    // The mock's base64 example holds one image per call.
    expect(result.images).toHaveLength(2);
  });

  it('fails with the URLs when the server answers URLs instead of base64', async () => {
    const { minimax } = mock.provider();
    const call = generateImage({ model: minimax.image('image-01'), prompt: 'A cat', maxRetries: 0 });
    await expect(call).rejects.toMatchObject({
      name: 'AI_InvalidResponseDataError',
      message: expect.stringContaining('https://cdn.example.com/image_generation/'),
    });
  });
});
