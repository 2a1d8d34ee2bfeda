import { InvalidArgumentError } from '@minimax-ts/sdk';
import { describe, expect, it } from 'vitest';
import { useMock } from './mock-fixture.ts';

const mock = useMock();

describe('files', () => {
  it('round-trips an upload: list, retrieve, content, delete, with the 18-digit id intact', async () => {
    const client = mock.client();
    const bytes = new TextEncoder().encode('Hello, MiniMax async speech.');
    const { file } = await client.files.upload({ file: bytes, filename: 'input.txt', purpose: 't2a_async_input' });
    const id = file!.file_id;
    expect(id).toMatch(/^\d{18,19}$/);
    expect(BigInt(id)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));

    const page = await client.files.list({ purpose: 't2a_async_input' });
    expect(page.items.map((f) => f.file_id)).toContain(id);
    const listed: string[] = [];
    for await (const f of client.files.list({ purpose: 't2a_async_input' })) listed.push(f.file_id);
    expect(listed).toContain(id);

    const retrieved = await client.files.retrieve(id);
    expect(retrieved.file?.file_id).toBe(id);
    expect(retrieved.file?.bytes).toBe(bytes.length);

    const content = await client.files.content(id);
    expect(new TextDecoder().decode(await content.bytes())).toBe('Hello, MiniMax async speech.');

    const deleted = await client.files.delete({ file_id: id, purpose: 't2a_async_input' });
    expect(deleted.file_id).toBe(id);
    const after = await client.files.list({ purpose: 't2a_async_input' });
    expect(after.items.map((f) => f.file_id)).not.toContain(id);
  });

  it('uploads a stream without knowing its size', async () => {
    const client = mock.client();
    const chunks = [new Uint8Array(1000).fill(1), new Uint8Array(500).fill(2)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const { file } = await client.files.upload({ file: stream, filename: 'voice.mp3', purpose: 'voice_clone' });
    const content = await (await client.files.content(file!.file_id)).bytes();
    expect(content.length).toBe(1500);
    expect(content[999]).toBe(1);
    expect(content[1000]).toBe(2);
  });

  it('streams file content chunk by chunk', async () => {
    const client = mock.client();
    const big = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    const { file } = await client.files.upload({ file: big, filename: 'big.wav', purpose: 'voice_clone' });
    let total = 0;
    for await (const chunk of await client.files.content(file!.file_id)) total += chunk.length;
    expect(total).toBe(big.length);
  });

  it('refuses an upload without a file name before sending anything', async () => {
    await expect(mock.client().files.upload({ file: new Uint8Array(3), purpose: 'voice_clone' })).rejects.toThrow(
      /file name/,
    );
  });

  it('refuses an empty file (bytes or Blob) before sending anything', async () => {
    const client = mock.client();
    const sent: string[] = [];
    const watched = client.withOptions({
      fetch: (url: string | URL | Request, init?: RequestInit) => {
        sent.push(String(url));
        return fetch(url, init);
      },
    });
    for (const file of [new Uint8Array(0), new File([], 'empty.mp3')]) {
      const error = await watched.files.upload({ file, filename: 'empty.mp3', purpose: 'voice_clone' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).message).toMatch(/^file: the file is empty/);
    }
    expect(sent).toEqual([]);
  });
});
