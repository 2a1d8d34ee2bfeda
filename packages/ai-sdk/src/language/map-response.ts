/**
 * Reads an Anthropic-compatible answer in the AI SDK's terms: content parts, finish reason, usage, metadata. Shared
 * by `doGenerate` (a whole message) and the stream mapper (the same fields, as they arrive).
 */

import type {
  JSONObject,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3Usage,
  SharedV3ProviderMetadata,
} from '@ai-sdk/provider';
import type { AnthropicMessage } from '@minimax-ts/sdk';
import { PROVIDER_KEY } from '../provider-options.ts';
import { stripJsonFence } from './json-output.ts';
import type { ContentBlock } from './messages-types.ts';

const FINISH_REASONS: Record<string, LanguageModelV3FinishReason['unified']> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool-calls',
  refusal: 'content-filter',
};

/**
 * The unified finish reason, with MiniMax's own kept as `raw`.
 *
 * @example
 * ```ts
 * mapFinishReason('tool_use'); // { unified: 'tool-calls', raw: 'tool_use' }
 * ```
 */
export function mapFinishReason(stopReason: string | null | undefined): LanguageModelV3FinishReason {
  const raw = stopReason ?? undefined;
  return { unified: (raw !== undefined ? FINISH_REASONS[raw] : undefined) ?? 'other', raw };
}

/** Usage as the endpoint reports it (the `message_delta` figures may be null). */
export interface UsageFigures {
  input_tokens?: number | null | undefined;
  output_tokens?: number | null | undefined;
  cache_creation_input_tokens?: number | null | undefined;
  cache_read_input_tokens?: number | null | undefined;
}

const num = (value: number | null | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Token usage. As in Anthropic's format, `input_tokens` counts only the uncached part of the prompt; the total adds
 * cache reads and writes. MiniMax does not report reasoning tokens separately on this endpoint.
 *
 * @example
 * ```ts
 * mapUsage({ input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 90 }).inputTokens.total; // 100
 * ```
 */
export function mapUsage(usage: UsageFigures | undefined): LanguageModelV3Usage {
  const input = num(usage?.input_tokens);
  const cacheRead = num(usage?.cache_read_input_tokens);
  const cacheWrite = num(usage?.cache_creation_input_tokens);
  const total = input === undefined ? undefined : input + (cacheRead ?? 0) + (cacheWrite ?? 0);
  return {
    inputTokens: { total, noCache: input, cacheRead, cacheWrite },
    outputTokens: { total: num(usage?.output_tokens), text: undefined, reasoning: undefined },
    ...(usage ? { raw: { ...usage } as JSONObject } : {}),
  };
}

/** The thinking signature as provider metadata, which the AI SDK hands back on the next turn. */
export const signatureMetadata = (signature: string | undefined): SharedV3ProviderMetadata | undefined =>
  signature ? { [PROVIDER_KEY]: { signature } } : undefined;

function contentPart(block: ContentBlock, json: boolean): LanguageModelV3Content | undefined {
  const b = block as ContentBlock & { text?: string; thinking?: string; signature?: string };
  switch (block.type) {
    case 'text':
      return { type: 'text', text: json ? stripJsonFence(b.text ?? '') : (b.text ?? '') };
    case 'thinking': {
      const providerMetadata = signatureMetadata(b.signature);
      return { type: 'reasoning', text: b.thinking ?? '', ...(providerMetadata ? { providerMetadata } : {}) };
    }
    case 'tool_use':
      return {
        type: 'tool-call',
        toolCallId: block.id,
        toolName: block.name,
        input: JSON.stringify(block.input ?? {}),
      };
    default:
      // A block type this provider does not know yet; its content is in `response.body`.
      return undefined;
  }
}

/**
 * The content parts of a whole message, in order.
 *
 * @example
 * ```ts
 * messageContent(message, false); // [{ type: 'reasoning', … }, { type: 'text', text: '…' }]
 * ```
 */
export function messageContent(message: AnthropicMessage, json: boolean): LanguageModelV3Content[] {
  return message.content.map((block) => contentPart(block, json)).filter((part) => part !== undefined);
}

/**
 * What the message says beyond the standard fields, and the response's `Trace-Id` (what MiniMax support asks for).
 *
 * @example
 * ```ts
 * messageMetadata({ service_tier: 'standard', … }, '0459…'); // { minimax: { serviceTier: 'standard', traceId: '0459…' } }
 * ```
 */
export function messageMetadata(
  message: Pick<AnthropicMessage, 'service_tier'>,
  traceId?: string | undefined,
): SharedV3ProviderMetadata {
  return {
    [PROVIDER_KEY]: {
      ...(message.service_tier ? { serviceTier: message.service_tier } : {}),
      ...(traceId ? { traceId } : {}),
    },
  };
}
