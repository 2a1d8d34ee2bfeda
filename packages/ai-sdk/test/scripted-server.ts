/**
 * A tiny local stand-in for `POST /anthropic/v1/messages` that answers what a test scripts: for answers the mock's
 * spec examples cannot give (a JSON answer wrapped in a code fence, split at chosen points). Listens on port 0.
 */

import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the script returns for one request: a JSON body, or SSE events (`[event, data]`). */
export type ScriptedAnswer = { json: unknown } | { events: Array<[string, unknown]> };

export interface ScriptedServer {
  url: string;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are inspected freely in assertions.
  bodies: any[];
  close(): Promise<void>;
}

function send(res: ServerResponse, answer: ScriptedAnswer): void {
  if ('json' in answer) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const [event, data] of answer.events) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.end();
}

/**
 * Starts a server answering each request with `script(body, index)`.
 *
 * @example
 * ```ts
 * const server = await scriptedServer(() => ({ json: message }));
 * ```
 */
export async function scriptedServer(
  script: (body: unknown, index: number) => ScriptedAnswer,
): Promise<ScriptedServer> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = JSON.parse(raw);
      bodies.push(body);
      send(res, script(body, bodies.length - 1));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A whole Anthropic-format message whose only content is `text`. */
export function textMessage(text: string): unknown {
  return {
    id: 'msg_scripted',
    type: 'message',
    role: 'assistant',
    model: 'MiniMax-M2.7',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 10, output_tokens: 5 },
  };
}

/** The SSE events of a message whose text arrives in the given deltas. */
export function textEvents(deltas: string[]): Array<[string, unknown]> {
  return [
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          ...(textMessage('') as object),
          content: [],
          stop_reason: null,
          usage: { input_tokens: 10, output_tokens: 0 },
        },
      },
    ],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ...deltas.map((text): [string, unknown] => [
      'content_block_delta',
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
    ]),
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 5 } }],
    ['message_stop', { type: 'message_stop' }],
  ];
}
