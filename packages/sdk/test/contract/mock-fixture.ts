import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll } from 'vitest';
import { type ClientOptions, MiniMax } from '../../src/index.ts';

/** Requests the client sent, as `METHOD /path`, for tests that count attempts. */
export interface Recorder {
  calls: string[];
  fetch: typeof fetch;
}

export function recordingFetch(): Recorder {
  const calls: string[] = [];
  return {
    calls,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(input, init);
    },
  };
}

/** Starts one mock for the file's tests and stops it afterwards; `client()` builds a client pointed at it. */
export function useMock(mockOptions: Parameters<typeof startMock>[0] = {}) {
  let server: MockServer | undefined;
  beforeAll(async () => {
    // MINIMAX_MOCK_SPEC: another effective spec to serve (spec-diff runs these tests against a candidate).
    server = await startMock({
      port: 0,
      streamDelayMs: 1,
      taskPolls: 2,
      spec: process.env.MINIMAX_MOCK_SPEC,
      ...mockOptions,
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url(): string {
      if (!server) throw new Error('mock not started');
      return server.url;
    },
    client(options: ClientOptions = {}): MiniMax {
      return new MiniMax({ apiKey: 'test-key', baseURL: this.url, pollInterval: 5, logLevel: 'off', ...options });
    },
    scenario(name: string, extra = ''): { headers: Record<string, string> } {
      return { headers: { Prefer: `scenario=${name}${extra}`, 'X-Mock-Session': `${name}-${Math.random()}` } };
    },
  };
}

export { closedPort } from '../closed-port.ts';
