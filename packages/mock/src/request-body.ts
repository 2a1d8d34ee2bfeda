/**
 * Decodes a request body for validation. JSON goes through the id codec (an 18-digit `file_id` sent as a bare
 * number stays exact), and ids sent as JSON strings are flagged; anything else (multipart uploads) is handed to
 * Prism as text, which parses multipart itself.
 */
import type { IdCodec } from './id-codec.ts';
import type { Violation } from './prism-engine.ts';
import { isJsonMedia } from './spec-index.ts';

export interface DecodedBody {
  /** The parsed JSON (ids as digit strings), when the body was JSON. */
  json?: unknown;
  /** What Prism validates: the parsed JSON, or the raw text. */
  forPrism?: unknown;
  violations: Violation[];
}

export function decodeRequestBody(raw: Buffer, contentType: string, codec: IdCodec): DecodedBody {
  if (raw.length === 0) return { violations: [] };
  const text = raw.toString('utf8');
  if (!isJsonMedia(contentType) && !(contentType === '' && /^\s*[{[]/.test(text))) {
    // latin1 keeps one char per byte, so multipart boundaries survive binary file parts.
    return { forPrism: raw.toString('latin1'), violations: [] };
  }
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
