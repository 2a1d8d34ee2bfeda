/** `readTextAnswer`: the transport's text mode, row by row (what comes back, what is raised). */

import { describe, expect, it } from 'vitest';
import { APIError, ContentSensitiveError, RateLimitError } from '../src/index.ts';
import { readTextAnswer } from '../src/internal/read-text.ts';

const request = { method: 'POST', url: 'http://x/v1/speech_to_text' };
const respond = (type: string, status = 200) => new Response(null, { status, headers: { 'content-type': type } });
const error = (type: string, message: string) => JSON.stringify({ type: 'error', error: { type, message } });

describe('readTextAnswer', () => {
  it.each([
    ['SRT as text/plain', '1\n00:00:00,000 --> 00:00:01,000\nHi\n', 'text/plain; charset=utf-8'],
    ['WebVTT as text/vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n', 'text/vtt'],
    ['an empty body (silent audio)', '', 'text/plain'],
    ['no content type', 'WEBVTT\n', ''],
    ['text mislabelled as JSON', '1\n00:00:00,000 --> 00:00:01,000\n{Hi}\n', 'application/json'],
  ])('%s: the text as it is', (_, text, type) => {
    expect(readTextAnswer(text, respond(type), request)).toBe(text);
  });

  it('a JSON string is the text it holds', () => {
    expect(readTextAnswer('"WEBVTT\\n"', respond('application/json'), request)).toBe('WEBVTT\n');
  });

  it.each([
    ['a rate limit under text/plain', error('rate_limit_error', 'rate limit (1002)'), 'text/plain', RateLimitError],
    [
      'sensitive audio under JSON',
      error('unprocessable_entity_error', 'sensitive (1026)'),
      'application/json',
      ContentSensitiveError,
    ],
    [
      'a base_resp failure',
      '{"base_resp":{"status_code":1002,"status_msg":"rpm"}}',
      'application/json',
      RateLimitError,
    ],
  ])('%s: the typed error', (_, text, type, ErrorClass) => {
    expect(() => readTextAnswer(text, respond(type), request)).toThrow(ErrorClass);
  });

  it.each([
    ['a JSON success body', '{"text":"hi","duration":1}', 'application/json', /expected text, got JSON/],
    ['an HTML page', '<html>Sign in</html>', 'text/html; charset=utf-8', /expected text, got text\/html/],
  ])('%s: refused', (_, text, type, message) => {
    let thrown: unknown;
    try {
      readTextAnswer(text, respond(type), request);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as Error).message).toMatch(message);
  });
});
