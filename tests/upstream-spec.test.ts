import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../scripts/lib/hash.ts';
import { upstreamHashPath, upstreamSpecPath } from '../scripts/lib/spec-paths.ts';

// The hash of ../shared/spec/minimax-ai-openapi.json as it was vendored; changes only via `spec:diff --update`.
const VENDORED_SHA256 = 'b18c2ab45c0e3ab2f8a2ee4666520f0a1bc2ff3c19b60e4bf23415603175dec9';

describe('vendored upstream spec', () => {
  it('matches the hash recorded beside it', async () => {
    const recorded = (await readFile(upstreamHashPath, 'utf8')).trim();
    expect(await sha256File(upstreamSpecPath)).toBe(recorded);
  });

  it('is still the file the project vendored (until an accepted spec:diff --update)', async () => {
    const recorded = (await readFile(upstreamHashPath, 'utf8')).trim();
    // When spec:diff --update accepts a new upstream it rewrites SHA256; then this test follows the record.
    if (recorded === VENDORED_SHA256) expect(await sha256File(upstreamSpecPath)).toBe(VENDORED_SHA256);
  });
});
