/**
 * `@minimax-ts/sdk/node`: helpers that need Node's file system or `http` server. The core package stays free of Node
 * builtins so that it bundles for browsers.
 */

import { createWriteStream, openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FileContent } from './lib/file-content.ts';

export { type NodeRequestListener, toNodeListener } from './node/node-listener.ts';

/**
 * A File backed by a path on disk: read lazily, so uploading a 1 GiB file does not load it into memory.
 *
 * @example
 * ```ts
 * await mm.files.upload({ file: await fileFromPath('voice.mp3'), purpose: 'voice_clone' });
 * ```
 */
export async function fileFromPath(path: string, options?: { filename?: string; type?: string }): Promise<File> {
  const blob = await openAsBlob(path, options?.type ? { type: options.type } : undefined);
  return new File([blob], options?.filename ?? basename(path), { type: blob.type });
}

/**
 * Streams a downloaded file to disk; resolves with the number of bytes written.
 *
 * @example
 * ```ts
 * await saveToFile(await mm.files.content(fileId), './out/video.mp4');
 * ```
 */
export async function saveToFile(content: FileContent | Uint8Array, path: string): Promise<number> {
  let written = 0;
  const source =
    content instanceof Uint8Array
      ? Readable.from([content])
      : Readable.fromWeb(content.body as unknown as NodeReadableStream<Uint8Array>);
  source.on('data', (chunk: Uint8Array) => {
    written += chunk.length;
  });
  await pipeline(source, createWriteStream(path));
  return written;
}
