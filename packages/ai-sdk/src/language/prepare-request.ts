/**
 * One AI SDK call (`LanguageModelV3CallOptions`) as the body of `POST /anthropic/v1/messages`, plus the warnings for
 * what MiniMax will not do. Settings MiniMax documents as accepted-but-ignored (`top_k`, `stop_sequences`) or does
 * not have (penalties, seed) are not sent and are reported, so nobody relies on a stop sequence that never stops.
 */

import type { LanguageModelV3CallOptions, SharedV3Warning } from '@ai-sdk/provider';
import { convertPrompt } from './convert-prompt.ts';
import { jsonInstruction } from './json-output.ts';
import { languageOptions } from './language-options.ts';
import type { MessagesRequest } from './messages-types.ts';
import { prepareTools } from './prepare-tools.ts';

/** The request body, its warnings, and whether the text answer is JSON (and so unfenced on the way back). */
export interface PreparedRequest {
  body: MessagesRequest;
  warnings: SharedV3Warning[];
  json: boolean;
}

/**
 * `max_tokens` when the caller sets no `maxOutputTokens` (the Messages format requires one): MiniMax's recommended
 * values, 131072 for MiniMax-M3 and 65536 for the other models. Billing counts generated tokens, not this bound.
 *
 * @example
 * ```ts
 * defaultMaxTokens('MiniMax-M3'); // 131072
 * defaultMaxTokens('MiniMax-M2.7'); // 65536
 * ```
 */
export function defaultMaxTokens(modelId: string): number {
  return /^minimax-m3/i.test(modelId) ? 131_072 : 65_536;
}

const IGNORED_SETTINGS = ['topK', 'stopSequences', 'presencePenalty', 'frequencyPenalty', 'seed'] as const;
const IGNORED_DETAILS: Record<(typeof IGNORED_SETTINGS)[number], string> = {
  topK: 'MiniMax accepts top_k and ignores it.',
  stopSequences: 'MiniMax accepts stop_sequences and ignores them: generation does not stop on them.',
  presencePenalty: 'MiniMax has no presence penalty.',
  frequencyPenalty: 'MiniMax has no frequency penalty.',
  seed: 'MiniMax chat has no seed.',
};

/**
 * Builds the request.
 *
 * @example
 * ```ts
 * const { body, warnings } = prepareRequest('MiniMax-M2.7', { prompt, maxOutputTokens: 512 });
 * ```
 */
export function prepareRequest(modelId: string, options: LanguageModelV3CallOptions): PreparedRequest {
  const prompt = convertPrompt(options.prompt);
  const tools = prepareTools(options.tools, options.toolChoice);
  const extra = languageOptions(options.providerOptions);
  const warnings: SharedV3Warning[] = [...prompt.warnings, ...tools.warnings];
  for (const setting of IGNORED_SETTINGS) {
    const value = options[setting];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      warnings.push({ type: 'unsupported', feature: setting, details: IGNORED_DETAILS[setting] });
    }
  }
  const system = [...prompt.system];
  const json = options.responseFormat?.type === 'json';
  if (options.responseFormat?.type === 'json') {
    system.push({ type: 'text', text: jsonInstruction(options.responseFormat) });
    warnings.push({
      type: 'compatibility',
      feature: 'responseFormat',
      details: 'MiniMax has no JSON mode: the format is asked for in the system prompt, and the AI SDK validates it.',
    });
  }
  const body: MessagesRequest = {
    model: modelId,
    max_tokens: options.maxOutputTokens ?? defaultMaxTokens(modelId),
    messages: prompt.messages,
    ...(system.length > 0 ? { system } : {}),
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.topP !== undefined ? { top_p: options.topP } : {}),
    ...(tools.tools ? { tools: tools.tools } : {}),
    ...(tools.toolChoice ? { tool_choice: tools.toolChoice } : {}),
    ...(extra.thinking
      ? {
          thinking: {
            type: extra.thinking.type,
            ...(extra.thinking.budgetTokens !== undefined ? { budget_tokens: extra.thinking.budgetTokens } : {}),
          },
        }
      : {}),
    ...(extra.serviceTier ? { service_tier: extra.serviceTier } : {}),
    ...(extra.userId ? { metadata: { user_id: extra.userId } } : {}),
  };
  return { body, warnings, json };
}
