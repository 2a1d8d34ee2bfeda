/**
 * `--update`: accepts a candidate as the new upstream — vendors its bytes, records their hash, rebuilds the
 * effective spec and regenerates the client. Callers refuse before this when overlays fail to apply.
 */
import { createHash } from 'node:crypto';
import { chmod, stat, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { serializeSpec } from '../build.ts';
import { generateClient } from '../generate-client.ts';
import type { OpenAPIDocument } from '../overlay.ts';
import type { LoadedSpec } from './load.ts';
import type { RepoLayout } from './paths.ts';

export async function acceptCandidate(
  layout: RepoLayout,
  candidate: LoadedSpec,
  effective: OpenAPIDocument,
): Promise<string[]> {
  // The vendored file is JSON, byte for byte; a YAML candidate is stored as the JSON it describes.
  const bytes =
    candidate.format === 'json' ? candidate.bytes : Buffer.from(`${JSON.stringify(candidate.doc, null, 2)}\n`);
  await writeKeepingMode(layout.upstream, bytes);
  await writeFile(layout.upstreamHash, `${createHash('sha256').update(bytes).digest('hex')}\n`);
  await writeFile(layout.effective, serializeSpec(effective));
  await generateClient({ input: layout.effective, output: layout.generatedSrc });
  return [layout.upstream, layout.upstreamHash, layout.effective, layout.generatedSrc].map((p) =>
    relative(layout.root, p).split('\\').join('/'),
  );
}

/** The vendored file is kept read-only so that nobody edits it by accident; --update is the one writer. */
async function writeKeepingMode(path: string, bytes: Buffer): Promise<void> {
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => undefined,
  );
  if (mode !== undefined) await chmod(path, mode | 0o200);
  await writeFile(path, bytes);
  if (mode !== undefined) await chmod(path, mode);
}
