/**
 * Paging of `GET /v1/files/list`, as the SDK's `for await` relies on: newest file first (the order of the spec's
 * example), `size` files per page, continuing after the cursor `after_file_id` (or at the 1-based `page`). Without
 * `size` every file comes in one page. A cursor that names a deleted file still works: ids grow with time, so "after"
 * means "older than".
 */
import type { StoredFile } from './files-store.ts';
import { normalizeId } from './files-store.ts';

/**
 * @example
 * ```ts
 * pageOfFiles(store.list('voice_clone'), new URLSearchParams('size=2&after_file_id=300000000000001003'));
 * ```
 */
export function pageOfFiles(files: readonly StoredFile[], query: URLSearchParams): StoredFile[] {
  let ordered = [...files].sort((a, b) => compareIds(b.fileId, a.fileId));
  const after = query.get('after_file_id');
  if (after && /^[0-9]+$/.test(after)) {
    const cursor = normalizeId(after);
    ordered = ordered.filter((f) => compareIds(f.fileId, cursor) < 0);
  }
  const size = positiveInt(query.get('size'));
  if (size === undefined) return ordered;
  const page = positiveInt(query.get('page'));
  const start = after || page === undefined ? 0 : (page - 1) * size;
  return ordered.slice(start, start + size);
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function positiveInt(raw: string | null): number | undefined {
  if (raw === null || !/^[0-9]+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? n : undefined;
}
