/**
 * `Content-Disposition` for downloads of stored files, whatever their names (`声音.mp3`, names with quotes or
 * semicolons crafted to inject parameters). RFC 6266 + RFC 8187: an ASCII `filename` fallback with every character
 * that could end or escape the quoted string replaced, and the exact name in `filename*=UTF-8''<percent-encoded>`.
 * A header value must be Latin-1 bytes; writing the raw name made the server throw (HTTP 500).
 */

/** RFC 8187 `attr-char`: what may stand unencoded in an ext-value. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/**
 * @example
 * ```ts
 * contentDisposition('声音.mp3'); // `attachment; filename="__.mp3"; filename*=UTF-8''%E5%A3%B0%E9%9F%B3.mp3`
 * ```
 */
export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = asciiFallback(filename);
  if (fallback === filename) return `${type}; filename="${fallback}"`;
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/**
 * Printable ASCII, less `"` and `\` (which would end or escape the quoted string) and `;`, `=`, `*`, `%` (which let a
 * naive, regex-based client parser find parameters inside the quotes); everything else becomes `_`.
 */
function asciiFallback(name: string): string {
  let out = '';
  for (const ch of name) out += /^[\x20-\x7e]$/.test(ch) && !/["\\;=*%]/.test(ch) ? ch : '_';
  return out;
}

/** Percent-encodes the UTF-8 bytes of every character outside `attr-char` (RFC 8187 §3.2.1). */
export function encodeExtValue(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
