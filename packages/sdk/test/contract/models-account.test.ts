/**
 * `mm.models`, `mm.account` and the music helpers (lyrics, cover preprocessing) against the mock over real HTTP, and
 * their arguments refused before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  InvalidParamsError,
  ListPromise,
  type ModelObject,
  NotFoundError,
  parseCoverStructure,
  ResponseValidationError,
} from '../../src/index.ts';
import { recordingFetch, useMock } from './mock-fixture.ts';

const mock = useMock();

describe('models', () => {
  it('list: await gives the list object, for await its models', async () => {
    const mm = mock.client();
    const promise = mm.models.list();
    expect(promise).toBeInstanceOf(ListPromise);
    const list = await promise;
    expect(list.object).toBe('list');
    expect(list.data.map((m) => m.id)).toContain('MiniMax-M3');
    const iterated: ModelObject[] = [];
    for await (const model of mm.models.list()) iterated.push(model);
    expect(iterated).toEqual(list.data);
  });

  it('retrieve: a listed model, and NotFoundError for an unknown id', async () => {
    const mm = mock.client();
    expect(await mm.models.retrieve('MiniMax-M2.7')).toMatchObject({ id: 'MiniMax-M2.7', object: 'model' });
    const error = await mm.models.retrieve('no-such-model').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect((error as NotFoundError).type).toBe('not_found_error');
  });

  it('retrieve: encodes the id once, as one path segment', async () => {
    const seen: string[] = [];
    const mm = mock.client({
      fetch: (input, init) => {
        seen.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
    await mm.models.retrieve('a b?c#d%e').catch(() => {});
    expect(seen).toEqual(['/v1/models/a%20b%3Fc%23d%25e']);
  });

  it.each([
    ['', 'an empty id'],
    ['..', 'a parent segment'],
    ['.', 'a current segment'],
    ['../files/list', 'a traversal'],
    ['a/b', 'a slash'],
    ['a\\b', 'a backslash'],
    ['a\nb', 'a line break'],
    [42, 'a number'],
  ] as [unknown, string][])('retrieve refuses %j (%s) before sending', async (id) => {
    const recorder = recordingFetch();
    const error = await mock
      .client({ fetch: recorder.fetch })
      .models.retrieve(id as string)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('model_id');
    expect(recorder.calls).toEqual([]);
  });
});

describe('account (endpoints known from the official CLI)', () => {
  it('tokenPlanRemains lists the quota per model', async () => {
    const { model_remains } = await mock.client().account.tokenPlanRemains();
    expect(model_remains.length).toBeGreaterThan(0);
    expect(typeof model_remains[0]!.model_name).toBe('string');
  });

  it('balance keeps the amounts as decimal strings', async () => {
    const balance = await mock.client().account.balance();
    expect(balance.available_amount).toMatch(/^\d+\.\d{2}$/);
    expect(typeof balance.cash_balance).toBe('string');
    expect(balance.base_resp.status_code).toBe(0);
  });
});

describe('music: lyrics and cover preprocessing', () => {
  it('generateLyrics writes tagged lyrics and keeps the title', async () => {
    const lyrics = await mock
      .client()
      .music.generateLyrics({ mode: 'write_full_song', prompt: 'a summer song', title: 'Tide Lines' });
    expect(lyrics.song_title).toBe('Tide Lines');
    expect(lyrics.lyrics).toMatch(/\[(Verse|Chorus|Intro)/);
    expect(lyrics.style_tags).toBeTruthy();
  });

  it('coverPreprocess returns the feature id; parseCoverStructure reads its structure', async () => {
    const pre = await mock
      .client()
      .music.coverPreprocess({ model: 'music-cover', audio_url: 'https://example.com/song.mp3' });
    expect(pre.cover_feature_id).toMatch(/\w+/);
    expect(typeof pre.structure_result).toBe('string');
    const structure = parseCoverStructure(pre.structure_result!);
    expect(structure.segments.length).toBeGreaterThan(0);
    expect(structure.segments[0]).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
  });

  it('parseCoverStructure raises a typed error for a malformed document', () => {
    expect(() => parseCoverStructure('{"segments":')).toThrow(ResponseValidationError);
    expect(() => parseCoverStructure('{"num_segments":1}')).toThrow(/segments/);
    expect(() => parseCoverStructure('{"segments":[{"label":"intro"}]}')).toThrow(ResponseValidationError);
  });

  it('the mock answers both references with the native invalid-params error', async () => {
    const response = await fetch(`${mock.url}/v1/music_cover_preprocess`, {
      method: 'POST',
      headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'music-cover', audio_url: 'https://example.com/a.mp3', audio_base64: 'AAAA' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { base_resp: { status_code: number } }).base_resp.status_code).toBe(2013);
  });

  it('a native failure of the lyrics endpoint is raised as its APIError', async () => {
    const error = await mock
      .client()
      .music.generateLyrics({ mode: 'edit', lyrics: '[Verse]\nHi' }, mock.scenario('invalid_params'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParamsError);
  });

  const refused: [string, () => (mm: ReturnType<typeof mock.client>) => Promise<unknown>, string][] = [
    ['lyrics without a mode', () => (mm) => mm.music.generateLyrics({ prompt: 'x' } as never), 'mode'],
    [
      'lyrics with a numeric prompt',
      () => (mm) => mm.music.generateLyrics({ mode: 'edit', prompt: 1 } as never),
      'prompt',
    ],
    ['cover without audio', () => (mm) => mm.music.coverPreprocess({ model: 'music-cover' }), 'audio_url'],
    [
      'cover with both audios',
      () => (mm) =>
        mm.music.coverPreprocess({ model: 'music-cover', audio_url: 'https://a/b.mp3', audio_base64: 'AA' }),
      'audio_url',
    ],
    [
      'cover with an empty url',
      () => (mm) => mm.music.coverPreprocess({ model: 'music-cover', audio_url: '' }),
      'audio_url',
    ],
    [
      'cover without a model',
      () => (mm) => mm.music.coverPreprocess({ audio_url: 'https://a/b.mp3' } as never),
      'model',
    ],
    ['music without a model', () => (mm) => mm.music.generate({ prompt: 'folk' } as never), 'model'],
    [
      'music with two cover references',
      () => (mm) =>
        mm.music.generate({ model: 'music-cover', prompt: 'x', audio_url: 'https://a/b.mp3', cover_feature_id: 'f1' }),
      'cover_feature_id',
    ],
    [
      'music with a string flag',
      () => (mm) => mm.music.stream({ model: 'music-2.6', is_instrumental: 'yes' } as never),
      'is_instrumental',
    ],
  ];
  it.each(refused)('refuses %s before sending', async (_, call, field) => {
    const recorder = recordingFetch();
    const error = await call()(mock.client({ fetch: recorder.fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(field);
    expect(recorder.calls).toEqual([]);
  });

  it('music.generate sends an instrumental without lyrics (no client-side lyrics rule)', async () => {
    const song = await mock
      .client()
      .music.generate({ model: 'music-2.6', prompt: 'lo-fi piano', is_instrumental: true });
    expect(song.audio?.length).toBeGreaterThan(0);
  });
});
