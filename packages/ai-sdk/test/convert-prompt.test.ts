/** The AI SDK prompt in the Anthropic-compatible shape, case by case. */

import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertPrompt } from '../src/language/convert-prompt.ts';

const user = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] });

describe('convertPrompt', () => {
  it('hoists every system message into `system`, warning once when one came mid-conversation', () => {
    const { system, messages, warnings } = convertPrompt([
      { role: 'system', content: 'A' },
      user('hi'),
      { role: 'system', content: 'B' },
      { role: 'system', content: 'C' },
    ]);
    expect(system).toEqual([
      { type: 'text', text: 'A' },
      { type: 'text', text: 'B' },
      { type: 'text', text: 'C' },
    ]);
    expect(messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]);
    expect(warnings).toEqual([expect.objectContaining({ type: 'compatibility', feature: 'system' })]);
  });

  it('merges consecutive turns of one role and puts tool results in a user turn', () => {
    const prompt: LanguageModelV3Prompt = [
      user('one'),
      user('two'),
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'think', providerOptions: { minimax: { signature: 'sig' } } },
          { type: 'text', text: '' },
          { type: 'tool-call', toolCallId: 't1', toolName: 'a', input: { x: 1 } },
          { type: 'tool-call', toolCallId: 't2', toolName: 'b', input: '{"y":2}' },
        ],
      },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 't1', toolName: 'a', output: { type: 'json', value: { ok: true } } },
          { type: 'tool-result', toolCallId: 't2', toolName: 'b', output: { type: 'error-text', value: 'failed' } },
        ],
      },
      user('next'),
    ];
    expect(convertPrompt(prompt).messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'one' },
          { type: 'text', text: 'two' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'think', signature: 'sig' },
          { type: 'tool_use', id: 't1', name: 'a', input: { x: 1 } },
          { type: 'tool_use', id: 't2', name: 'b', input: { y: 2 } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 't1', content: '{"ok":true}' },
          { type: 'tool_result', tool_use_id: 't2', content: 'failed', is_error: true },
          { type: 'text', text: 'next' },
        ],
      },
    ]);
  });

  it('sends images and videos as base64 or by URL', () => {
    const { messages } = convertPrompt([
      {
        role: 'user',
        content: [
          { type: 'file', mediaType: 'image/png', data: new Uint8Array([1, 2, 3]) },
          { type: 'file', mediaType: 'image/jpeg', data: new URL('https://example.com/a.jpg') },
          { type: 'file', mediaType: 'video/mp4', data: new URL('https://example.com/c.mp4') },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AQID' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
      { type: 'video', source: { type: 'url', url: 'https://example.com/c.mp4' } },
    ]);
  });

  it('refuses files MiniMax cannot read', () => {
    expect(() =>
      convertPrompt([{ role: 'user', content: [{ type: 'file', mediaType: 'application/pdf', data: 'JVBERi0=' }] }]),
    ).toThrow(/application\/pdf/);
  });

  it('maps every tool output kind', () => {
    const { messages } = convertPrompt([
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'a', toolName: 't', output: { type: 'text', value: 'plain' } },
          { type: 'tool-result', toolCallId: 'b', toolName: 't', output: { type: 'error-json', value: { e: 1 } } },
          { type: 'tool-result', toolCallId: 'c', toolName: 't', output: { type: 'execution-denied', reason: 'no' } },
          {
            type: 'tool-result',
            toolCallId: 'd',
            toolName: 't',
            output: {
              type: 'content',
              value: [
                { type: 'text', text: 'see' },
                { type: 'image-data', data: 'AQID', mediaType: 'image/png' },
                { type: 'file-url', url: 'https://example.com/b.png', mediaType: 'image/png' },
              ],
            },
          },
          { type: 'tool-approval-response', approvalId: 'x', approved: true },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'tool_result', tool_use_id: 'a', content: 'plain' },
      { type: 'tool_result', tool_use_id: 'b', content: '{"e":1}', is_error: true },
      { type: 'tool_result', tool_use_id: 'c', content: 'no' },
      {
        type: 'tool_result',
        tool_use_id: 'd',
        content: [
          { type: 'text', text: 'see' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AQID' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/b.png' } },
        ],
      },
    ]);
  });

  it('keeps a reasoning part that carries only a signature, drops an empty one', () => {
    const { messages } = convertPrompt([
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: '', providerOptions: { minimax: { signature: 's' } } },
          { type: 'reasoning', text: '' },
          { type: 'text', text: 'done' },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'thinking', thinking: '', signature: 's' },
      { type: 'text', text: 'done' },
    ]);
  });
});
