/**
 * Where the tour runs: against the embedded mock by default, against the real API when MINIMAX_API_KEY is set
 * (region from MINIMAX_REGION, host override from MINIMAX_BASE_URL, all read by the SDK itself).
 */
import { type MockServer, startMock } from '@minimax-ts/mock';
import { MiniMax } from '@minimax-ts/sdk';

export interface Target {
  kind: 'mock' | 'api';
  mm: MiniMax;
  /** One line saying where requests go. */
  description: string;
  pollInterval: number;
  close(): Promise<void>;
}

export async function openTarget(options: { forceMock: boolean }): Promise<Target> {
  const env = process.env;
  if (env.MINIMAX_API_KEY && !options.forceMock) {
    const mm = new MiniMax();
    const description =
      mm.region === 'custom'
        ? `${mm.baseURL} (MINIMAX_BASE_URL), with your MINIMAX_API_KEY`
        : `the real MiniMax API at ${mm.baseURL} (region ${mm.region}), with your MINIMAX_API_KEY`;
    return {
      kind: 'api',
      mm,
      description,
      pollInterval: 5_000,
      close: async () => {},
    };
  }
  const mock: MockServer = await startMock({ port: 0, streamDelayMs: 30, taskPolls: 3 });
  // Explicit options win over MINIMAX_BASE_URL / MINIMAX_API_KEY, so a stray variable cannot redirect the tour.
  const mm = new MiniMax({ apiKey: 'mock-key', baseURL: mock.url, region: 'global' });
  return {
    kind: 'mock',
    mm,
    description: `the embedded mock server at ${mock.url} (nothing leaves this machine, nothing is billed)`,
    pollInterval: 250,
    close: () => mock.close(),
  };
}
