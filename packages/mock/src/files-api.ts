/**
 * The files API over the in-memory store: upload (multipart), list, retrieve, retrieve_content, delete, plus the
 * unauthenticated `/__download/<id>/<name>` that `download_url` points at (the real one is a presigned URL).
 * Response bodies start from the spec's example (so every field the schema wants is there) and get the stored
 * file's values written over them.
 */
import type { ServerResponse } from 'node:http';
import type { MockState, RequestContext } from './context.ts';
import type { StoredFile } from './files-store.ts';
import { send, sendJson } from './http-io.ts';

const FILES = {
  upload: '/v1/files/upload',
  list: '/v1/files/list',
  retrieve: '/v1/files/retrieve',
  content: '/v1/files/retrieve_content',
  delete: '/v1/files/delete',
} as const;

const FILE_PATHS = new Set<string>(Object.values(FILES));

export function isFilesOperation(op: { path: string }): boolean {
  return FILE_PATHS.has(op.path);
}

export function downloadUrl(baseUrl: string, file: StoredFile): string {
  return `${baseUrl}/__download/${file.fileId}/${encodeURIComponent(file.filename)}`;
}

export async function handleFiles(ctx: RequestContext): Promise<void> {
  switch (ctx.op.path) {
    case FILES.upload:
      return upload(ctx);
    case FILES.list: {
      const body = example(ctx);
      const template = Array.isArray(body.files) ? (body.files[0] as Record<string, unknown> | undefined) : undefined;
      const purpose = ctx.query.get('purpose') ?? undefined;
      body.files = ctx.state.files.list(purpose).map((f) => fileObject(ctx, f, template));
      return ctx.sendJson(200, body);
    }
    case FILES.retrieve: {
      const file = lookup(ctx, ctx.query.get('file_id'));
      if (!file) return;
      const body = example(ctx);
      body.file = fileObject(ctx, file, body.file);
      return ctx.sendJson(200, body);
    }
    case FILES.content: {
      const file = lookup(ctx, ctx.query.get('file_id'));
      if (!file) return;
      return send(ctx.res, 200, file.bytes, {
        'Content-Type': ctx.op.binaryMediaType ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
      });
    }
    case FILES.delete: {
      const id = (ctx.json as { file_id?: unknown } | undefined)?.file_id;
      const file = lookup(ctx, typeof id === 'string' ? id : null);
      if (!file) return;
      ctx.state.files.delete(file.fileId);
      const body = example(ctx);
      body.file_id = file.fileId;
      return ctx.sendJson(200, body);
    }
  }
}

async function upload(ctx: RequestContext): Promise<void> {
  // Node's own multipart parser (undici, behind Response#formData) — no dependency for a mock.
  const form = await new Response(new Uint8Array(ctx.rawBody), {
    headers: { 'content-type': ctx.req.headers['content-type'] ?? '' },
  }).formData();
  const part = form.get('file');
  const purpose = String(form.get('purpose') ?? '');
  const isFile = typeof part === 'object' && part !== null;
  const stored = ctx.state.files.put({
    filename: isFile ? (part as File).name || 'upload.bin' : 'upload.bin',
    purpose,
    bytes: isFile ? new Uint8Array(await (part as Blob).arrayBuffer()) : new TextEncoder().encode(String(part ?? '')),
    contentType: isFile ? (part as Blob).type || 'application/octet-stream' : 'text/plain',
  });
  const body = example(ctx);
  body.file = fileObject(ctx, stored, body.file);
  ctx.sendJson(200, body);
}

/** The file, or an answer like the real API's for an unknown id (HTTP 200, base_resp 2013) and undefined. */
function lookup(ctx: RequestContext, id: string | null): StoredFile | undefined {
  const file = id ? ctx.state.files.get(id) : undefined;
  if (!file) {
    ctx.sendJson(200, { base_resp: { status_code: 2013, status_msg: `invalid params, file ${id ?? ''} not found` } });
  }
  return file;
}

function example(ctx: RequestContext): Record<string, unknown> {
  const body = ctx.mocked.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {};
}

/** The stored file in the real API's field names, over the example's object (keeping fields the mock lacks). */
function fileObject(ctx: RequestContext, file: StoredFile, template: unknown): Record<string, unknown> {
  const base = template && typeof template === 'object' ? { ...(template as Record<string, unknown>) } : {};
  return {
    ...base,
    file_id: file.fileId,
    bytes: file.bytes.length,
    created_at: file.createdAt,
    filename: file.filename,
    purpose: file.purpose,
    download_url: downloadUrl(ctx.baseUrl, file),
  };
}

export function serveDownload(res: ServerResponse, state: MockState, id: string) {
  const file = state.files.get(id);
  if (!file) return sendJson(res, 404, { type: 'mock_error', message: `file ${id} not found` });
  send(res, 200, file.bytes, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
  });
}
