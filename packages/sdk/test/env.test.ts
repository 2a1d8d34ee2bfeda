/**
 * Reading the environment on every runtime: Deno throws on a variable its permissions do not cover, and the client
 * must still start (a variable we may not read is one that is not set). The release test's matrix runs the same
 * thing in real Deno; this pins it where the SDK's own tests run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MiniMax } from '../src/index.ts';
import { readEnv } from '../src/internal/env.ts';

/** A `process.env` like Deno's under `--allow-env=MINIMAX_API_KEY`: any other name throws NotCapable. */
function denoLikeEnv(allowed: Record<string, string>): Record<string, string | undefined> {
  return new Proxy({} as Record<string, string | undefined>, {
    get(_, name) {
      if (typeof name === 'string' && name in allowed) return allowed[name];
      const error = new Error(`Requires env access to "${String(name)}", run again with the --allow-env flag`);
      error.name = 'NotCapable';
      throw error;
    },
  });
}

describe('readEnv', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads, trims, and treats an empty value as unset', () => {
    vi.stubGlobal('process', { env: { A: ' x ', B: '  ' } });
    expect([readEnv('A'), readEnv('B'), readEnv('C')]).toEqual(['x', undefined, undefined]);
  });

  it('treats a variable the runtime refuses to show as unset', () => {
    vi.stubGlobal('process', { env: denoLikeEnv({ MINIMAX_API_KEY: 'k' }) });
    expect(readEnv('MINIMAX_API_KEY')).toBe('k');
    expect(readEnv('MINIMAX_REGION')).toBeUndefined();
  });

  it('lets a client start with only its key readable, as Deno with --allow-env=MINIMAX_API_KEY', () => {
    vi.stubGlobal('process', { env: denoLikeEnv({ MINIMAX_API_KEY: 'k' }) });
    const mm = new MiniMax();
    expect(mm.baseURL).toBe('https://api.minimax.io');
  });

  it('is empty where there is no process (a browser)', () => {
    vi.stubGlobal('process', undefined);
    expect(readEnv('MINIMAX_API_KEY')).toBeUndefined();
  });
});
