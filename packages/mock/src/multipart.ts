/**
 * Multipart uploads, parsed once with the platform's own parser (undici in Node, the browser's in MSW). The
 * contract engine then validates a clean re-serialization — every file part with an ASCII name, a Content-Type and
 * a short placeholder instead of its bytes — because Prism's multipart parser throws on legal bodies (a part
 * without Content-Type, a file name with a quote or backslash), which made those uploads answer 500.
 */
import type { Violation } from './prism-engine.ts';

export interface ParsedMultipart {
  form: FormData;
  /** What the contract engine validates, with the content type (and boundary) that goes with it. */
  forEngine: { body: string; contentType: string };
}

const BOUNDARY = 'minimax-mock-validated-form';

/** The parsed form, or the violation that describes why the body is not multipart. */
export async function parseMultipart(
  raw: Uint8Array,
  contentType: string,
): Promise<ParsedMultipart | { violation: Violation }> {
  let form: FormData;
  try {
    form = await new Response(raw as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch (err) {
    return { violation: { location: ['body'], code: 'multipart', message: `not a valid multipart body: ${err}` } };
  }
  let body = '';
  for (const [name, value] of form) {
    const safeName = name.replace(/["\\\r\n]/g, '_');
    if (typeof value === 'string') {
      body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${safeName}"\r\n\r\n${value}\r\n`;
    } else {
      body +=
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${safeName}"; filename="upload.bin"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n(${value.size} bytes)\r\n`;
    }
  }
  body += `--${BOUNDARY}--\r\n`;
  return { form, forEngine: { body, contentType: `multipart/form-data; boundary=${BOUNDARY}` } };
}

export function isMultipart(contentType: string): boolean {
  return /^multipart\/form-data/i.test(contentType.trim());
}
