/** The files API over the in-memory store: a full round trip, with 18-digit ids kept exact on the wire. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.ts';
import { AUTH, get, post, readJson, start } from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await start();
});
afterAll(() => mock.close());

async function upload(content: Uint8Array | string, filename: string, purpose = 'voice_clone') {
  const form = new FormData();
  form.set('purpose', purpose);
  form.set('file', new Blob([content as BlobPart]), filename);
  const res = await fetch(`${mock.url}/v1/files/upload`, { method: 'POST', headers: AUTH, body: form });
  const text = await res.text();
  return { res, text, body: readJson(text) as { file: Record<string, unknown>; base_resp: { status_code: number } } };
}

describe('files', () => {
  it('round-trips an upload: list, retrieve, retrieve_content, download_url, delete', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 0x0d, 0x0a, 0x2d, 0x2d]);
    const up = await upload(bytes, 'sample.mp3');
    expect(up.res.status).toBe(200);
    expect(up.body.base_resp.status_code).toBe(0);
    const id = up.body.file.file_id as string;
    expect(id).toMatch(/^\d{18}$/);
    expect(BigInt(id) > 2n ** 53n).toBe(true);
    expect(up.body.file).toMatchObject({ bytes: bytes.length, filename: 'sample.mp3', purpose: 'voice_clone' });

    const list = readJson(await (await get(mock, '/v1/files/list?purpose=voice_clone')).text()) as {
      files: Array<{ file_id: string }>;
    };
    expect(list.files.map((f) => f.file_id)).toContain(id);
    const other = readJson(await (await get(mock, '/v1/files/list?purpose=prompt_audio')).text()) as {
      files: unknown[];
    };
    expect(other.files).toEqual([]);

    const retrieved = readJson(await (await get(mock, `/v1/files/retrieve?file_id=${id}`)).text()) as {
      file: { file_id: string; download_url: string };
    };
    expect(retrieved.file.file_id).toBe(id);

    const content = await get(mock, `/v1/files/retrieve_content?file_id=${id}`);
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(bytes);

    // download_url points back at the mock and needs no Authorization (like a presigned URL).
    expect(retrieved.file.download_url.startsWith(`${mock.url}/`)).toBe(true);
    const download = await fetch(retrieved.file.download_url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    const del = await post(mock, '/v1/files/delete', `{"file_id":${id},"purpose":"voice_clone"}`);
    const delText = await del.text();
    expect(delText).toContain(`"file_id":${id}`);
    const gone = readJson(await (await get(mock, `/v1/files/retrieve?file_id=${id}`)).text()) as {
      base_resp: { status_code: number };
    };
    expect(gone.base_resp.status_code).toBe(2013);
  });

  it('writes ids above 2^53 as bare JSON numbers, digit for digit, and reads them back exactly', async () => {
    const up = await upload('x', 'a.txt');
    const id = up.body.file.file_id as string;
    // On the wire: a bare number, not a string; and not what Number() would have made of it.
    expect(up.text).toContain(`"file_id":${id}`);
    // …and one that plain JSON.parse would corrupt.
    expect(String((JSON.parse(up.text) as { file: { file_id: number } }).file.file_id)).not.toBe(id);

    // Sent back as a bare number in a JSON body, parsed losslessly by the mock: the same file is found.
    const del = await post(mock, '/v1/files/delete', `{"file_id":${id},"purpose":"voice_clone"}`);
    expect((readJson(await del.text()) as { file_id: string }).file_id).toBe(id);

    // A neighbour id that a double cannot tell apart from this one does not match it.
    const neighbour = (BigInt(id) + 1n).toString();
    const miss = readJson(await (await get(mock, `/v1/files/retrieve?file_id=${neighbour}`)).text()) as {
      base_resp: { status_code: number };
    };
    expect(miss.base_resp.status_code).toBe(2013);
  });

  it('reports an unknown file id the way the native API reports errors (HTTP 200 + base_resp)', async () => {
    const res = await get(mock, '/v1/files/retrieve_content?file_id=123456789012345678');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { base_resp: { status_code: number } }).base_resp.status_code).toBe(2013);
  });
});
