/**
 * `FileContent.filename`, read from `Content-Disposition` per RFC 6266 and RFC 8187: escapes and `;` inside quoted
 * names, `filename*` preferred with its language tag dropped, a malformed `filename*` ignored (never a URIError), and
 * directory parts removed.
 */

import { describe, expect, it } from 'vitest';
import { MiniMax } from '../src/index.ts';
import { filenameFromDisposition } from '../src/lib/content-disposition.ts';

/** `FileContent.filename` of a download answered with this header. */
async function filenameOf(header: string | null): Promise<string | undefined> {
  const headers: Record<string, string> = { 'content-type': 'text/plain' };
  if (header !== null) headers['content-disposition'] = header;
  const client = new MiniMax({
    apiKey: 'k',
    baseURL: 'http://files.invalid',
    fetch: async () => new Response('hello', { headers }),
  });
  const content = await client.files.content('1');
  try {
    return content.filename;
  } finally {
    content.cancel();
  }
}

describe('FileContent.filename (filenameFromDisposition)', () => {
  it.each([
    ['a token', 'attachment; filename=plain.mp3', 'plain.mp3'],
    ['a quoted name with an escaped quote and a semicolon', 'attachment; filename="a \\"b\\"; c.mp3"', 'a "b"; c.mp3'],
    ['UTF-8 filename*', "attachment; filename*=UTF-8''%E2%82%AC%20rates.txt", '€ rates.txt'],
    ['a language tag, dropped', "attachment; filename*=UTF-8'en-US'%E2%82%AC.txt", '€.txt'],
    ['ISO-8859-1 filename*', "attachment; filename*=iso-8859-1'en'%A3%20rates", '£ rates'],
    ['filename* wins over filename', 'attachment; filename="fallback.txt"; filename*=UTF-8\'\'real.txt', 'real.txt'],
    ['whatever their order', 'attachment; filename*=UTF-8\'\'real.txt; filename="fallback.txt"', 'real.txt'],
    [
      'malformed percent-encoding: the plain name',
      'attachment; filename*=UTF-8\'\'%E2%82; filename="ok.txt"',
      'ok.txt',
    ],
    ['an invalid escape: the plain name', "attachment; filename*=UTF-8''%ZZ.txt; filename=ok.txt", 'ok.txt'],
    ['an unsupported charset: the plain name', "attachment; filename*=UTF-16''x.txt; filename=ok.txt", 'ok.txt'],
    ['names are case-insensitive, spaces around "="', 'inline ; FILENAME = "Upper.mp3"', 'Upper.mp3'],
    ['directory parts removed', 'attachment; filename="../../etc/passwd"', 'passwd'],
    ['Windows directory parts too', 'attachment; filename="C:\\\\evil\\\\x.exe"', 'x.exe'],
    ['parameters without a disposition type', 'filename="bare.mp3"', 'bare.mp3'],
    ['another parameter first', 'attachment; size=10; filename="a;b.txt"', 'a;b.txt'],
  ])('%s', async (_what, header, expected) => {
    expect(filenameFromDisposition(header)).toBe(expected);
    expect(await filenameOf(header)).toBe(expected);
  });

  it.each([
    ['no header', null],
    ['no name', 'attachment'],
    ['only a malformed filename*', "attachment; filename*=UTF-8''%E2%82"],
    ['a name that is only a directory', 'attachment; filename="../"'],
  ])('%s: undefined, never a throw', async (_what, header) => {
    expect(filenameFromDisposition(header)).toBeUndefined();
    expect(await filenameOf(header)).toBeUndefined();
  });
});
