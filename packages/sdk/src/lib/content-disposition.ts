/**
 * Reads the file name from a `Content-Disposition` header as RFC 6266 says: parameters are tokens or quoted strings
 * (where `\"` is a quote and `;` is text), and `filename*` (RFC 8187: `charset'language'percent-encoded`) wins over
 * `filename`. A malformed `filename*` is ignored, never thrown as a URIError; the language tag never ends up in the
 * name; and directory parts are dropped, since a name from a server must not choose where a file is written.
 */

type Params = Map<string, string>;

/**
 * The file name a `Content-Disposition` header gives, or `undefined` when it gives none (or only an unusable one).
 *
 * @example
 * ```ts
 * filenameFromDisposition(`attachment; filename="a \\"b\\"; c.mp3"`); // 'a "b"; c.mp3'
 * filenameFromDisposition("attachment; filename*=UTF-8'en'%E2%82%AC%20rates.txt"); // '€ rates.txt'
 * ```
 */
export function filenameFromDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const params = parseParams(header);
  const extended = params.get('filename*');
  const decoded = extended === undefined ? undefined : decodeExtValue(extended);
  return safeName(decoded) ?? safeName(params.get('filename'));
}

/** The parameters after the disposition type, names lowercased; the first occurrence of a name wins. */
function parseParams(header: string): Params {
  const params: Params = new Map();
  // A header that is only parameters (no disposition type), as some servers send it, is read from its start.
  const bare = /^\s*filename\*?\s*=/i.test(header);
  let i = bare ? -1 : header.indexOf(';');
  if (i === -1 && !bare) return params;
  const n = header.length;
  while (i < n) {
    i++; // past ';'
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
    let name = '';
    while (i < n && header[i] !== '=' && header[i] !== ';') name += header[i++];
    name = name.trim().toLowerCase();
    if (header[i] !== '=') continue; // a bare token without value: skip it
    i++;
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
    let value = '';
    if (header[i] === '"') {
      i++;
      while (i < n && header[i] !== '"') {
        if (header[i] === '\\' && i + 1 < n) i++;
        value += header[i++];
      }
      i++; // past the closing quote (or the end)
      while (i < n && header[i] !== ';') i++;
    } else {
      while (i < n && header[i] !== ';') value += header[i++];
      value = value.trim();
    }
    if (name !== '' && !params.has(name)) params.set(name, value);
  }
  return params;
}

/** Decodes an RFC 8187 ext-value (`UTF-8'en'%E2%82%AC.txt`); `undefined` when malformed or in another charset. */
function decodeExtValue(value: string): string | undefined {
  const match = /^([A-Za-z0-9!#$%&+\-^_`{}~]+)'[A-Za-z0-9-]*'(.*)$/.exec(value);
  if (!match) return undefined;
  const charset = match[1]!.toLowerCase();
  const encoded = match[2]!;
  if (!/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-Fa-f]{2})*$/.test(encoded)) return undefined;
  if (charset === 'utf-8') {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return undefined; // invalid UTF-8
    }
  }
  if (charset === 'iso-8859-1') {
    return encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return undefined;
}

/** The last path segment, without control characters; `undefined` if nothing usable is left. */
function safeName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' || clean === '.' || clean === '..' ? undefined : clean;
}
