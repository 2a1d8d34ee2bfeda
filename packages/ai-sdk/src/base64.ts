/**
 * Base64 for media the AI SDK hands over as bytes (images in prompts, reference images) or as text (audio to
 * transcribe). Written against `btoa` and `atob`, which every runtime the sdk supports has, so the provider stays free
 * of Node builtins like the sdk's core entry.
 */

const CHUNK = 0x8000;

/**
 * Encodes bytes as standard base64.
 *
 * @example
 * ```ts
 * bytesToBase64(new Uint8Array([104, 105])); // 'aGk='
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode(...bytes) on a large image would exceed the engine's argument limit.
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * A `data:` URL for bytes or a base64 string.
 *
 * @example
 * ```ts
 * dataURL(new Uint8Array([1]), 'image/png'); // 'data:image/png;base64,AQ=='
 * ```
 */
export function dataURL(data: Uint8Array | string, mediaType: string): string {
  return `data:${mediaType};base64,${typeof data === 'string' ? data : bytesToBase64(data)}`;
}

/**
 * Decodes standard base64 (what the AI SDK hands over for audio given as a string); a `data:` URL prefix is skipped.
 *
 * @example
 * ```ts
 * base64ToBytes('aGk='); // Uint8Array [104, 105]
 * ```
 */
export function base64ToBytes(base64: string): Uint8Array {
  const payload = base64.startsWith('data:') ? base64.slice(base64.indexOf(',') + 1) : base64;
  const binary = atob(payload.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
