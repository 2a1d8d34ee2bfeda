/**
 * Lists paged by number (`page_num` from 1 and `page_size`) with a `total` (Video V2 tasks). Iteration stops on an
 * empty page, once `total` items have been seen, on a short page when there is no `total`, or on a page that brings
 * nothing new (a server that ignores `page_num` must not loop forever). The list is newest first, so a task created
 * while pages are read shifts the next page by one: an item already yielded is skipped, and `for await` yields every
 * task once.
 */

import { type Page, PagePromise } from '../core/pagination.ts';

/** One page as the endpoint answered it. */
export interface NumberedPage<T> {
  items: T[];
  /** Items matching the query over all pages, when the server says. */
  total: number | undefined;
  response: unknown;
}

/** What {@link numberedPages} needs. */
export interface NumberedPagesInput<T> {
  firstPage: number;
  pageSize: number;
  fetchPage: (pageNum: number) => Promise<NumberedPage<T>>;
  /** An item's id, to skip one a shifted page repeats. */
  idOf: (item: T) => string | undefined;
}

/** The ids yielded so far, one set per page linked to the previous ones (each page's chain stays its own). */
interface Seen {
  ids: ReadonlySet<string>;
  before: Seen | undefined;
}

const hasSeen = (seen: Seen | undefined, id: string): boolean => {
  for (let at = seen; at; at = at.before) if (at.ids.has(id)) return true;
  return false;
};

/**
 * A `PagePromise` over a numbered list.
 *
 * @example
 * ```ts
 * numberedPages({ firstPage: 1, pageSize: 20, fetchPage: (n) => fetchTasks(n), idOf: (t) => t.id });
 * ```
 */
export function numberedPages<T>({ firstPage, pageSize, fetchPage, idOf }: NumberedPagesInput<T>): PagePromise<T> {
  const load = async (pageNum: number, counted: number, seen: Seen | undefined): Promise<Page<T>> => {
    const { items: raw, total, response } = await fetchPage(pageNum);
    const ids = new Set<string>();
    const items = raw.filter((item) => {
      const id = idOf(item);
      if (id === undefined) return true;
      if (hasSeen(seen, id) || ids.has(id)) return false;
      ids.add(id);
      return true;
    });
    // Items of the list up to the end of this page, counting from page 1 (the server's page size may be smaller
    // than asked: the running count, not pageNum × pageSize, says where the list ends).
    const reached = counted + raw.length;
    const more = raw.length > 0 && items.length > 0 && (total === undefined ? raw.length >= pageSize : reached < total);
    const chain: Seen = { ids, before: seen };
    return { items, response, nextPage: more ? () => load(pageNum + 1, reached, chain) : undefined };
  };
  return new PagePromise(load(firstPage, (firstPage - 1) * pageSize, undefined));
}
