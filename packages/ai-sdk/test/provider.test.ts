/** The provider object: its factories, its lazily built client, and models that survive ai 7's Proxy adapter. */

import { NoSuchModelError } from '@ai-sdk/provider';
import { MiniMax } from '@minimax-ts/sdk';
import { generateImage, experimental_generateSpeech as generateSpeech, generateText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { createMiniMax, minimax } from '../src/index.ts';
import { recordingFetch, useMock } from './fixture.ts';

const mock = useMock();

/**
 * What ai 7 does to a v3 model (`asSpeechModelV4`, `asImageModelV4`): a Proxy that hands out the model's methods
 * unbound, so they run with the Proxy as `this`. (ai 7 also reports `v4`; ai 6 would refuse that, so not here.)
 */
const asProxied = <T extends object>(model: T): T =>
  new Proxy(model, { get: (target, prop) => Reflect.get(target, prop) });

describe('createMiniMax', () => {
  it('is callable and has a factory per model kind', () => {
    const provider = createMiniMax({ apiKey: 'k' });
    expect(provider('MiniMax-M2.7')).toMatchObject({
      specificationVersion: 'v3',
      provider: 'minimax.chat',
      modelId: 'MiniMax-M2.7',
    });
    expect(provider.chat('MiniMax-M3').modelId).toBe('MiniMax-M3');
    expect(provider.languageModel('MiniMax-M3').provider).toBe('minimax.chat');
    expect(provider.speech('speech-2.8-hd')).toMatchObject({ specificationVersion: 'v3', provider: 'minimax.speech' });
    expect(provider.speechModel('speech-2.8-turbo').modelId).toBe('speech-2.8-turbo');
    expect(provider.image('image-01')).toMatchObject({ provider: 'minimax.image', maxImagesPerCall: 9 });
    expect(provider.imageModel('image-01-live').modelId).toBe('image-01-live');
    expect(provider.video('MiniMax-H3')).toMatchObject({ provider: 'minimax.video', maxVideosPerCall: 1 });
    expect(provider.videoModel('MiniMax-H3-Max').modelId).toBe('MiniMax-H3-Max');
    expect(provider.specificationVersion).toBe('v3');
    expect(() => provider.embeddingModel('embo-01')).toThrow(NoSuchModelError);
  });

  it('builds one client on first use, with the provider headers merged over defaultHeaders', async () => {
    const { fetch, sent } = recordingFetch();
    const provider = createMiniMax({
      apiKey: 'k',
      baseURL: mock.url,
      logLevel: 'off',
      fetch,
      defaultHeaders: { 'x-a': '1', 'x-b': '1' },
      headers: { 'x-b': '2' },
    });
    const client = provider.client;
    expect(client).toBeInstanceOf(MiniMax);
    expect(provider.client).toBe(client);
    expect(client.baseURL).toBe(mock.url);
    await generateText({ model: provider('MiniMax-M2.7'), prompt: 'Hi', maxRetries: 0 });
    expect(sent[0]?.headers.get('x-a')).toBe('1');
    expect(sent[0]?.headers.get('x-b')).toBe('2');
  });

  it('uses a client it is given', () => {
    const client = new MiniMax({ apiKey: 'k', baseURL: mock.url });
    expect(createMiniMax({ client }).client).toBe(client);
  });

  it('the default instance reads the environment on first use, not at import', () => {
    vi.stubEnv('MINIMAX_API_KEY', 'from-env');
    vi.stubEnv('MINIMAX_REGION', 'cn');
    try {
      const fresh = createMiniMax();
      expect(fresh.client.baseURL).toBe('https://api.minimax.cn');
      expect(typeof minimax).toBe('function');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('models behind a Proxy (how ai 7 adapts v3 models)', () => {
  it('language, speech and image models work with the Proxy as `this`', async () => {
    const { minimax: provider } = mock.provider();
    const text = await generateText({ model: asProxied(provider('MiniMax-M2.7')), prompt: 'Hi', maxRetries: 0 });
    expect(text.text).toMatch(/^9\.9/);
    const speech = await generateSpeech({
      model: asProxied(provider.speech('speech-2.8-hd')),
      text: 'Hi',
      maxRetries: 0,
    });
    expect(speech.audio.uint8Array.length).toBeGreaterThan(0);
    const image = await generateImage({
      model: asProxied(provider.image('image-01')),
      prompt: 'A cat',
      headers: { Prefer: 'example=base64' },
      maxRetries: 0,
    });
    expect(image.images).toHaveLength(1);
  });
});
