/** Fails when the vendored upstream spec differs from the hash recorded beside it: it is never hand-edited. */

import { readFile } from 'node:fs/promises';
import { sha256File } from './lib/hash.ts';
import { upstreamHashPath, upstreamSpecPath } from './lib/spec-paths.ts';

const expected = (await readFile(upstreamHashPath, 'utf8')).trim();
const actual = await sha256File(upstreamSpecPath);
if (actual !== expected) {
  console.error(
    `spec/upstream/minimax-ai-openapi.json has sha256 ${actual}, but spec/upstream/SHA256 says ${expected}.\n` +
      'The upstream file is vendored byte for byte: put corrections in spec/overlays/, or accept a new upstream with `npm run spec:diff -- <file> --update`.',
  );
  process.exit(1);
}
console.log(`upstream spec unchanged (sha256 ${actual.slice(0, 12)}…)`);
