/** The zero-copy multipart parser: what browsers, undici and curl send, and what is not multipart at all. */
import { describe, expect, it } from 'vitest';
import { type MultipartForm, parseMultipart } from '../src/multipart.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

function parse(body: string | Uint8Array, contentType = 'multipart/form-data; boundary=XyZ'): MultipartForm {
  const result = parseMultipart(typeof body === 'string' ? enc.encode(body) : body, contentType);
  if ('violation' in result) throw new Error(result.violation.message);
  return result.form;
}

describe('parseMultipart', () => {
  it('reads fields and a file part without Content-Type (curl -F, hand-written clients)', () => {
    const form = parse(
      '--XyZ\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nvoice_clone\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.mp3"\r\n\r\nAB\r\n--XyZ--\r\n',
    );
    expect(form.fields.get('purpose')).toBe('voice_clone');
    expect(form.files.get('file')).toMatchObject({ filename: 'a.mp3', type: '' });
    expect(dec.decode(form.files.get('file')!.bytes)).toBe('AB');
  });

  it('keeps binary content that contains CRLF and dashes, and views it without copying', () => {
    const head = enc.encode(
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="b.bin"\r\nContent-Type: audio/mpeg\r\n\r\n',
    );
    const content = new Uint8Array([0, 13, 10, 45, 45, 88, 121, 255, 13, 10]);
    const raw = new Uint8Array([...head, ...content, ...enc.encode('\r\n--XyZ--')]);
    const file = parse(raw).files.get('file')!;
    expect([...file.bytes]).toEqual([...content]);
    expect(file.bytes.buffer).toBe(raw.buffer);
    expect(file.type).toBe('audio/mpeg');
  });

  it.each([
    ['filename="%22quoted%22.mp3"', '"quoted".mp3'],
    ['filename="back\\slash.mp3"', 'back\\slash.mp3'],
    [`filename="__.mp3"; filename*=UTF-8''%E5%A3%B0%E9%9F%B3.mp3`, '声音.mp3'],
    ['filename="声音.mp3"', '声音.mp3'],
  ])('decodes %s', (param, name) => {
    const form = parse(`--XyZ\r\nContent-Disposition: form-data; name="file"; ${param}\r\n\r\nx\r\n--XyZ--\r\n`);
    expect(form.files.get('file')?.filename).toBe(name);
  });

  it('accepts a quoted boundary and a preamble', () => {
    const form = parse(
      'preamble\r\n--a b\r\nContent-Disposition: form-data; name="k"\r\n\r\nv\r\n--a b--',
      'multipart/form-data; boundary="a b"',
    );
    expect(form.fields.get('k')).toBe('v');
  });

  it.each([
    ['no boundary', '--XyZ\r\n\r\n', 'multipart/form-data'],
    ['no closing delimiter', '--XyZ\r\nContent-Disposition: form-data; name="k"\r\n\r\nv', undefined],
    ['no delimiter at all', 'just text', undefined],
  ])('is a violation: %s', (_, body, type) => {
    const result = parseMultipart(enc.encode(body), type ?? 'multipart/form-data; boundary=XyZ');
    expect(result).toHaveProperty('violation.code', 'multipart');
  });
});
