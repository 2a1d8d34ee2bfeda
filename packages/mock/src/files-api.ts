/**
 * The files API over the in-memory store: upload (multipart), list (paged), retrieve, retrieve_content, delete,
 * plus the unauthenticated `/__download/<id>/<name>` that `download_url` points at (the real one is a presigned
 * URL). Response bodies start from the spec's example (so every field the schema wants is there) and get the stored
 * file's values written over them.
 */
import { contentDisposition } from './content-disposition.ts';
import type { MockState, RequestContext } from './context.ts';
import { pageOfFiles } from './files-paging.ts';
import type { StoredFile } from './files-store.ts';
import { bytesResponse, mockErrorResponse } from './responses.ts';

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

export function handleFiles(ctx: RequestContext): Response {
  switch (ctx.op.path) {
    case FILES.upload:
      return upload(ctx);
    case FILES.list: {
      const body = example(ctx);
      const template = Array.isArray(body.files) ? (body.files[0] as Record<string, unknown> | undefined) : undefined;
      const files = pageOfFiles(ctx.state.files.list(ctx.query.get('purpose') ?? undefined), ctx.query);
      body.files = files.map((f) => fileObject(ctx, f, template));
      return ctx.jsonResponse(200, body);
    }
    case FILES.retrieve: {
      const file = ctx.state.files.get(ctx.query.get('file_id') ?? '');
      if (!file) return notFound(ctx, ctx.query.get('file_id'));
      const body = example(ctx);
      body.file = fileObject(ctx, file, body.file);
      return ctx.jsonResponse(200, body);
    }
    case FILES.content: {
      const file = ctx.state.files.get(ctx.query.get('file_id') ?? '');
      if (!file) return notFound(ctx, ctx.query.get('file_id'));
      return bytesResponse(200, file.bytes, {
        'Content-Type': ctx.op.binaryMediaType ?? 'application/octet-stream',
        'Content-Disposition': contentDisposition(file.filename),
      });
    }
    default: {
      const id = (ctx.json as { file_id?: unknown } | undefined)?.file_id;
      const file = typeof id === 'string' ? ctx.state.files.get(id) : undefined;
      if (!file) return notFound(ctx, typeof id === 'string' ? id : null);
      ctx.state.files.delete(file.fileId);
      const body = example(ctx);
      body.file_id = file.fileId;
      return ctx.jsonResponse(200, body);
    }
  }
}

function upload(ctx: RequestContext): Response {
  // Parsed once, without copying the file's bytes (multipart.ts); a body that is not multipart never gets here.
  const file = ctx.form?.files.get('file');
  const text = ctx.form?.fields.get('file');
  const stored = ctx.state.files.put({
    filename: file?.filename || 'upload.bin',
    purpose: ctx.form?.fields.get('purpose') ?? '',
    bytes: file?.bytes ?? new TextEncoder().encode(text ?? ''),
    contentType: file ? file.type || 'application/octet-stream' : 'text/plain',
  });
  const body = example(ctx);
  body.file = fileObject(ctx, stored, body.file);
  return ctx.jsonResponse(200, body);
}

/** What the real API answers for an unknown id: HTTP 200 + base_resp 2013. */
function notFound(ctx: RequestContext, id: string | null): Response {
  return ctx.jsonResponse(200, {
    base_resp: { status_code: 2013, status_msg: `invalid params, file ${id ?? ''} not found` },
  });
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

/** `GET|HEAD /__download/<id>/<name>`: a stored file's bytes, no Authorization needed (a presigned URL). */
export function serveDownload(state: MockState, id: string): Response {
  const file = state.files.get(id);
  if (!file) return mockErrorResponse(404, `file ${id} not found`);
  return bytesResponse(200, file.bytes, {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.filename),
  });
}
