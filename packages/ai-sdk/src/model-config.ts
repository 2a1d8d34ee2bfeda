/** What every model of a provider gets from it. */

import type { MiniMax } from '@minimax-ts/sdk';

/**
 * The provider name a model reports and the sdk client it calls.
 *
 * @example
 * ```ts
 * new MiniMaxSpeechModel('speech-2.8-hd', { provider: 'minimax.speech', client: () => mm });
 * ```
 */
export interface ModelConfig {
  /** The provider name the AI SDK reports (`minimax.chat`, `minimax.speech`, …). */
  provider: string;
  /** The shared sdk client, built on first use. */
  client: () => MiniMax;
}
