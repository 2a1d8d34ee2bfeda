/**
 * Test helpers: one mock server per test file, and providers whose sdk client records (and may adjust) every request
 * it sends, so tests can assert on the wire body and count attempts across both retry layers.
 */

import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll } from 'vitest';
import { createMiniMax, type MiniMaxProvider, type MiniMaxProviderSettings } from '../src/index.ts';

// The AI SDK prints every warning to the console; the tests assert on `warnings` instead.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** One request as the sdk sent it. */
export interface SentRequest {
  method: string;
  path: string;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are inspected freely in assertions.
  body: any;
  /** The `Trace-Id` the server answered with, once the answer arrived. */
  traceId?: string | null;
}

/** Rewrites the headers of an outgoing request from its body (scripts multi-step conversations on the mock). */
export type HeaderScript = (body: unknown, headers: Headers) => void;

/** A fetch that records each request, optionally adjusting its headers first. */
export function recordingFetch(script?: HeaderScript): { sent: SentRequest[]; fetch: typeof fetch } {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const headers = new Headers(init?.headers ?? request.headers);
    const raw = typeof init?.body === 'string' ? init.body : undefined;
    const body = raw === undefined ? undefined : JSON.parse(raw);
    script?.(body, headers);
    const entry: SentRequest = { method: request.method, path: new URL(request.url).pathname, headers, body };
    sent.push(entry);
    return fetch(input, { ...init, headers }).then((response) => {
      entry.traceId = response.headers.get('trace-id');
      return response;
    });
  };
  return { sent, fetch: recording };
}

/** Starts the mock for the file's tests; `provider()` builds a provider pointed at it. */
export function useMock() {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMock({ port: 0, streamDelayMs: 1 });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url(): string {
      if (!server) throw new Error('mock not started');
      return server.url;
    },
    provider(
      settings: MiniMaxProviderSettings = {},
      script?: HeaderScript,
    ): { minimax: MiniMaxProvider; sent: SentRequest[] } {
      const recorder = recordingFetch(script);
      const minimax = createMiniMax({
        apiKey: 'test-key',
        baseURL: this.url,
        logLevel: 'off',
        fetch: recorder.fetch,
        ...settings,
      });
      return { minimax, sent: recorder.sent };
    },
    /** Headers asking the mock for a scenario, with a session of their own so `_once` counters don't leak. */
    scenario(name: string, extra = ''): Record<string, string> {
      return { Prefer: `scenario=${name}${extra}`, 'X-Mock-Session': `${name}-${Math.random()}` };
    },
  };
}

export { closedPort } from '../../sdk/test/closed-port.ts';
