/**
 * One relayed session: a browser's WebSocket on one side, MiniMax's on the other, opened with the server's key. The
 * browser's events are checked (JSON text, a known client event, within the size limit) before they go up; MiniMax's
 * go down unchanged. A refused upstream upgrade reaches the browser as a `task_failed` event with MiniMax's code, so
 * the browser client raises the same typed error a server-side session would. Any failure, idle period or the session
 * limit closes both sides; nothing is retried.
 */

import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';

/** Client events the relay forwards; anything else closes the browser's socket (1008). */
const CLIENT_EVENTS: ReadonlySet<string> = new Set([
  'task_start',
  'task_continue',
  'task_finish',
  'task_cancel',
  'task_flush',
]);
/** Client events held while the upstream connection opens; a browser that sends more before it is open is cut off. */
const MAX_PENDING = 256;

export interface PipeOptions {
  upstreamURL: string;
  apiKey: string;
  idleTimeout: number;
  maxSessionMs: number;
  upstreamMaxPayload: number;
  onTaskStart: ((event: Record<string, unknown>, req: IncomingMessage) => unknown) | undefined;
  WebSocket: new (url: string, options: { headers: Record<string, string>; maxPayload: number }) => WebSocket;
}

/** Pipes `client` to a new upstream session until either side ends. */
export function pipeSession(client: WebSocket, req: IncomingMessage, o: PipeOptions): void {
  const upstream = new o.WebSocket(o.upstreamURL, {
    headers: { authorization: `Bearer ${o.apiKey}` },
    maxPayload: o.upstreamMaxPayload,
  });
  const pending: string[] = [];
  let ended = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const limit = setTimeout(() => end(4000, 'relay: session time limit'), o.maxSessionMs);

  const end = (code: number, reason: string): void => {
    if (ended) return;
    ended = true;
    clearTimeout(idle);
    clearTimeout(limit);
    upstream.terminate();
    if (client.readyState === client.OPEN) client.close(code, reason);
    else client.terminate();
  };
  const touch = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => end(4001, 'relay: idle timeout'), o.idleTimeout);
  };
  touch();

  const forward = async (text: string): Promise<void> => {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(text);
    } catch {
      return end(1007, 'relay: a client event must be JSON');
    }
    if (typeof event !== 'object' || event === null || !CLIENT_EVENTS.has(event.event as string)) {
      return end(1008, 'relay: unknown client event');
    }
    if (event.event === 'task_start' && o.onTaskStart) {
      try {
        event = ((await o.onTaskStart(event, req)) ?? event) as Record<string, unknown>;
      } catch {
        return end(1008, 'relay: task_start refused');
      }
      text = JSON.stringify(event);
    }
    if (ended) return;
    if (upstream.readyState === upstream.OPEN) upstream.send(text);
    else if (pending.length < MAX_PENDING) pending.push(text);
    else end(1008, 'relay: too many events before the upstream opened');
  };

  // One at a time, in order: an asynchronous `onTaskStart` must not let a task_continue overtake its task_start.
  let queue = Promise.resolve();
  client.on('message', (data, isBinary) => {
    touch();
    if (isBinary) return end(1003, 'relay: binary frames are not accepted');
    const text = String(data);
    queue = queue.then(() => forward(text));
  });
  client.on('close', () => end(1000, ''));
  client.on('error', () => end(1011, 'relay: client error'));

  upstream.on('open', () => {
    for (const text of pending.splice(0)) upstream.send(text);
  });
  upstream.on('message', (data, isBinary) => {
    touch();
    if (!isBinary && client.readyState === client.OPEN) client.send(String(data));
  });
  upstream.on('unexpected-response', (_request, response) => {
    // Tell the browser why in MiniMax's own terms (a 401 is a bad server key: 1004), then close both sides.
    let body = '';
    response.on('data', (chunk: Buffer) => {
      if (body.length < 16_384) body += String(chunk);
    });
    response.on('end', () => {
      const status = response.statusCode ?? 0;
      let baseResp: unknown;
      try {
        baseResp = (JSON.parse(body) as { base_resp?: unknown }).base_resp;
      } catch {
        // not JSON
      }
      const fallback = {
        status_code: status === 401 ? 1004 : status === 429 ? 1002 : 1000,
        status_msg: `upstream refused the upgrade with HTTP ${status}`,
      };
      const failed = {
        event: 'task_failed',
        trace_id: response.headers['trace-id'],
        base_resp: baseResp ?? fallback,
        relay_status: status,
      };
      if (client.readyState === client.OPEN) client.send(JSON.stringify(failed));
      end(1011, 'relay: upstream refused');
    });
  });
  upstream.on('close', (code) =>
    end(code === 1000 ? 1000 : 1011, code === 1000 ? '' : `relay: upstream closed (${code})`),
  );
  upstream.on('error', () => end(1011, 'relay: upstream connection failed'));
}
