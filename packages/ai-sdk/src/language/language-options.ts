/**
 * The language model's `providerOptions.minimax`: MiniMax features the AI SDK's call options have no word for.
 */

import type { JSONObject, SharedV3ProviderOptions } from '@ai-sdk/provider';
import { invalidOption, minimaxOptions, objectOption } from '../provider-options.ts';

/**
 * Options of a MiniMax chat call, under `providerOptions.minimax`.
 *
 * @example
 * ```ts
 * await generateText({
 *   model: minimax('MiniMax-M3'),
 *   prompt: 'Hi',
 *   providerOptions: { minimax: { thinking: { type: 'disabled' }, serviceTier: 'priority' } },
 * });
 * ```
 */
export interface MiniMaxLanguageModelOptions {
  /**
   * Thinking control. MiniMax-M3 thinks adaptively unless told `disabled`; the M2.x models always think. `enabled`
   * with `budgetTokens` is Anthropic's form, which MiniMax may refuse on MiniMax-M3.
   */
  thinking?: { type: 'enabled' | 'disabled' | 'adaptive'; budgetTokens?: number };
  /** `standard` (default) or `priority` (admitted first, billed at 1.5×). */
  serviceTier?: 'standard' | 'priority';
  /** Your end user's id (`metadata.user_id`), for MiniMax's per-user limits and analysis. */
  userId?: string;
}

const THINKING_TYPES = ['enabled', 'disabled', 'adaptive'];
const SERVICE_TIERS = ['standard', 'priority'];

function thinkingOption(raw: JSONObject | undefined): MiniMaxLanguageModelOptions['thinking'] {
  if (!raw) return undefined;
  if (typeof raw.type !== 'string' || !THINKING_TYPES.includes(raw.type)) {
    throw invalidOption('thinking.type', raw.type, "one of 'enabled', 'disabled', 'adaptive'");
  }
  const budget = raw.budgetTokens;
  if (budget !== undefined && (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1)) {
    throw invalidOption('thinking.budgetTokens', budget, 'a positive integer');
  }
  return {
    type: raw.type as 'enabled' | 'disabled' | 'adaptive',
    ...(budget !== undefined ? { budgetTokens: budget } : {}),
  };
}

/**
 * Reads and checks the options.
 *
 * @example
 * ```ts
 * languageOptions({ minimax: { serviceTier: 'priority' } }); // { serviceTier: 'priority' }
 * ```
 */
export function languageOptions(providerOptions: SharedV3ProviderOptions | undefined): MiniMaxLanguageModelOptions {
  const raw = minimaxOptions(providerOptions);
  const options: MiniMaxLanguageModelOptions = {};
  const thinking = thinkingOption(objectOption('thinking', raw.thinking));
  if (thinking) options.thinking = thinking;
  if (raw.serviceTier !== undefined) {
    if (typeof raw.serviceTier !== 'string' || !SERVICE_TIERS.includes(raw.serviceTier)) {
      throw invalidOption('serviceTier', raw.serviceTier, "'standard' or 'priority'");
    }
    options.serviceTier = raw.serviceTier as 'standard' | 'priority';
  }
  if (raw.userId !== undefined) {
    if (typeof raw.userId !== 'string') throw invalidOption('userId', raw.userId, 'a string');
    options.userId = raw.userId;
  }
  return options;
}
