/** The stream mapper on hand-made event sequences the mock's examples do not cover. */

import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../src/language/messages-types.ts';
import { StreamMapper } from '../src/language/stream-mapper.ts';

const start = (usage = { input_tokens: 5, output_tokens: 0 }): StreamEvent =>
  ({
    type: 'message_start',
    message: { id: 'm1', type: 'message', role: 'assistant', model: 'MiniMax-M2.7', content: [], usage },
  }) as StreamEvent;
const ev = (event: object) => event as StreamEvent;

function run(events: StreamEvent[], options = { json: false, includeRaw: false }) {
  const mapper = new StreamMapper(options);
  return [...events.flatMap((e) => mapper.map(e)), ...mapper.finish()];
}

describe('StreamMapper', () => {
  it('takes a tool input sent whole in content_block_start', () => {
    const parts = run([
      start(),
      ev({
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } },
      }),
      ev({ type: 'content_block_stop', index: 0 }),
      ev({ type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } }),
    ]);
    expect(parts.filter((p) => p.type.startsWith('tool'))).toEqual([
      { type: 'tool-input-start', id: 't1', toolName: 'f' },
      { type: 'tool-input-delta', id: 't1', delta: '{"a":1}' },
      { type: 'tool-input-end', id: 't1' },
      { type: 'tool-call', toolCallId: 't1', toolName: 'f', input: '{"a":1}' },
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'tool_use' },
      usage: { inputTokens: { total: 5 }, outputTokens: { total: 9 } },
    });
  });

  it('sends "{}" for a tool call without input, and closes blocks a stream left open', () => {
    const parts = run([
      start(),
      ev({
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't1', name: 'f', input: {} },
      }),
      ev({ type: 'content_block_start', index: 1, content_block: { type: 'text', text: 'hi' } }),
    ]);
    expect(parts.map((p) => p.type)).toEqual([
      'response-metadata',
      'tool-input-start',
      'text-start',
      'text-delta',
      'tool-input-end',
      'tool-call',
      'text-end',
      'finish',
    ]);
    expect(parts.find((p) => p.type === 'tool-call')).toMatchObject({ input: '{}' });
  });

  it('ignores pings, unknown blocks and deltas of unknown blocks; emits raw events when asked', () => {
    const events = [
      start(),
      ev({ type: 'ping' }),
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 'x' } }),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lost' } }),
      ev({ type: 'content_block_delta', index: 7, delta: { type: 'text_delta', text: 'lost' } }),
      ev({ type: 'content_block_stop', index: 0 }),
      ev({ type: 'message_stop' }),
    ];
    expect(run(events).map((p) => p.type)).toEqual(['response-metadata', 'finish']);
    expect(run(events, { json: false, includeRaw: true }).filter((p) => p.type === 'raw')).toHaveLength(events.length);
  });

  it('merges usage from message_start and message_delta, keeping figures a later event omits', () => {
    const parts = run([
      start({ input_tokens: 3, output_tokens: 0, cache_read_input_tokens: 40 } as never),
      ev({
        type: 'message_delta',
        delta: { stop_reason: 'max_tokens' },
        usage: { output_tokens: 7, input_tokens: null },
      }),
    ]);
    expect(parts.at(-1)).toMatchObject({
      finishReason: { unified: 'length', raw: 'max_tokens' },
      usage: { inputTokens: { total: 43, noCache: 3, cacheRead: 40 }, outputTokens: { total: 7 } },
    });
  });

  it('on failure: the error, then finish with reason error, the usage so far and the trace id', () => {
    const mapper = new StreamMapper({ json: false, includeRaw: false, traceId: 'trace-1' });
    mapper.map(start());
    const error = new Error('cut');
    expect(mapper.fail(error)).toEqual([
      { type: 'error', error },
      {
        type: 'finish',
        finishReason: { unified: 'error', raw: undefined },
        usage: expect.objectContaining({ inputTokens: expect.objectContaining({ total: 5 }) }),
        providerMetadata: { minimax: { traceId: 'trace-1' } },
      },
    ]);
  });
});
