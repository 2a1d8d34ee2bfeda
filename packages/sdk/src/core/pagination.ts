/** One page of a list, and the way to the next. */
export interface Page<T> {
  items: T[];
  /** The page's full response. */
  response: unknown;
  /** Present when another page may follow. */
  nextPage: (() => Promise<Page<T>>) | undefined;
}

/**
 * What a list method returns: `await` it for the first page, or `for await` it for every item of every page.
 *
 * @example
 * ```ts
 * const first = await mm.files.list({ purpose: 'voice_clone' });
 * for await (const file of mm.files.list({ purpose: 'voice_clone', size: 100 })) console.log(file.filename);
 * ```
 */
export class PagePromise<T> implements Promise<Page<T>>, AsyncIterable<T> {
  constructor(private readonly first: Promise<Page<T>>) {
    // A list that is iterated, not awaited, must not report an unhandled rejection of its first page.
    first.catch(() => {});
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting a PagePromise is its documented use.
  then<A = Page<T>, B = never>(
    onfulfilled?: ((value: Page<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.first.then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.first.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.first.finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | undefined = await this.first;
    while (page) {
      yield* page.items;
      page = page.nextPage ? await page.nextPage() : undefined;
    }
  }
}
