/**
 * `transcribe` (the real `ai` package's `experimental_transcribe`) against the mock's speech-to-text, which
 * transcribes a text file to its own text: the result's text, segments, duration and language, the provider metadata,
 * the file's name on the wire, refused media types and options, and errors as `APICallError`.
 */

import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { ContentSensitiveError, RateLimitError } from '@minimax-ts/sdk';
import { experimental_transcribe as transcribe } from 'ai';
import { describe, expect, it } from 'vitest';
import { MiniMaxTranscriptionModel } from '../src/index.ts';
import { useMock } from './fixture.ts';

const mock = useMock();
const SAID = "Can we go over the agenda?\nSure, let's start with the budget.";
const TEXT = "Can we go over the agenda? Sure, let's start with the budget.";
const audio = new TextEncoder().encode(SAID);

/** A provider whose client records each multipart form and the headers it sent. */
function provider() {
  const forms: Array<{ form: FormData; headers: Headers; traceId?: string | null }> = [];
  const fetchRecording: typeof fetch = async (input, init) => {
    const sent = init?.body instanceof FormData ? { form: init.body, headers: new Headers(init.headers) } : undefined;
    if (sent) forms.push(sent);
    const response = await fetch(input, init);
    if (sent) Object.assign(sent, { traceId: response.headers.get('trace-id') });
    return response;
  };
  return { minimax: mock.provider({ fetch: fetchRecording, maxRetries: 0 }).minimax, forms };
}

describe('transcribe', () => {
  it('returns the text, sentence segments, duration and language; speakers and trace id in metadata', async () => {
    const { minimax, forms } = provider();
    const result = await transcribe({
      model: minimax.transcription('asr-1.0'),
      audio,
      providerOptions: { minimax: { language: 'en-US' } },
      maxRetries: 0,
    });
    expect(result.text).toBe(TEXT);
    expect(result.segments).toEqual([
      { text: 'Can we go over the agenda?', startSecond: 0.1, endSecond: 2.5 },
      { text: "Sure, let's start with the budget.", startSecond: 2.8, endSecond: 5.2 },
    ]);
    expect(result.durationInSeconds).toBe(5.3);
    expect(result.language).toBe('en');
    expect(result.warnings).toEqual([]);
    expect(forms[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.providerMetadata.minimax).toEqual({
      traceId: forms[0]?.traceId,
      nSpeakers: 2,
      speakers: ['S1', 'S2'],
    });
    expect(result.responses[0]?.modelId).toBe('asr-1.0');
    expect(result.responses[0]?.headers?.['trace-id']).toBe(forms[0]?.traceId);
    // Nothing in the text's bytes says a format: the AI SDK assumes audio/wav, and the name says so.
    const file = forms[0]?.form.get('file') as File;
    expect([file.name, file.type]).toEqual(['audio.wav', 'audio/wav']);
    expect(forms[0]?.form.get('response_format')).toBe('verbose_json');
    expect(forms[0]?.headers.get('language')).toBe('en-US');
  });

  it('takes base64 audio and word timestamps; an MP3 is sent as .mp3', async () => {
    const { minimax, forms } = provider();
    const words = await transcribe({
      model: minimax.transcription('asr-1.0'),
      audio: Buffer.from('Hello there').toString('base64'),
      providerOptions: { minimax: { timestamp_level: 'word' } },
      maxRetries: 0,
    });
    expect(words.segments.map((s) => s.text)).toEqual(['Hello', 'there']);
    expect(words.language).toBeUndefined();
    const mp3 = new Uint8Array(96_000).fill(0x55);
    mp3.set([0xff, 0xfb, 0x90, 0x00]);
    const heard = await transcribe({ model: minimax.transcription('asr-1.0'), audio: mp3, maxRetries: 0 });
    expect(heard.text).toBe(TEXT); // the mock's fixed exchange for audio
    expect(heard.durationInSeconds).toBe(6); // 96,000 bytes at 128 kbit/s
    expect((forms[1]!.form.get('file') as File).name).toBe('audio.mp3');
  });

  it('refuses raw PCM and a media type that names no audio format; warns about undocumented formats', async () => {
    const { minimax, forms } = provider();
    const model = minimax.transcription('asr-1.0');
    for (const mediaType of ['audio/pcm', 'audio/L16', 'application/octet-stream']) {
      const error = await Promise.resolve(model.doGenerate({ audio, mediaType })).catch((e) => e);
      expect(InvalidArgumentError.isInstance(error), mediaType).toBe(true);
      expect(error.argument).toBe('mediaType');
    }
    expect(forms).toHaveLength(0);
    const webm = await model.doGenerate({ audio, mediaType: 'audio/webm;codecs=opus' });
    expect(webm.text).toBe(TEXT);
    expect(webm.warnings).toEqual([expect.objectContaining({ type: 'unsupported', feature: 'mediaType' })]);
    expect((forms[0]!.form.get('file') as File).name).toBe('audio.webm');
  });

  it('checks provider options: a wrong value is refused, an unknown one warned about', async () => {
    const { minimax } = provider();
    const model = minimax.transcription('asr-1.0');
    const bad = await transcribe({
      model,
      audio,
      providerOptions: { minimax: { timestamp_level: 'paragraph' } },
      maxRetries: 0,
    }).catch((e) => e);
    expect(InvalidArgumentError.isInstance(bad)).toBe(true);
    expect(bad.argument).toBe('providerOptions.minimax.timestamp_level');
    const result = await transcribe({ model, audio, providerOptions: { minimax: { stream: true } }, maxRetries: 0 });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'providerOptions.minimax.stream' }),
    ]);
  });

  it("fails with APICallError whose cause is the sdk's typed error", async () => {
    const { minimax } = provider();
    const error = await transcribe({
      model: minimax.transcription('asr-1.0'),
      audio,
      headers: mock.scenario('sensitive'),
      maxRetries: 0,
    }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.cause).toBeInstanceOf(ContentSensitiveError);
    expect(error).toMatchObject({ statusCode: 422, isRetryable: false, url: `${mock.url}/v1/speech_to_text` });
    expect(error.requestBodyValues).toMatchObject({
      model: 'asr-1.0',
      file: { name: 'audio.wav', size: audio.length },
    });
    const limited = await transcribe({
      model: minimax.transcription('asr-1.0'),
      audio,
      headers: mock.scenario('rate_limit'),
      maxRetries: 0,
    }).catch((e) => e);
    expect(limited.cause).toBeInstanceOf(RateLimitError);
    expect(limited.isRetryable).toBe(true);
  });

  it("works through ai 7's Proxy adapter (methods called with the Proxy as `this`)", async () => {
    const { minimax } = provider();
    const proxied = new Proxy(minimax.transcription('asr-1.0'), { get: (target, prop) => Reflect.get(target, prop) });
    expect((await transcribe({ model: proxied, audio, maxRetries: 0 })).text).toBe(TEXT);
  });

  it('is a v3 transcription model under both factory names', () => {
    const { minimax } = provider();
    expect(minimax.transcription('asr-1.0')).toBeInstanceOf(MiniMaxTranscriptionModel);
    expect(minimax.transcriptionModel('asr-2.0')).toMatchObject({
      specificationVersion: 'v3',
      provider: 'minimax.transcription',
      modelId: 'asr-2.0',
    });
  });
});
