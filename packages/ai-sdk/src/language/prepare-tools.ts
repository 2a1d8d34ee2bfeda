/**
 * AI SDK tools and tool choice in the Anthropic-compatible form. MiniMax's reference documents `auto` and `none`;
 * `required` (sent as `any`) and a named tool (`tool`) are Anthropic values it may not honour, so they are sent as
 * asked and the README says so. Provider-defined tools (another vendor's web search, code execution…) have no
 * MiniMax equivalent and are dropped with a warning.
 */

import type {
  LanguageModelV3FunctionTool,
  LanguageModelV3ProviderTool,
  LanguageModelV3ToolChoice,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { ToolChoiceParam, ToolParam } from './messages-types.ts';

/** The request's `tools` and `tool_choice`, and what could not be sent. */
export interface PreparedTools {
  tools: ToolParam[] | undefined;
  toolChoice: ToolChoiceParam | undefined;
  warnings: SharedV3Warning[];
}

function choice(toolChoice: LanguageModelV3ToolChoice | undefined): ToolChoiceParam | undefined {
  switch (toolChoice?.type) {
    case undefined:
      return undefined;
    case 'auto':
      return { type: 'auto' };
    case 'none':
      return { type: 'none' };
    case 'required':
      return { type: 'any' };
    case 'tool':
      return { type: 'tool', name: toolChoice.toolName };
  }
}

/**
 * Converts the tools of a call.
 *
 * @example
 * ```ts
 * prepareTools([{ type: 'function', name: 'weather', inputSchema: { type: 'object' } }], { type: 'auto' });
 * // { tools: [{ name: 'weather', input_schema: { type: 'object' } }], toolChoice: { type: 'auto' }, warnings: [] }
 * ```
 */
export function prepareTools(
  tools: Array<LanguageModelV3FunctionTool | LanguageModelV3ProviderTool> | undefined,
  toolChoice: LanguageModelV3ToolChoice | undefined,
): PreparedTools {
  const warnings: SharedV3Warning[] = [];
  const converted: ToolParam[] = [];
  for (const tool of tools ?? []) {
    if (tool.type === 'provider') {
      warnings.push({ type: 'unsupported', feature: `provider-defined tool ${tool.id}` });
      continue;
    }
    converted.push({
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      input_schema: tool.inputSchema as ToolParam['input_schema'],
    });
  }
  if (converted.length === 0) return { tools: undefined, toolChoice: undefined, warnings };
  return { tools: converted, toolChoice: choice(toolChoice), warnings };
}
