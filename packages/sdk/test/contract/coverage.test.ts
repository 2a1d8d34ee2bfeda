import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { MiniMax } from '../../src/index.ts';
import { EVERY_CALL, finish } from './every-call.ts';
import { recordingFetch, useMock } from './mock-fixture.ts';

const mock = useMock();
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Every public method once (see `every-call.ts`), its data read to the end. */
async function callEverything(mm: MiniMax): Promise<void> {
  for (const entry of EVERY_CALL) {
    const arg = entry.setup ? await entry.setup(mm) : '';
    await finish(await entry.call(mm, arg));
  }
}

describe('coverage', () => {
  it('reaches every operation of the effective spec through the resource API', async () => {
    const spec = JSON.parse(await readFile(new URL('../../../../spec/minimax.openapi.json', import.meta.url), 'utf8'));
    const expected = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => HTTP_METHODS.has(key)) // a path item also holds `servers`, `parameters`
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    const recorder = recordingFetch();
    await callEverything(mock.client({ fetch: recorder.fetch }));
    // A called path (`/v1/models/MiniMax-M3`, `/v2/query/video_generation/4240…`) counts for its template.
    const templateOf = (call: string) =>
      expected.find((e) => new RegExp(`^${e.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(call)) ??
      call;
    expect([...new Set(recorder.calls.map(templateOf))].sort()).toEqual(expected);
  });
});
