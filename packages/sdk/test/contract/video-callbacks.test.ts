/**
 * End to end, all local: the mock (port 0) runs video tasks created through the SDK with a `callback_url` pointing at
 * a Node `http` server (port 0) serving `createVideoCallbackHandler` through `toNodeListener`. The challenge arrives
 * first, then every status change in order, typed, to a success (or, under `task_fail`, a failure); with `confirm`
 * every event is rebuilt from a query of the task. Nothing is left running afterwards.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockServer, startMock } from '@minimax-ts/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVideoCallbackHandler,
  type VideoCallbackChallenge,
  type VideoCallbackHandlerOptions,
  type VideoStatusEvent,
} from '../../src/callbacks.ts';
import { MiniMax } from '../../src/index.ts';
import { toNodeListener } from '../../src/node.ts';

type Message = VideoCallbackChallenge | VideoStatusEvent;

/** A receiver on port 0 that records what its handler saw, per path (one path per task, as a token would be). */
class Receiver {
  readonly byPath = new Map<string, Message[]>();
  private readonly waiting = new Map<string, () => void>();
  server!: Server;
  url = '';

  async start(options: Omit<VideoCallbackHandlerOptions, 'onEvent' | 'onChallenge'> = {}): Promise<this> {
    const record = (request: Request, message: Message) => {
      const path = new URL(request.url).pathname;
      const list = this.byPath.get(path) ?? [];
      list.push(message);
      this.byPath.set(path, list);
      if (message.kind === 'status' && message.state !== 'pending') this.waiting.get(path)?.();
    };
    const handler = createVideoCallbackHandler({
      ...options,
      onEvent: (event, request) => record(request, event),
      onChallenge: (challenge, request) => record(request, challenge),
    });
    this.server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The messages of one path, once a terminal status arrived there. */
  finished(path: string, timeoutMs = 10_000): Promise<Message[]> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(path);
        resolve(this.byPath.get(path) ?? []);
      };
      const timer = setTimeout(
        () => reject(new Error(`no terminal callback on ${path}: ${JSON.stringify(this.byPath.get(path))}`)),
        timeoutMs,
      );
      const seen = this.byPath.get(path) ?? [];
      if (seen.some((m) => m.kind === 'status' && m.state !== 'pending')) done();
      else this.waiting.set(path, done);
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const V1 = {
  model: 'MiniMax-Hailuo-02',
  prompt: 'A paper boat on a rainy street',
  duration: 6 as const,
  resolution: '768P' as const,
};
const V2 = {
  model: 'MiniMax-H3',
  content: [{ type: 'text' as const, text: 'A lighthouse at dusk' }],
  resolution: '768P' as const,
  duration: 6,
  ratio: '16:9' as const,
};
const summary = (messages: Message[]) =>
  messages.map((m) => (m.kind === 'challenge' ? 'challenge' : `${m.api} ${m.status} ${m.state}`));

let mock: MockServer;
let receiver: Receiver;
let mm: MiniMax;
let handlesBefore: number;
const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;

beforeAll(async () => {
  handlesBefore = tcpHandles();
  mock = await startMock({
    port: 0,
    taskPolls: 2,
    taskStepMs: 5,
    streamDelayMs: 1,
    spec: process.env.MINIMAX_MOCK_SPEC,
  });
  receiver = await new Receiver().start();
  mm = new MiniMax({ apiKey: 'test-key', baseURL: mock.url, logLevel: 'off' });
});
afterAll(async () => {
  await receiver?.close();
  await mock?.close();
});

describe('video callbacks, end to end', () => {
  it('V1: the challenge, then processing, then success with the file id; the file is the video', async () => {
    const { task_id } = await mm.video.create({ ...V1, callback_url: `${receiver.url}/v1/ok` });
    const messages = await receiver.finished('/v1/ok');
    expect(summary(messages)).toEqual(['challenge', 'v1 processing pending', 'v1 success succeeded']);
    const last = messages.at(-1) as VideoStatusEvent;
    expect(last).toMatchObject({ kind: 'status', api: 'v1', taskId: task_id, verified: false });
    if (last.api !== 'v1') throw new Error('narrowing');
    expect(last.fileId).toMatch(/^\d{18}$/);
    const { file } = await mm.files.retrieve(last.fileId!);
    expect(file?.filename).toBe(`${task_id}.mp4`);
    expect((await mm.video.retrieve(task_id!)).status).toBe('Success');
  });

  it('V1 under task_fail: ends failed', async () => {
    await mm.video.create(
      { ...V1, callback_url: `${receiver.url}/v1/fail` },
      { headers: { Prefer: 'scenario=task_fail', 'X-Mock-Session': 'cb-v1-fail' } },
    );
    expect(summary(await receiver.finished('/v1/fail'))).toEqual([
      'challenge',
      'v1 processing pending',
      'v1 failed failed',
    ]);
  });

  it('V2: the challenge, then queued, running, succeeded with the video URL', async () => {
    const { task_id } = await mm.video.v2.create({ ...V2, callback_url: `${receiver.url}/v2/ok` });
    const messages = await receiver.finished('/v2/ok');
    expect(summary(messages)).toEqual([
      'challenge',
      'v2 queued pending',
      'v2 running pending',
      'v2 succeeded succeeded',
    ]);
    const last = messages.at(-1) as VideoStatusEvent;
    if (last.api !== 'v2') throw new Error('narrowing');
    expect(last.taskId).toBe(task_id);
    expect(last.task).toMatchObject({ id: task_id, model: 'MiniMax-H3', status: 'succeeded', resolution: '768P' });
    const video = await fetch(last.url!);
    expect(new TextDecoder().decode(new Uint8Array(await video.arrayBuffer()).slice(4, 8))).toBe('ftyp');
  });

  it('V2 under task_fail: ends failed with the error', async () => {
    await mm.video.v2.create(
      { ...V2, callback_url: `${receiver.url}/v2/fail` },
      { headers: { Prefer: 'scenario=task_fail', 'X-Mock-Session': 'cb-v2-fail' } },
    );
    const messages = await receiver.finished('/v2/fail');
    expect(summary(messages).at(-1)).toBe('v2 failed failed');
    expect(messages.at(-1)).toMatchObject({ error: { code: '1026', message: expect.any(String) } });
  });

  it('with confirm: every event is rebuilt from a query of the task (verified)', async () => {
    const confirming = await new Receiver().start({ confirm: { client: mm } });
    try {
      const v1 = await mm.video.create({ ...V1, callback_url: `${confirming.url}/c1` });
      const v2 = await mm.video.v2.create({ ...V2, callback_url: `${confirming.url}/c2` });
      for (const [path, id] of [
        ['/c1', v1.task_id],
        ['/c2', v2.task_id],
      ] as const) {
        const events = (await confirming.finished(path)).filter((m) => m.kind === 'status');
        expect(events.length).toBeGreaterThan(0);
        for (const event of events) expect(event).toMatchObject({ verified: true, taskId: id });
        expect(events.at(-1)).toMatchObject({ state: 'succeeded' });
      }
    } finally {
      await confirming.close();
    }
  });
});

describe('video callbacks, afterwards', () => {
  it('leaves no socket or server open once the mock and the receiver are closed', async () => {
    expect(tcpHandles()).toBeGreaterThan(handlesBefore); // the two servers, at least
    await receiver.close();
    await mock.close();
    await expect.poll(tcpHandles, { timeout: 3_000 }).toBeLessThanOrEqual(handlesBefore);
  });
});
