import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so scripts work from any cwd. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specDir = join(repoRoot, 'spec');
export const upstreamSpecPath = join(specDir, 'upstream', 'minimax-ai-openapi.json');
export const upstreamHashPath = join(specDir, 'upstream', 'SHA256');
export const overlaysDir = join(specDir, 'overlays');
export const effectiveSpecPath = join(specDir, 'minimax.openapi.json');
export const generatedSrcDir = join(repoRoot, 'packages', 'generated', 'src');
