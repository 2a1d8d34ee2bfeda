/**
 * Every example against one mock, run as `node --conditions=@minimax-ts/source --import tsx examples/<name>.ts` with
 * MINIMAX_BASE_URL + MINIMAX_API_KEY, the way a user points them at any server; and `npm run example`, which
 * starts its own mock.
 */
import { readdirSync } from 'node:fs';
import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, run, tsNode } from './run.ts';

const expected: Record<string, RegExp> = {
  chat: /^answer: \S.*\ntokens: \d+$/m,
  'chat-stream': /red, yellow and blue\.\nfinish reason: stop, tokens: \d+/,
  'openai-compatible': /answer: \S+[\s\S]*streamed: \S+[\s\S]*tokens: \d+/,
  'anthropic-compatible': /answer: \S+[\s\S]*stop reason: end_turn/,
  speech: /saved out\/speech\.mp3: [1-9]\d* bytes, \d+ ms, trace id [0-9a-f]{32}/,
  'speech-stream': /saved out\/speech-stream\.mp3: [1-9]\d* bytes in \d+ chunks/,
  'realtime-speech':
    /first audio after \d+ ms\nsaved out\/realtime-speech\.mp3: [1-9]\d* bytes, [1-9]\d* sentences, trace id [0-9a-f]{32}/,
  'speech-async':
    /task \d{18} created[\s\S]*Success[\s\S]*saved out\/speech-async\.tar: [1-9]\d* bytes \(file_id \d{18}\)/,
  video: /Success after [\d.]+ s \(poll \d+\)\nvideo \d+×\d+, file_id \d{18}\ndownload: http:\/\/127\.0\.0\.1:\d+\//,
  'video-callback':
    /^(?=[\s\S]*^challenge answered: MiniMax verified the callback URL$)[\s\S]*^task \d+ created; waiting for callbacks on port \d+$[\s\S]*^task \d+: Success \(succeeded, confirmed by a query\)\nvideo file_id \d{18}\ndownload: http:\/\/127\.0\.0\.1:\d+\//m,
  'video-v2':
    /^integrated_multimodal_description: [\s\S]*task \d{15}: queued[\s\S]*: succeeded after [\d.]+ s \(poll \d+\)\nvideo 768P, 16:9, 6 s; \d+ tokens\nsaved out\/video-v2\.mp4: [1-9]\d* bytes\n(listed \d{15}: (generation|h3_context_ir) \w+\n){2,5}task \d{15}: cancelled$/m,
  image: /generated \d+, failed 0\nhttps:\/\//,
  music: /saved out\/music\.mp3: [1-9]\d* bytes, \d+ ms\nsaved out\/music-instrumental\.mp3: [1-9]\d* bytes/,
  lyrics: /^"[^"]+" \(.+\)\n\[[\w -]+\][\s\S]*saved out\/lyrics-song\.mp3: [1-9]\d* bytes$/m,
  responses:
    /input tokens: [1-9]\d*\nanswer: \S.*\nstreamed: \S.*\nstatus: completed, tokens: [1-9]\d*\ntool call: get_weather\(\{"city":".+"\}\)\nafter the tool: \S/,
  models:
    /models: MiniMax-\S+(, \S+)*\n\S+: created \d{4}-\d\d-\d\d, owned by \w+\nno-such-model: not found \(HTTP 404\)\nbalance: \d+\.\d\d available[\s\S]*quota \S+: (\d+% |unlimited)/,
  'voice-clone': /uploaded synthetic-sample\.mp3: file_id \d{18}\ncloned as TsExample\d+[\s\S]*deleted voice/,
  transcription:
    /^text: \S.*\nduration: [\d.]+ s, trace id [0-9a-f]{32}\nspeakers: \d+\n {2}\[[\d.]+–[\d.]+ s\] S1: \S[\s\S]*srt:\n1\n\d\d:\d\d:\d\d,\d{3} --> [\s\S]*streamed: \S.*\nstreamed [1-9]\d* characters, [\d.]+ s of audio$/m,
  files: /uploaded input\.txt: file_id (\d{18})[\s\S]*downloaded: "Text for async speech synthesis\."\ndeleted \1/,
  'ai-sdk':
    /answer: \S.*\nreasoning: \S.*\ntokens: \d+ in, \d+ out\nstreamed: \S.*\nfinish reason: stop, steps: \d+[\s\S]*saved out\/ai-sdk-speech\.mp3: [1-9]\d* bytes/,
};

const names = readdirSync(new URL('../', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));

describe('examples', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock({ port: 0, streamDelayMs: 1, taskPolls: 2, taskStepMs: 20 });
  });
  afterAll(() => mock?.close());

  it('has an expectation for every example file', () => {
    expect(names.sort()).toEqual(Object.keys(expected).sort());
  });

  it.concurrent.each(Object.entries(expected))('%s runs against the mock', async (name, output) => {
    const env = cleanEnv({ MINIMAX_BASE_URL: mock.url, MINIMAX_API_KEY: 'mock-key', EXAMPLE_POLL_INTERVAL_MS: '20' });
    const result = await run(...tsNode(`examples/${name}.ts`), env);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(output);
  });

  it('npm run example -- files starts its own mock', async () => {
    const result = await run('npm', ['run', '-s', 'example', '--', 'files'], cleanEnv());
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\[example\] mock server at http:\/\/127\.0\.0\.1:\d+$/m);
    expect(result.stdout).toMatch(/deleted \d{18}/);
  });

  it('npm run example lists the examples; an unknown name fails', async () => {
    const list = await run('npm', ['run', '-s', 'example'], cleanEnv());
    expect(list.code).toBe(0);
    for (const name of [...names, 'browser']) expect(list.stdout).toContain(`  ${name}\n`);
    const unknown = await run('npm', ['run', '-s', 'example', '--', 'nope'], cleanEnv());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No example "nope"');
  });
});
