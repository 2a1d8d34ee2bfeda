/** The request builders' rules: defaults, option checks, warnings. */

import type { ImageModelV3CallOptions } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { prepareImage } from '../src/image/prepare-image.ts';
import { languageOptions } from '../src/language/language-options.ts';
import { defaultMaxTokens, prepareRequest } from '../src/language/prepare-request.ts';
import { prepareTools } from '../src/language/prepare-tools.ts';
import { languageBoost } from '../src/speech/language-boost.ts';
import { prepareSpeech } from '../src/speech/prepare-speech.ts';

const imageCall = (extra: Partial<ImageModelV3CallOptions>): ImageModelV3CallOptions => ({
  prompt: 'p',
  n: 1,
  size: undefined,
  aspectRatio: undefined,
  seed: undefined,
  files: undefined,
  mask: undefined,
  providerOptions: {},
  ...extra,
});

describe('language requests', () => {
  it('defaults max_tokens to MiniMax’s recommendation per model', () => {
    expect(defaultMaxTokens('MiniMax-M3')).toBe(131_072);
    expect(defaultMaxTokens('minimax-m3-preview')).toBe(131_072);
    expect(defaultMaxTokens('MiniMax-M2.7')).toBe(65_536);
  });

  it('maps every tool choice', () => {
    const tools = [{ type: 'function' as const, name: 'f', inputSchema: { type: 'object' as const } }];
    expect(prepareTools(tools, { type: 'auto' }).toolChoice).toEqual({ type: 'auto' });
    expect(prepareTools(tools, { type: 'none' }).toolChoice).toEqual({ type: 'none' });
    expect(prepareTools(tools, { type: 'required' }).toolChoice).toEqual({ type: 'any' });
    expect(prepareTools(tools, { type: 'tool', toolName: 'f' }).toolChoice).toEqual({ type: 'tool', name: 'f' });
    expect(prepareTools([], { type: 'auto' })).toEqual({ tools: undefined, toolChoice: undefined, warnings: [] });
  });

  it('drops provider-defined tools with a warning', () => {
    const prepared = prepareTools([{ type: 'provider', id: 'openai.web_search', name: 'web', args: {} }], undefined);
    expect(prepared.tools).toBeUndefined();
    expect(prepared.warnings).toEqual([{ type: 'unsupported', feature: 'provider-defined tool openai.web_search' }]);
  });

  it('checks provider options and names the field it refuses', () => {
    expect(languageOptions({ minimax: { thinking: { type: 'enabled', budgetTokens: 1024 } } })).toEqual({
      thinking: { type: 'enabled', budgetTokens: 1024 },
    });
    expect(() => languageOptions({ minimax: { thinking: { type: 'adaptive', budgetTokens: -1 } } })).toThrow(
      /providerOptions\.minimax\.thinking\.budgetTokens must be a positive integer/,
    );
    expect(() => languageOptions({ minimax: { serviceTier: 'gold' } })).toThrow(/serviceTier/);
    expect(() => languageOptions({ minimax: { userId: 7 } })).toThrow(/userId must be a string/);
    expect(() => languageOptions({ minimax: { thinking: 'on' } })).toThrow(/thinking must be an object/);
  });

  it('sends thinking as the endpoint spells it', () => {
    const { body } = prepareRequest('MiniMax-M3', {
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
      providerOptions: { minimax: { thinking: { type: 'enabled', budgetTokens: 2048 } } },
    });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
  });
});

describe('speech requests', () => {
  it('maps language codes to language_boost names', () => {
    expect(languageBoost('en')).toBe('English');
    expect(languageBoost('zh-CN')).toBe('Chinese');
    expect(languageBoost('yue')).toBe('Chinese,Yue');
    expect(languageBoost('auto')).toBe('auto');
    expect(languageBoost('xx')).toBeUndefined();
  });

  it('keeps timbre_weights voices and refuses URL output', () => {
    const { body, warnings } = prepareSpeech('speech-2.8-hd', {
      text: 'Hi',
      providerOptions: {
        minimax: { timbre_weights: [{ voice_id: 'a', weight: 1 }], output_format: 'url', model: 'ignored' },
      },
    });
    expect(body).toEqual({ model: 'speech-2.8-hd', text: 'Hi', timbre_weights: [{ voice_id: 'a', weight: 1 }] });
    expect(warnings).toEqual([expect.objectContaining({ feature: 'providerOptions.minimax.output_format' })]);
  });

  it('refuses a voice_setting that is not an object', () => {
    expect(() =>
      prepareSpeech('speech-2.8-hd', { text: 'x', providerOptions: { minimax: { voice_setting: 'v' } } }),
    ).toThrow(/providerOptions\.minimax\.voice_setting must be an object/);
  });
});

describe('image requests', () => {
  it('needs a prompt', () => {
    expect(() => prepareImage('image-01', imageCall({ prompt: undefined }))).toThrow(/needs a prompt/);
  });

  it('warns about aspect ratios MiniMax lacks, a size next to an aspect ratio, and masks', () => {
    expect(prepareImage('image-01', imageCall({ aspectRatio: '5:4' })).warnings).toEqual([
      expect.objectContaining({ feature: 'aspectRatio' }),
    ]);
    const both = prepareImage('image-01', imageCall({ aspectRatio: '1:1', size: '1024x1024' }));
    expect(both.body).toMatchObject({ aspect_ratio: '1:1' });
    expect(both.body).not.toHaveProperty('width');
    expect(both.warnings).toEqual([expect.objectContaining({ feature: 'size' })]);
    const masked = prepareImage('image-01', imageCall({ mask: { type: 'url', url: 'https://example.com/m.png' } }));
    expect(masked.warnings).toEqual([expect.objectContaining({ feature: 'mask' })]);
  });

  it('sends input images as character references', () => {
    const { body, warnings } = prepareImage(
      'image-01',
      imageCall({
        files: [
          { type: 'file', mediaType: 'image/png', data: new Uint8Array([1]) },
          { type: 'url', url: 'https://example.com/face.jpg' },
        ],
        providerOptions: { minimax: { prompt_optimizer: true } },
      }),
    );
    expect(body).toMatchObject({
      prompt_optimizer: true,
      subject_reference: [
        { type: 'character', image_file: 'data:image/png;base64,AQ==' },
        { type: 'character', image_file: 'https://example.com/face.jpg' },
      ],
    });
    expect(warnings).toEqual([expect.objectContaining({ type: 'compatibility', feature: 'files' })]);
  });
});
