/** Where spec-diff reads and writes, relative to a repository root (tests point it at a temporary copy). */
import { join } from 'node:path';
import { repoRoot } from '../spec-paths.ts';

export interface RepoLayout {
  root: string;
  upstream: string;
  upstreamHash: string;
  overlays: string;
  effective: string;
  generatedSrc: string;
  sdkSrc: string;
  sdkContractTests: string;
  mockFixture: string;
  tsconfigBase: string;
}

/** `SPEC_DIFF_ROOT` points spec-diff at another checkout (tests use a temporary copy of the spec folders). */
export function repoLayout(root: string = readEnv('SPEC_DIFF_ROOT') || repoRoot): RepoLayout {
  return {
    root,
    upstream: join(root, 'spec', 'upstream', 'minimax-ai-openapi.json'),
    upstreamHash: join(root, 'spec', 'upstream', 'SHA256'),
    overlays: join(root, 'spec', 'overlays'),
    effective: join(root, 'spec', 'minimax.openapi.json'),
    generatedSrc: join(root, 'packages', 'generated', 'src'),
    sdkSrc: join(root, 'packages', 'sdk', 'src'),
    sdkContractTests: join(root, 'packages', 'sdk', 'test', 'contract'),
    mockFixture: join(root, 'packages', 'sdk', 'test', 'contract', 'mock-fixture.ts'),
    tsconfigBase: join(root, 'tsconfig.base.json'),
  };
}

/** The repository spec-diff itself lives in: its node_modules hold tsc and vitest. */
export const toolRoot = repoRoot;

/** Environment variables read by name (the tool's own knobs, not build inputs turbo should hash). */
export function readEnv(name: string): string | undefined {
  return process.env[name];
}
