/**
 * Decodes a request body for validation. JSON goes through the id codec (an 18-digit `file_id` sent as a bare
 * number stays exact), and ids sent as JSON strings are flagged; multipart is parsed once (multipart.ts); anything
 * else is handed to the engine as text.
 */
import type { IdCodec } from './id-codec.ts';
import { isMultipart, type MultipartForm, parseMultipart } from './multipart.ts';
import type { Violation } from './prism-engine.ts';
import { isJsonMedia } from './spec-index.ts';

export interface DecodedBody {
  /** The parsed JSON (ids as digit strings), when the body was JSON. */
  json?: unknown;
  /** The parsed form, when the body was multipart. */
  form?: MultipartForm;
  /** The content type the engine must read `forPrism` with, when it differs from the request's. */
  contentType?: string;
  /** What Prism validates: the parsed JSON, or the raw text. */
  forPrism?: unknown;
  violations: Violation[];
}

const utf8 = new TextDecoder();

export function decodeRequestBody(raw: Uint8Array, contentType: string, codec: IdCodec): DecodedBody {
  if (raw.length === 0) return { violations: [] };
  if (isMultipart(contentType)) {
    const parsed = parseMultipart(raw, contentType);
    if ('violation' in parsed) return { violations: [parsed.violation] };
    return {
      form: parsed.form,
      forPrism: parsed.forEngine.body,
      contentType: parsed.forEngine.contentType,
      violations: [],
    };
  }
  const looksJson = contentType === '' && /^\s*[{[]/.test(utf8.decode(raw.subarray(0, 64)));
  if (!isJsonMedia(contentType) && !looksJson) {
    // latin1 keeps one char per byte, so nothing is lost on a binary body.
    return { forPrism: latin1(raw), violations: [] };
  }
  const text = utf8.decode(raw);
  const violations = codec.quotedIds(text);
  try {
    const json = codec.parse(text);
    return { json, forPrism: json, violations };
  } catch (err) {
    return {
      violations: [{ location: ['body'], code: 'invalid_json', message: (err as Error).message }, ...violations],
    };
  }
}

/**
 * Bytes → one char per byte. Not `TextDecoder('latin1')`: the Encoding Standard maps that label to windows-1252,
 * which turns bytes 0x80–0x9F into other code points.
 */
export function latin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]));
  }
  return parts.join('');
}
