/**
 * Issue #12, mock items 19–21: paging of the files list, hostile and non-Latin-1 file names, capped waits and
 * numbers, the server's own address in download URLs, unknown examples, and the global cap on request bodies.
 */
import { request as httpRequest } from 'node:http';
import { MiniMax } from '@minimax-ts/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../src/content-disposition.ts';
import type { MockServer } from '../src/index.ts';
import { AUTH, CHAT, get, post, readJson, requestExample, sleep, start } from './helpers.ts';

let mock: MockServer;
const lines: string[] = [];
beforeAll(async () => {
  mock = await start({ log: (line) => lines.push(line) });
});
afterAll(() => mock.close());

async function upload(filename: string, content = 'x', purpose = 'prompt_audio') {
  const form = new FormData();
  form.set('purpose', purpose);
  form.set('file', new Blob([content]), filename);
  const res = await fetch(`${mock.url}/v1/files/upload`, { method: 'POST', headers: AUTH, body: form });
  return { res, body: readJson(await res.text()) as { file: { file_id: string; download_url: string } } };
}

/** Decodes `filename*=UTF-8''…` (RFC 8187), else the quoted `filename`. */
function filenameOf(header: string | null): string | undefined {
  const ext = /filename\*=UTF-8''([^;\s]+)/i.exec(header ?? '');
  if (ext) return decodeURIComponent(ext[1]!);
  return /filename="([^"]*)"/.exec(header ?? '')?.[1];
}

describe('19. files list: one page for the SDK, exact paging for size/after_file_id', () => {
  it('the SDK lists every file exactly once, newest first; size + after_file_id page raw requests', async () => {
    await fetch(`${mock.url}/__reset`, { method: 'POST' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(`p${i}.mp3`, `p${i}`, 'voice_clone')).body.file.file_id);
    const mm = new MiniMax({ apiKey: 't', baseURL: mock.url, logLevel: 'off' });
    const seen: string[] = [];
    for await (const f of mm.files.list({ purpose: 'voice_clone' })) seen.push(f.file_id);
    expect(seen).toEqual([...ids].reverse());

    const page = readJson(await (await get(mock, `/v1/files/list?purpose=voice_clone&size=2&page=2`)).text()) as {
      files: Array<{ file_id: string }>;
    };
    expect(page.files.map((f) => f.file_id)).toEqual([ids[2], ids[1]]);
    const after = readJson(
      await (await get(mock, `/v1/files/list?purpose=voice_clone&size=10&after_file_id=${ids[1]}`)).text(),
    ) as { files: Array<{ file_id: string }> };
    expect(after.files.map((f) => f.file_id)).toEqual([ids[0]]);
  });
});

describe('20. file names: RFC 8187 Content-Disposition', () => {
  it.each(['声音.mp3', 'quote"in.mp3', `a"; filename*=UTF-8''evil.exe; x=".mp3`, 'back\\slash;semi.mp3'])(
    '%s uploads, and retrieve_content and the download keep the exact name',
    async (name) => {
      const { res, body } = await upload(name, 'audio');
      expect(res.status).toBe(200);
      const id = body.file.file_id;
      const content = await get(mock, `/v1/files/retrieve_content?file_id=${id}`);
      expect(content.status).toBe(200);
      expect(await content.text()).toBe('audio');
      const header = content.headers.get('content-disposition');
      expect(filenameOf(header)).toBe(name);
      // Exactly one filename and at most one filename*: nothing injected.
      expect(header!.match(/filename\*=/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(header!.match(/;\s*filename="/g)).toHaveLength(1);
      const download = await fetch(body.file.download_url);
      expect(download.status).toBe(200);
      expect(filenameOf(download.headers.get('content-disposition'))).toBe(name);
    },
  );

  it('writes a plain ASCII name as a plain quoted filename', () => {
    expect(contentDisposition('sample.mp3')).toBe('attachment; filename="sample.mp3"');
    expect(contentDisposition('声音.mp3')).toBe(
      `attachment; filename="__.mp3"; filename*=UTF-8''%E5%A3%B0%E9%9F%B3.mp3`,
    );
  });
});

describe('21. caps and the server address', () => {
  it('slow_headers with a wait beyond a timer does not answer at once', async () => {
    const controller = new AbortController();
    const answered = post(mock, CHAT, requestExample('post', CHAT), {
      Prefer: 'scenario=slow_headers, wait=99999999999',
    }).then(
      () => 'answered',
      () => 'aborted',
    );
    const outcome = await Promise.race([answered, sleep(400).then(() => 'waiting')]);
    controller.abort();
    expect(outcome).toBe('waiting');
  });

  it('download_url uses the server address, not the Host header', async () => {
    const { body } = await new Promise<{ body: string }>((resolve, reject) => {
      const boundary = 'b0undary';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nprompt_audio\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="h.mp3"\r\n\r\nx\r\n--${boundary}--\r\n`;
      const req = httpRequest(
        `${mock.url}/v1/files/upload`,
        {
          method: 'POST',
          headers: {
            ...AUTH,
            Host: 'evil.example:666',
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => {
            text += d.toString();
          });
          res.on('end', () => resolve({ body: text }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    const file = (readJson(body) as { file: { download_url: string } }).file;
    expect(file.download_url.startsWith(`${mock.url}/__download/`)).toBe(true);
  });

  it('an unknown example is a 400 naming the known ones', async () => {
    const res = await post(mock, `${CHAT}?__example=nope`, requestExample('post', CHAT));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { type: string; message: string };
    expect(body.type).toBe('mock_error');
    expect(body.message).toContain('default');
  });

  it('base_resp_<n> beyond int32 is an unknown scenario, never 1e20', async () => {
    const res = await post(mock, CHAT, requestExample('post', CHAT), {
      Prefer: 'scenario=base_resp_100000000000000000000',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('e+20');
    const ok = await post(mock, CHAT, requestExample('post', CHAT), { Prefer: 'scenario=base_resp_2147483647' });
    expect(await ok.text()).toContain('"status_code":2147483647');
  });

  it('the request log says why a request got 422', async () => {
    await post(mock, CHAT, { messages: [] });
    const line = lines.find((l) => l.includes('→ 422'));
    expect(line).toMatch(/contract violation: body.*model/);
  });
});

function uploadBytes(target: MockServer, size: number): Promise<Response> {
  const form = new FormData();
  form.set('purpose', 'prompt_audio');
  form.set('file', new Blob([new Uint8Array(size)]), 'big.mp3');
  return fetch(`${target.url}/v1/files/upload`, { method: 'POST', headers: AUTH, body: form });
}

describe('21. a global cap on request bodies in flight', () => {
  it('refuses a body that would take the bytes in flight over the cap with 503, and takes it once they drop', async () => {
    const capped = await start({ limits: { bodyBytes: 1_000_000, inflightBodyBytes: 1_500_000 } });
    try {
      // A first upload that sends 900 kB and then holds its connection open (slow client).
      const held = httpRequest(`${capped.url}/v1/files/upload`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': 1_000_000 },
      });
      held.on('error', () => {});
      held.write(Buffer.alloc(900_000, 0x61));
      await sleep(200);
      const second = await uploadBytes(capped, 800_000);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('1');
      held.destroy();
      await sleep(100);
      const third = await uploadBytes(capped, 800_000);
      expect(third.status).toBe(200);
      const tooBig = await post(capped, CHAT, 'x'.repeat(1_200_000));
      expect(tooBig.status).toBe(413);
    } finally {
      await capped.close();
    }
  });
});
