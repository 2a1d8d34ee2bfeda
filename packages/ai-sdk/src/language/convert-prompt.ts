/**
 * The AI SDK's prompt (v3) as an Anthropic-compatible request: system messages become the top-level `system` (the
 * endpoint rejects a `system` role inside `messages` with 2013), tool results become `tool_result` blocks in a user
 * turn, reasoning goes back as `thinking` blocks with their signature — MiniMax asks for the whole assistant turn
 * (thinking, text, tool_use) to be sent back unchanged in multi-turn tool use — and consecutive turns of one role are
 * merged, as the Messages format expects alternating roles.
 */

import {
  type LanguageModelV3FilePart,
  type LanguageModelV3Message,
  type LanguageModelV3Prompt,
  type LanguageModelV3ToolResultOutput,
  type SharedV3Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { bytesToBase64 } from '../base64.ts';
import { minimaxOptions } from '../provider-options.ts';
import type { ContentBlockParam, MessageParam, TextBlockParam, ToolResultBlockParam } from './messages-types.ts';

/** The converted prompt. */
export interface ConvertedPrompt {
  system: TextBlockParam[];
  messages: MessageParam[];
  warnings: SharedV3Warning[];
}

type AssistantPart = Extract<LanguageModelV3Message, { role: 'assistant' }>['content'][number];
type ToolMessagePart = Extract<LanguageModelV3Message, { role: 'tool' }>['content'][number];
type ImageSource = { type: 'base64' | 'url'; media_type?: string; data?: string; url?: string };

function mediaSource(data: LanguageModelV3FilePart['data'], mediaType: string, originalUrl?: string): ImageSource {
  if (data instanceof URL) return { type: 'url', url: originalUrl ?? data.toString() };
  return { type: 'base64', media_type: mediaType, data: typeof data === 'string' ? data : bytesToBase64(data) };
}

function fileBlock(part: LanguageModelV3FilePart): ContentBlockParam {
  const source = mediaSource(part.data, part.mediaType, part.originalUrl);
  if (part.mediaType.startsWith('image/')) return { type: 'image', source };
  if (part.mediaType.startsWith('video/')) return { type: 'video', source };
  throw new UnsupportedFunctionalityError({
    functionality: `file parts of type ${part.mediaType} (MiniMax takes images and videos, on MiniMax-M3)`,
  });
}

/**
 * Parses a tool call's input back to the object the endpoint wants; the AI SDK keeps the raw text of an input it
 * could not parse.
 */
function toolInput(input: unknown): Record<string, unknown> {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function assistantBlock(part: AssistantPart): ContentBlockParam | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : { type: 'text', text: part.text };
    case 'reasoning': {
      const signature = minimaxOptions(part.providerOptions).signature;
      if (part.text === '' && typeof signature !== 'string') return undefined;
      return { type: 'thinking', thinking: part.text, ...(typeof signature === 'string' ? { signature } : {}) };
    }
    case 'tool-call':
      return { type: 'tool_use', id: part.toolCallId, name: part.toolName, input: toolInput(part.input) };
    case 'tool-result':
      // Results of provider-executed tools; MiniMax executes none.
      return undefined;
    case 'file':
      throw new UnsupportedFunctionalityError({ functionality: 'file parts in assistant messages' });
  }
}

type ResultContent = Exclude<NonNullable<ToolResultBlockParam['content']>, string>[number];

function resultContentPart(part: Extract<LanguageModelV3ToolResultOutput, { type: 'content' }>['value'][number]) {
  const image = (source: ImageSource): ResultContent => ({ type: 'image', source });
  switch (part.type) {
    case 'text':
      return { type: 'text' as const, text: part.text };
    case 'image-data':
      return image({ type: 'base64', media_type: part.mediaType, data: part.data });
    case 'image-url':
      return image({ type: 'url', url: part.url });
    case 'file-data':
      if (part.mediaType.startsWith('image/'))
        return image({ type: 'base64', media_type: part.mediaType, data: part.data });
      break;
    case 'file-url':
      if (part.mediaType?.startsWith('image/')) return image({ type: 'url', url: part.url });
      break;
  }
  throw new UnsupportedFunctionalityError({
    functionality: `tool result content of type ${part.type} (MiniMax takes text and images)`,
  });
}

function toolResultBlock(toolCallId: string, output: LanguageModelV3ToolResultOutput): ToolResultBlockParam {
  const block = (content: ToolResultBlockParam['content'], isError = false): ToolResultBlockParam => ({
    type: 'tool_result',
    tool_use_id: toolCallId,
    content,
    ...(isError ? { is_error: true } : {}),
  });
  switch (output.type) {
    case 'text':
      return block(output.value);
    case 'error-text':
      return block(output.value, true);
    case 'json':
      return block(JSON.stringify(output.value));
    case 'error-json':
      return block(JSON.stringify(output.value), true);
    case 'execution-denied':
      return block(output.reason ?? 'The tool call was not executed: the user denied it.');
    case 'content':
      return block(output.value.map(resultContentPart) as ToolResultBlockParam['content']);
  }
}

function toolBlocks(parts: ToolMessagePart[]): ContentBlockParam[] {
  const blocks: ContentBlockParam[] = [];
  for (const part of parts) {
    if (part.type === 'tool-result') blocks.push(toolResultBlock(part.toolCallId, part.output));
  }
  return blocks;
}

/**
 * Converts a prompt.
 *
 * @example
 * ```ts
 * convertPrompt([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
 * // { system: [{ type: 'text', text: 'Be brief.' }], messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], warnings: [] }
 * ```
 */
export function convertPrompt(prompt: LanguageModelV3Prompt): ConvertedPrompt {
  const system: TextBlockParam[] = [];
  const messages: MessageParam[] = [];
  const warnings: SharedV3Warning[] = [];
  const append = (role: 'user' | 'assistant', blocks: Array<ContentBlockParam | undefined>) => {
    const present = blocks.filter((b): b is ContentBlockParam => b !== undefined);
    if (present.length === 0) return;
    const last = messages.at(-1);
    if (last?.role === role) (last.content as ContentBlockParam[]).push(...present);
    else messages.push({ role, content: present });
  };
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        if (messages.length > 0 && !warnings.some((w) => w.type === 'compatibility' && w.feature === 'system')) {
          warnings.push({
            type: 'compatibility',
            feature: 'system',
            details: 'MiniMax takes one system prompt: system messages after the first turn were moved to it.',
          });
        }
        if (message.content !== '') system.push({ type: 'text', text: message.content });
        break;
      case 'user':
        append(
          'user',
          message.content.map((part) =>
            part.type === 'text' ? (part.text === '' ? undefined : { type: 'text', text: part.text }) : fileBlock(part),
          ),
        );
        break;
      case 'assistant':
        append('assistant', message.content.map(assistantBlock));
        break;
      case 'tool':
        append('user', toolBlocks(message.content));
        break;
    }
  }
  return { system, messages, warnings };
}
