/**
 * `createVideoCallbackHandler` called as an edge runtime calls it, with a plain `Request`: the challenge answered
 * without waiting on user code, methods, size caps, malformed bodies, errors of `onEvent`, and `confirm`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createVideoCallbackHandler,
  InvalidArgumentError,
  type VideoCallbackClient,
  type VideoCallbackConfirmError,
  VideoCallbackParseError,
  type VideoStatusEvent,
} from '../src/callbacks.ts';
import { InvalidParamsError, NotFoundError } from '../src/index.ts';

const URL_ = 'https://app.example/minimax/callback/s3cr3t';
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
const V1_SUCCESS = '{"task_id":"115334141465231360","status":"success","file_id":"205258526306433"}';

/** A promise and its resolver, to hold user code for as long as a test needs. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

afterEach(() => vi.restoreAllMocks());

describe('the challenge', () => {
  it('is echoed as JSON at once, and onChallenge hears of it afterwards', async () => {
    const seen: string[] = [];
    const handler = createVideoCallbackHandler({
      onEvent: () => {},
      onChallenge: (challenge) => {
        seen.push(challenge.challenge);
      },
    });
    const response = await handler(post('{"challenge":"abc-123"}'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ challenge: 'abc-123' });
    expect(seen).toEqual([]); // not called before the answer left
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual(['abc-123']);
  });

  it('echoes a number as a number', async () => {
    const handler = createVideoCallbackHandler({ onEvent: () => {} });
    expect(await (await handler(post('{"challenge":987}'))).text()).toBe('{"challenge":987}');
  });

  it('never waits on user code: a slow onEvent and a hanging onChallenge', async () => {
    const held = gate();
    const onError = vi.fn();
    const handler = createVideoCallbackHandler({
      onEvent: () => held.opened,
      onChallenge: () => new Promise<void>(() => {}),
      onError,
    });
    let eventDone = false;
    const event = handler(post(V1_SUCCESS)).then((r) => {
      eventDone = true;
      return r;
    });
    const challenge = await handler(post('{"challenge":"c"}'));
    expect(await challenge.json()).toEqual({ challenge: 'c' });
    expect(eventDone).toBe(false); // the event is still in onEvent while the challenge has been answered
    held.open();
    expect((await event).status).toBe(200);
    expect(onError).not.toHaveBeenCalled();
  });

  it('a throwing onChallenge goes to onError; the answer is still 200', async () => {
    const onError = vi.fn();
    const handler = createVideoCallbackHandler({
      onEvent: () => {},
      onChallenge: () => {
        throw new Error('boom');
      },
      onError,
    });
    expect((await handler(post('{"challenge":"c"}'))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }), expect.any(Request));
  });

  it('a ?challenge= on a GET or a bodiless POST is answered too (V2 does not document the method)', async () => {
    const handler = createVideoCallbackHandler({ onEvent: () => {} });
    const response = await handler(new Request(`${URL_}?challenge=q-1`));
    expect(await response.json()).toEqual({ challenge: 'q-1' });
    const bodiless = await handler(new Request(`${URL_}?challenge=q-2`, { method: 'POST' }));
    expect(await bodiless.json()).toEqual({ challenge: 'q-2' });
    // A body wins over the query: the documented JSON challenge, or an event.
    const withBody = await handler(new Request(`${URL_}?challenge=q-3`, { method: 'POST', body: '{"challenge":"b"}' }));
    expect(await withBody.json()).toEqual({ challenge: 'b' });
    expect((await handler(new Request(URL_, { method: 'POST' }))).status).toBe(400);
  });
});

describe('status events', () => {
  it('hands each event to onEvent, typed, with the request; answers {"status":"success"}', async () => {
    const events: VideoStatusEvent[] = [];
    const requests: Request[] = [];
    const handler = createVideoCallbackHandler({
      onEvent: (event, request) => {
        events.push(event);
        requests.push(request);
      },
    });
    const response = await handler(post(V1_SUCCESS));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'success' });
    expect(events).toEqual([
      expect.objectContaining({ api: 'v1', taskId: '115334141465231360', state: 'succeeded', verified: false }),
    ]);
    expect(new URL(requests[0]!.url).pathname).toBe('/minimax/callback/s3cr3t');
    const v2 = await handler(post('{"task":{"id":"424010985738629","status":"running"}}'));
    expect(v2.status).toBe(200);
    expect(events[1]).toMatchObject({ api: 'v2', status: 'running', state: 'pending' });
  });

  it('onEvent throwing or rejecting is a 500 that does not leak the error; onError gets it', async () => {
    const onError = vi.fn();
    for (const onEvent of [
      () => {
        throw new Error('db password is hunter2');
      },
      () => Promise.reject(new Error('db password is hunter2')),
    ]) {
      const handler = createVideoCallbackHandler({ onEvent, onError });
      const response = await handler(post(V1_SUCCESS));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('hunter2');
      expect(JSON.parse(text)).toEqual({ error: { type: 'handler_error', message: expect.any(String) } });
    }
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[0]![0]).toMatchObject({ message: 'db password is hunter2' });
  });

  it('without onError, errors of user code go to console.error; refused bodies do not', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createVideoCallbackHandler({
      onEvent: () => {
        throw new Error('mine');
      },
    });
    expect((await handler(post('not json'))).status).toBe(400);
    expect(spy).not.toHaveBeenCalled();
    expect((await handler(post(V1_SUCCESS))).status).toBe(500);
    expect(spy).toHaveBeenCalledWith('[minimax-ts] video callback:', expect.objectContaining({ message: 'mine' }));
  });
});

describe('refusals', () => {
  it.each([
    ['not JSON', '{"task_id":'],
    ['empty', ''],
    ['not a callback', '{"hello":"world"}'],
    ['a wrong type', '{"task_id":"1","status":7}'],
  ])('400 for %s, with a clear message; onEvent never called', async (_name, body) => {
    const onEvent = vi.fn();
    const onError = vi.fn();
    const handler = createVideoCallbackHandler({ onEvent, onError });
    const response = await handler(post(body));
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { type: string; message: string } };
    expect(answer.error.type).toBe('invalid_callback');
    expect(answer.error.message).toBe((onError.mock.calls[0]![0] as Error).message);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(VideoCallbackParseError);
    expect(onEvent).not.toHaveBeenCalled();
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])('405 for %s, with Allow: POST', async (method) => {
    const handler = createVideoCallbackHandler({ onEvent: vi.fn() });
    const response = await handler(new Request(URL_, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('413 by Content-Length, before reading a byte', async () => {
    const pulls = vi.fn();
    const body = new ReadableStream<Uint8Array>({ pull: pulls });
    const handler = createVideoCallbackHandler({ onEvent: vi.fn(), maxBodyBytes: 100 });
    const request = new Request(URL_, {
      method: 'POST',
      body,
      headers: { 'content-length': '101' },
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('body_too_large');
  });

  it('413 for a streamed body past the cap, which is cancelled there, not read to its end', async () => {
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const handler = createVideoCallbackHandler({ onEvent: vi.fn(), maxBodyBytes: 10_000 });
    const response = await handler(new Request(URL_, { method: 'POST', body, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThan(20_000);
  });

  it('a body exactly at the cap is read', async () => {
    const body = `${V1_SUCCESS}${' '.repeat(200 - V1_SUCCESS.length)}`;
    const handler = createVideoCallbackHandler({ onEvent: vi.fn(), maxBodyBytes: 200 });
    expect((await handler(post(body))).status).toBe(200);
    const over = createVideoCallbackHandler({ onEvent: vi.fn(), maxBodyBytes: 199 });
    expect((await over(post(body))).status).toBe(413);
  });

  it('refuses bad options with InvalidArgumentError naming them', () => {
    const make = (options: unknown) => () => createVideoCallbackHandler(options as never);
    expect(make(undefined)).toThrow(InvalidArgumentError);
    expect(make({})).toThrow(/onEvent: expected a function/);
    expect(make({ onEvent: () => {}, onError: 'x' })).toThrow(/onError/);
    expect(make({ onEvent: () => {}, maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
    expect(make({ onEvent: () => {}, maxBodyBytes: 1.5 })).toThrow(/maxBodyBytes/);
    expect(make({ onEvent: () => {}, confirm: { client: {} } })).toThrow(/confirm\.client/);
    expect(make({ onEvent: () => {}, confirm: { client: {}, verify: 'signature' } })).toThrow(/confirm\.verify/);
  });
});

describe('confirm: the event comes from querying the task', () => {
  const client = (overrides: Partial<Record<'v1' | 'template' | 'v2', (id: string) => Promise<unknown>>>) => {
    const fail = () => Promise.reject(new Error('not expected'));
    const calls: string[] = [];
    const wrap = (name: string, fn: (id: string) => Promise<unknown>) => (id: string) => {
      calls.push(`${name} ${id}`);
      return fn(id);
    };
    const c: VideoCallbackClient = {
      video: {
        retrieve: wrap('v1', overrides.v1 ?? fail),
        templates: { retrieve: wrap('template', overrides.template ?? fail) },
        v2: { retrieve: wrap('v2', overrides.v2 ?? fail) },
      },
    };
    return { c, calls };
  };
  const notFound = () =>
    new NotFoundError({ status: 404, message: 'not found', code: undefined, headers: new Headers() } as never);

  it('V1: what the query says, verified, the received body kept as raw', async () => {
    const { c, calls } = client({
      v1: async () => ({ task_id: '115334141465231360', status: 'Success', file_id: '307134579123456789' }),
    });
    const events: VideoStatusEvent[] = [];
    const handler = createVideoCallbackHandler({
      confirm: { client: c, verify: 'query' },
      onEvent: (e) => void events.push(e),
    });
    expect((await handler(post(V1_SUCCESS))).status).toBe(200);
    expect(calls).toEqual(['v1 115334141465231360']);
    expect(events[0]).toMatchObject({
      api: 'v1',
      status: 'Success',
      state: 'succeeded',
      fileId: '307134579123456789',
      verified: true,
      raw: JSON.parse(V1_SUCCESS),
    });
  });

  it('V2: the queried task', async () => {
    const { c } = client({ v2: async (id) => ({ id, status: 'failed', error: { code: '1026', message: 'no' } }) });
    const events: VideoStatusEvent[] = [];
    const handler = createVideoCallbackHandler({ confirm: { client: c }, onEvent: (e) => void events.push(e) });
    expect((await handler(post('{"task":{"id":"42","status":"succeeded"}}'))).status).toBe(200);
    expect(events[0]).toMatchObject({ api: 'v2', state: 'failed', verified: true, error: { code: '1026' } });
  });

  it('a task the account does not have: 403, never reaches onEvent', async () => {
    const onEvent = vi.fn();
    const onError = vi.fn();
    for (const v1 of [
      () => Promise.reject(notFound()),
      () => Promise.reject(new InvalidParamsError({ status: 200, message: 'invalid task_id', code: 2013 } as never)),
      async () => ({ task_id: '999', status: 'Success' }), // answered for another task
    ]) {
      // Unknown to the video query, then to the template query as well.
      const { c } = client({ v1, template: () => Promise.reject(notFound()) });
      const handler = createVideoCallbackHandler({ confirm: { client: c }, onEvent, onError });
      const response = await handler(post(V1_SUCCESS));
      expect(response.status).toBe(403);
    }
    expect(onEvent).not.toHaveBeenCalled();
    expect(onError.mock.calls.map(([e]) => (e as VideoCallbackConfirmError).reason)).toEqual([
      'unknown_task',
      'unknown_task',
      'unknown_task',
    ]);
  });

  it('a query that fails otherwise: 503 with Retry-After, so the sender may come back', async () => {
    const onEvent = vi.fn();
    const onError = vi.fn();
    const { c } = client({ v2: () => Promise.reject(new TypeError('fetch failed')) });
    const handler = createVideoCallbackHandler({ confirm: { client: c }, onEvent, onError });
    const response = await handler(post('{"task":{"id":"42","status":"succeeded"}}'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(onEvent).not.toHaveBeenCalled();
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: 'VideoCallbackConfirmError', reason: 'unavailable' });
  });

  it('a sender that hung up during the query: no console.error (onError is still told)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const abort = new AbortController();
    const { c } = client({
      v2: () => {
        abort.abort();
        return Promise.reject(new TypeError('aborted'));
      },
    });
    const request = () =>
      new Request('http://receiver.local/cb', {
        method: 'POST',
        body: '{"task":{"id":"42","status":"running"}}',
        signal: abort.signal,
      });
    expect((await createVideoCallbackHandler({ confirm: { client: c }, onEvent: vi.fn() })(request())).status).toBe(
      503,
    );
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('V1: a task unknown to the video query is looked up among templates', async () => {
    const { c, calls } = client({
      v1: () => Promise.reject(notFound()),
      template: async () => ({ task_id: '7', status: 'Success', video_url: 'https://cdn/t.mp4' }),
    });
    const events: VideoStatusEvent[] = [];
    const handler = createVideoCallbackHandler({ confirm: { client: c }, onEvent: (e) => void events.push(e) });
    expect((await handler(post('{"task_id":"7","status":"processing"}'))).status).toBe(200);
    expect(calls).toEqual(['v1 7', 'template 7']);
    expect(events[0]).toMatchObject({ url: 'https://cdn/t.mp4', state: 'succeeded', verified: true });
  });

  it('a challenge is never confirmed (there is no task yet to ask about)', async () => {
    const { c, calls } = client({});
    const handler = createVideoCallbackHandler({ confirm: { client: c }, onEvent: vi.fn() });
    expect(await (await handler(post('{"challenge":"x"}'))).json()).toEqual({ challenge: 'x' });
    expect(calls).toEqual([]);
  });
});
