/**
 * Faults below HTTP: nobody listening, a connection dropped before the answer, a connection dropped inside the
 * answer. Reads are retried; a billable create is retried only when the failure proves it never reached the server.
 */

import { describe, expect, it } from 'vitest';
import { APIConnectionError, type APIError } from '../../src/index.ts';
import { systemErrorCode } from '../../src/internal/describe-failure.ts';
import { answer, type FaultServer, OK, resetBeforeHeaders, resetMidBody, sequence } from './fault-server.ts';
import { BIG_ID, chat, fileJSON, image, PATHS } from './fixtures.ts';
import { BOUND_MS, closedPort, timedFailure, useHarness } from './harness.ts';

const h = useHarness();
const imageResult = { ...OK, id: 'img1', data: { image_urls: ['https://example.invalid/1.png'] } };

// Not concurrent: these rely on a port that was just freed staying free.
describe('connection refused', () => {
  it('raises APIConnectionError (ECONNREFUSED) once the retries are spent, within a bounded time', async () => {
    const attempts: string[] = [];
    const port = await closedPort();
    const client = h.client(`http://127.0.0.1:${port}`, {
      maxRetries: 1,
      fetch: (input, init) => {
        attempts.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    const { error, ms } = await timedFailure(() => client.files.list({ purpose: 'voice_clone' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(systemErrorCode(error)).toBe('ECONNREFUSED');
    expect((error as APIError).path).toBe('/v1/files/list');
    expect(attempts).toHaveLength(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('retries a billable create, which provably never ran: the server, once up, sees exactly one request', async () => {
    const port = await closedPort();
    let server: FaultServer | undefined;
    let refused = 0;
    const client = h.client(`http://127.0.0.1:${port}`, {
      // The first attempt is refused; the server starts listening on that port during the backoff.
      fetch: async (input, init) => {
        try {
          return await fetch(input, init);
        } catch (error) {
          refused++;
          server ??= await h.server({ [PATHS.image]: answer(imageResult) }, port);
          throw error;
        }
      },
    });
    const result = await client.images.generate(image);
    expect(result.data?.image_urls).toHaveLength(1);
    expect(refused).toBe(1);
    expect(server!.count(PATHS.image)).toBe(1);
  });
});

describe.concurrent('reset before the headers', () => {
  it('retries a read, and succeeds when the next attempt is answered (server saw 2)', async () => {
    const server = await h.server({ [PATHS.filesRetrieve]: sequence(resetBeforeHeaders, answer(fileJSON())) });
    const { file } = await h.client(server.url).files.retrieve(BIG_ID);
    expect(file?.file_id).toBe(BIG_ID);
    expect(server.count(PATHS.filesRetrieve)).toBe(2);
  });

  it('raises APIConnectionError when every attempt is reset (server saw 1 + maxRetries)', async () => {
    const server = await h.server({ [PATHS.filesList]: resetBeforeHeaders });
    const { error, ms } = await timedFailure(() =>
      h.client(server.url, { maxRetries: 1 }).files.list({ purpose: 'voice_clone' }),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(systemErrorCode(error)).toBe('UND_ERR_SOCKET');
    expect(server.count(PATHS.filesList)).toBe(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('never retries a billable create: the request reached the server (server saw 1)', async () => {
    const server = await h.server({ [PATHS.image]: sequence(resetBeforeHeaders, answer(imageResult)) });
    const { error } = await timedFailure(() => h.client(server.url).images.generate(image));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.count(PATHS.image)).toBe(1);
  });

  it('never retries a billable stream create either (server saw 1)', async () => {
    const server = await h.server({ [PATHS.chat]: resetBeforeHeaders });
    const { error } = await timedFailure(() => h.client(server.url).chat.create({ ...chat, stream: true }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.count(PATHS.chat)).toBe(1);
  });
});

describe.concurrent('reset in the middle of the body', () => {
  it('retries a read, and succeeds when the next attempt is answered (server saw 2)', async () => {
    const server = await h.server({ [PATHS.filesRetrieve]: sequence(resetMidBody(fileJSON()), answer(fileJSON())) });
    const { file } = await h.client(server.url).files.retrieve(BIG_ID);
    expect(file?.file_id).toBe(BIG_ID);
    expect(server.count(PATHS.filesRetrieve)).toBe(2);
  });

  it('raises APIConnectionError when every attempt is cut (server saw 1 + maxRetries)', async () => {
    const server = await h.server({ [PATHS.filesRetrieve]: resetMidBody(fileJSON()) });
    const { error, ms } = await timedFailure(() => h.client(server.url, { maxRetries: 1 }).files.retrieve(BIG_ID));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIError).path).toBe('/v1/files/retrieve');
    expect(server.count(PATHS.filesRetrieve)).toBe(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('never retries a billable create whose answer was cut: it ran (server saw 1)', async () => {
    const server = await h.server({ [PATHS.image]: sequence(resetMidBody(imageResult), answer(imageResult)) });
    const { error } = await timedFailure(() => h.client(server.url).images.generate(image));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.count(PATHS.image)).toBe(1);
  });
});
