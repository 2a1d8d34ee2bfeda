/**
 * Lists paged by number (`page_num` from 1 and `page_size`) with a `total` (Video V2 tasks). Iteration stops on an
 * empty page, once `total` items have been seen, on a short page when there is no `total`, or on a page that brings
 * nothing new (a server that ignores `page_num` must not loop forever). The list is newest first, so a task created
 * while pages are read shifts the next page by one: an item already yielded is skipped, and `for await` yields every
 * task once.
 */

import type { APIPromise } from '../core/api-promise.ts';
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
  /** One page's call; the first one's response is the `PagePromise`'s. */
  fetchPage: (pageNum: number) => APIPromise<NumberedPage<T>>;
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
 * numberedPages({ firstPage: 1, pageSize: 20, fetchPage: (n) => fetchTasks(n), idOf: (t) => t.id }); // fetchTasks: an APIPromise
 * ```
 */
export function numberedPages<T>({ firstPage, pageSize, fetchPage, idOf }: NumberedPagesInput<T>): PagePromise<T> {
  const toPage = (pageNum: number, counted: number, seen: Seen | undefined, page: NumberedPage<T>): Page<T> => {
    const { items: raw, total, response } = page;
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
    const next = pageNum + 1;
    return {
      items,
      response,
      nextPage: more ? () => fetchPage(next).then((p) => toPage(next, reached, chain, p)) : undefined,
    };
  };
  const first = fetchPage(firstPage);
  return new PagePromise(first._thenUnwrap((page) => toPage(firstPage, (firstPage - 1) * pageSize, undefined, page)));
}
