import type { MiniMax } from '@minimax-ts/sdk';
import type { Printer } from './print.ts';

/** What every step of the tour gets. */
export interface TourContext {
  mm: MiniMax;
  print: Printer;
  /** `mock`: the embedded mock server; `api`: the real MiniMax API. */
  target: 'mock' | 'api';
  /** Between two polls of a task: short against the mock, MiniMax's recommended 5 s against the API. */
  pollInterval: number;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Where files are saved (`./out`). */
  outDir: string;
}

/** One stop of the tour. */
export interface Step {
  title: string;
  /** The SDK call the step shows, printed next to the title. */
  call: string;
  /** Costs money on the real API (skipped by `--skip-billable`). */
  billable: boolean;
  run(ctx: TourContext): Promise<void>;
}

/** Indents a line of the tour's body. */
export const indent = (text: string): string => `  ${text}`;
