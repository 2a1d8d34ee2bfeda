/**
 * Base64 for media the AI SDK hands over as bytes (images in prompts, reference images). Written against `btoa`, which
 * every runtime the sdk supports has, so the provider stays free of Node builtins like the sdk's core entry.
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
