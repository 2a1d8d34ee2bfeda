/**
 * Hex → bytes for MiniMax's audio (speech, music and voice previews come hex-encoded, not base64). Node's Buffer
 * decodes in native code; browsers get a table-driven loop. Audio that is not hex is a response that breaks the spec:
 * every path (one-shot, stream, preview) raises the same `ResponseValidationError`, never `undefined` audio.
 */

import { ResponseValidationError } from '../core/response-validation-error.ts';

type BufferLike = { from(text: string, encoding: 'hex'): Uint8Array };
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[65 + i] = 10 + i;
  NIBBLE[97 + i] = 10 + i;
}

/**
 * Where hex audio came from, for the error: the operation (`POST /v1/t2a_v2`) and the field (`data.audio`).
 *
 * @example
 * ```ts
 * hexToBytes(response.data.audio, { operation: 'POST /v1/t2a_v2', path: 'data.audio' });
 * ```
 */
export interface HexSource {
  operation: string;
  path: string;
}

/**
 * Decodes a hex string. Throws `ResponseValidationError` (a `MiniMaxError`) on odd length or a non-hex character
 * rather than returning the silently truncated bytes `Buffer.from` would give.
 *
 * @example
 * ```ts
 * hexToBytes('494433'); // Uint8Array [0x49, 0x44, 0x33] ("ID3")
 * ```
 */
export function hexToBytes(hex: string, source?: HexSource): Uint8Array {
  if (typeof hex !== 'string') throw invalidHex(`hex audio is not a string (${typeof hex})`, source);
  if (hex.length % 2 !== 0) throw invalidHex(`hex audio has an odd length (${hex.length})`, source);
  const bytes = decodeHex(hex);
  if (!bytes) throw invalidHex(`hex audio has a non-hex character at offset ${invalidAt(hex)}`, source);
  return bytes;
}

function invalidHex(message: string, source: HexSource | undefined): ResponseValidationError {
  return new ResponseValidationError(
    source?.operation ?? 'hex audio',
    [{ path: source?.path ?? '', message }],
    undefined,
  );
}

/**
 * Decodes a hex string of even length, or returns `undefined` if some character is not hex — for callers that have
 * another way to handle such input (see `AudioStream`).
 *
 * @example
 * ```ts
 * decodeHex('4944'); // Uint8Array [0x49, 0x44]
 * decodeHex('49x4'); // undefined
 * ```
 */
export function decodeHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0) return undefined;
  if (NodeBuffer) {
    const bytes = NodeBuffer.from(hex, 'hex');
    // Buffer stops at the first invalid pair; a short result is the only sign of one.
    return bytes.length * 2 === hex.length ? bytes : undefined;
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0, j = 0; i < hex.length; i += 2, j++) {
    const hi = NIBBLE[hex.charCodeAt(i)] ?? -1;
    const lo = NIBBLE[hex.charCodeAt(i + 1)] ?? -1;
    if (hi < 0 || lo < 0) return undefined;
    out[j] = (hi << 4) | lo;
  }
  return out;
}

/** Where the first invalid pair starts (for the error message; as `Buffer.from` reports it: its decoded length × 2). */
function invalidAt(hex: string): number {
  for (let i = 0; i < hex.length; i += 2) {
    if ((NIBBLE[hex.charCodeAt(i)] ?? -1) < 0 || (NIBBLE[hex.charCodeAt(i + 1)] ?? -1) < 0) return i;
  }
  return hex.length;
}

/** Concatenates byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
