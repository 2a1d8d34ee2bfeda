/**
 * Multipart uploads, parsed once, without copying: file parts are views into the request bytes, so a 60 MB upload
 * costs about 60 MB, not the five copies that `Response#formData()` and a second parse cost. The contract engine
 * then validates a clean re-serialization — every file part with an ASCII name, a Content-Type and a short
 * placeholder instead of its bytes — because Prism's multipart parser throws on legal bodies (a part without
 * Content-Type, a file name with a quote or backslash), which made those uploads answer 500.
 *
 * Names follow the HTML form encoding (`"`, CR and LF sent as `%22`, `%0D`, `%0A`); an RFC 5987 `filename*` wins over
 * `filename`.
 */
import type { Violation } from './prism-engine.ts';

export interface FilePart {
  filename: string;
  type: string;
  bytes: Uint8Array;
}

export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, FilePart>;
}

export interface ParsedMultipart {
  form: MultipartForm;
  /** What the contract engine validates, with the content type (and boundary) that goes with it. */
  forEngine: { body: string; contentType: string };
}

const BOUNDARY = 'minimax-mock-validated-form';
const CRLF = [0x0d, 0x0a];
const utf8 = new TextDecoder();

/** The parsed form, or the violation that describes why the body is not multipart. */
export function parseMultipart(raw: Uint8Array, contentType: string): ParsedMultipart | { violation: Violation } {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const form = boundary ? splitParts(raw, boundary[1] ?? boundary[2]!) : undefined;
  if (!form) {
    const why = boundary ? 'its parts are not delimited as the boundary says' : 'its Content-Type has no boundary';
    return { violation: { location: ['body'], code: 'multipart', message: `not a valid multipart body: ${why}` } };
  }
  let body = '';
  const part = (name: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replace(/["\\\r\n]/g, '_')}"`;
  for (const [name, value] of form.fields) body += `${part(name)}\r\n\r\n${value}\r\n`;
  for (const [name, file] of form.files) {
    body += `${part(name)}; filename="upload.bin"\r\nContent-Type: application/octet-stream\r\n\r\n(${file.bytes.length} bytes)\r\n`;
  }
  body += `--${BOUNDARY}--\r\n`;
  return { form, forEngine: { body, contentType: `multipart/form-data; boundary=${BOUNDARY}` } };
}

export function isMultipart(contentType: string): boolean {
  return /^multipart\/form-data/i.test(contentType.trim());
}

function splitParts(raw: Uint8Array, boundary: string): MultipartForm | undefined {
  const delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  const form: MultipartForm = { fields: new Map(), files: new Map() };
  // The first delimiter may open the body without the CRLF in front of it.
  const opening = delimiter.subarray(2);
  let at = startsWith(raw, opening, 0) ? opening.length : find(raw, delimiter, 0);
  if (at < 0) return undefined;
  if (at !== opening.length) at += delimiter.length;
  for (;;) {
    if (raw[at] === 0x2d && raw[at + 1] === 0x2d) return form; // `--`: the closing delimiter
    if (raw[at] !== CRLF[0] || raw[at + 1] !== CRLF[1]) return undefined;
    const headersEnd = find(raw, new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]), at + 2);
    if (headersEnd < 0) return undefined;
    const next = find(raw, delimiter, headersEnd + 4);
    if (next < 0) return undefined;
    addPart(form, utf8.decode(raw.subarray(at + 2, headersEnd)), raw.subarray(headersEnd + 4, next));
    at = next + delimiter.length;
  }
}

function addPart(form: MultipartForm, headerText: string, content: Uint8Array): void {
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = params(headers.get('content-disposition') ?? '');
  const name = disposition.get('name');
  if (name === undefined) return;
  const extended = /^UTF-8'[^']*'(.*)$/i.exec(disposition.get('filename*') ?? '');
  const filename = extended ? safeDecode(extended[1]!) : disposition.get('filename');
  if (filename === undefined) form.fields.set(name, utf8.decode(content));
  else form.files.set(name, { filename, type: headers.get('content-type') ?? '', bytes: content });
}

/** `form-data; name="a"; filename="b"` → its parameters, quoted strings unquoted and form-encoding undone. */
function params(value: string): Map<string, string> {
  const out = new Map<string, string>();
  // No backslash escapes: form encoding writes `\` as itself and `"` as `%22`.
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g;
  for (const m of value.matchAll(re)) {
    const raw = m[2] ?? m[3]!.trim();
    const key = m[1]!.toLowerCase();
    out.set(key, key.endsWith('*') ? raw : raw.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n'));
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function startsWith(haystack: Uint8Array, needle: Uint8Array, at: number): boolean {
  for (let i = 0; i < needle.length; i++) if (haystack[at + i] !== needle[i]) return false;
  return true;
}

/** First index of `needle` at or after `from`, or -1 (native indexOf finds candidates for the first byte). */
function find(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = haystack.indexOf(needle[0]!, from); i >= 0; i = haystack.indexOf(needle[0]!, i + 1)) {
    if (i + needle.length > haystack.length) return -1;
    if (startsWith(haystack, needle, i)) return i;
  }
  return -1;
}
