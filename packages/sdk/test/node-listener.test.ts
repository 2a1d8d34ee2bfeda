/**
 * `toNodeListener` on a real `node:http` server (port 0): the request the handler sees, the answer the client gets,
 * a refused oversized upload that still gets its 413 (and a closed connection), a body a framework already parsed,
 * and a handler that throws.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVideoCallbackHandler, type VideoStatusEvent } from '../src/callbacks.ts';
import { toNodeListener } from '../src/node.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(listener: (req: IncomingMessage, res: import('node:http').ServerResponse) => void) {
  server = createServer(listener);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeListener', () => {
  it('passes method, path, query, headers and body; writes status, headers and body back', async () => {
    let seen: { method: string; url: string; header: string | null; body: string } | undefined;
    const url = await serve(
      toNodeListener(async (request) => {
        seen = {
          method: request.method,
          url: request.url,
          header: request.headers.get('x-token'),
          body: await request.text(),
        };
        return new Response('made', { status: 201, headers: { 'x-answer': 'yes' } });
      }),
    );
    const response = await fetch(`${url}/cb/tok?a=1`, { method: 'POST', body: 'hello', headers: { 'x-token': 't' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(await response.text()).toBe('made');
    expect(seen).toEqual({ method: 'POST', url: `${url}/cb/tok?a=1`, header: 't', body: 'hello' });
  });

  it('serves the video callback handler: challenge, then an event', async () => {
    const events: VideoStatusEvent[] = [];
    const url = await serve(toNodeListener(createVideoCallbackHandler({ onEvent: (e) => void events.push(e) })));
    const challenge = await fetch(url, { method: 'POST', body: '{"challenge":"node-1"}' });
    expect(await challenge.json()).toEqual({ challenge: 'node-1' });
    const event = await fetch(url, {
      method: 'POST',
      body: '{"task_id":"1","status":"success","file_id":307134579123456789}',
    });
    expect(event.status).toBe(200);
    expect(events).toMatchObject([{ api: 'v1', fileId: '307134579123456789', state: 'succeeded' }]);
  });

  it('an upload past the cap gets its 413 without being buffered, and the connection closes', async () => {
    const url = await serve(toNodeListener(createVideoCallbackHandler({ onEvent: () => {}, maxBodyBytes: 64 * 1024 })));
    const total = 256 * 1024 * 1024;
    const { status, connection, sent } = await new Promise<{ status: number; connection: string; sent: number }>(
      (resolve, reject) => {
        let written = 0;
        let answered = false;
        const req = httpRequest(`${url}/`, { method: 'POST' }, (res) => {
          answered = true;
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode!, connection: String(res.headers.connection), sent: written }),
          );
        });
        // Once answered, the server may close while we are still writing: that is expected.
        req.on('error', (error) => (answered ? undefined : reject(error)));
        // Chunked, no Content-Length: the cap is enforced on the stream itself.
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!answered && written < total) {
            written += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      },
    );
    expect(status).toBe(413);
    expect(connection).toBe('close');
    // Answered long before the 256 MiB upload could have been read.
    expect(sent).toBeLessThan(total);
  });

  it('takes a body a framework already parsed (Express `req.body`)', async () => {
    const events: VideoStatusEvent[] = [];
    const listener = toNodeListener(createVideoCallbackHandler({ onEvent: (e) => void events.push(e) }));
    const url = await serve((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => {
        text += c;
      });
      req.on('end', () => {
        (req as { body?: unknown }).body = text.startsWith('{"task"') ? JSON.parse(text) : text;
        listener(req, res);
      });
    });
    await fetch(url, { method: 'POST', body: '{"task":{"id":"9","status":"running"}}' });
    const raw = await fetch(url, { method: 'POST', body: '{"challenge":"pre"}' });
    expect(await raw.json()).toEqual({ challenge: 'pre' });
    expect(events).toMatchObject([{ api: 'v2', taskId: '9', status: 'running' }]);
  });

  it('a handler that throws is a 500, and the server keeps serving', async () => {
    let calls = 0;
    const url = await serve(
      toNodeListener(() => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return new Response('ok');
      }),
    );
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(500);
    expect(await (await fetch(url)).text()).toBe('ok');
  });

  it('refuses what is not a handler', () => {
    expect(() => toNodeListener('x' as never)).toThrow(TypeError);
  });
});
