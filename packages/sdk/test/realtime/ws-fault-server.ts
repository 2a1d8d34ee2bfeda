/**
 * A hostile WebSocket server for the session's fault tests: each connection runs a script the test writes (garbage
 * frames, binary frames, a huge frame, silence, a refused upgrade), which the mock cannot play byte for byte.
 */

import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface WsFaultServer {
  /** An http:// base URL for the SDK's `baseURL`. */
  url: string;
  /** Upgrade requests seen (headers included). */
  readonly requests: IncomingMessage[];
  close(): Promise<void>;
}

export type Script = (ws: WebSocket, req: IncomingMessage) => void;

export const OK = { status_code: 0, status_msg: 'success' };
export const frame = (event: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event, session_id: '1', trace_id: 'f'.repeat(32), base_resp: OK, ...extra });

/** Plays the opening (connected_success, then task_started once task_start arrives) and calls `then` on each later event. */
export function opening(then: (ws: WebSocket, event: Record<string, unknown>) => void): Script {
  return (ws) => {
    ws.send(frame('connected_success'));
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as Record<string, unknown>;
      if (event.event === 'task_start') ws.send(frame('task_started'));
      else then(ws, event);
    });
  };
}

/** `upgrade`: answer the raw upgrade yourself (refuse it, or never answer); otherwise `script` runs per connection. */
export async function startWsFault(
  script: Script,
  upgrade?: (req: IncomingMessage, socket: Socket) => boolean,
): Promise<WsFaultServer> {
  const requests: IncomingMessage[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket: Socket, head) => {
    requests.push(req);
    socket.on('error', () => socket.destroy());
    if (upgrade?.(req, socket)) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      script(ws, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        for (const socket of sockets) socket.destroy();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

/** An upstream that answers every upgrade with `response`, a raw HTTP response (a refused key, a rate limit…). */
export function startRefusing(response: string): Promise<WsFaultServer> {
  return startWsFault(
    () => {},
    (_req, socket) => {
      socket.end(response);
      return true;
    },
  );
}
