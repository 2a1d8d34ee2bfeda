/**
 * What a paged list method returns: one call (the first page's) that is also the way to every item. Awaiting it, and
 * its `withResponse()` / `asResponse()`, are the first page's; `for await` follows the pages.
 */

import { APIPromise, callParts } from './api-promise.ts';

/** One page of a list, and the way to the next. */
export interface Page<T> {
  items: T[];
  /** The page's full response. */
  response: unknown;
  /** Present when another page may follow. */
  nextPage: (() => Promise<Page<T>>) | undefined;
}

/**
 * What a list method returns: `await` it for the first page, or `for await` it for every item of every page;
 * `withResponse()` gives the first page with its HTTP response and trace id.
 *
 * @example
 * ```ts
 * const first = await mm.files.list({ purpose: 'voice_clone' });
 * for await (const file of mm.files.list({ purpose: 'voice_clone', size: 100 })) console.log(file.filename);
 * const { traceId } = await mm.files.list({ purpose: 'voice_clone' }).withResponse();
 * ```
 */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  /** @internal `first` is the call of the first page. */
  constructor(first: APIPromise<Page<T>>) {
    super(...callParts(first));
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | undefined = await this;
    while (page) {
      yield* page.items;
      page = page.nextPage ? await page.nextPage() : undefined;
    }
  }
}
