/**
 * What a call to an unpaged list endpoint returns (`GET /v1/models`): `await` it for the list object exactly as the
 * server sent it (`{ object: 'list', data }`, unknown fields kept, as openai-node users read `.data`), or `for await`
 * it for the items. A paged list returns a `PagePromise` instead; this endpoint has no pages to follow.
 */

/**
 * @example
 * ```ts
 * const list = await mm.models.list(); // { object: 'list', data: [...] }
 * for await (const model of mm.models.list()) console.log(model.id);
 * ```
 */
export class ListPromise<L, T> implements PromiseLike<L>, AsyncIterable<T> {
  constructor(
    private readonly list: Promise<L>,
    private readonly itemsOf: (list: L) => readonly T[],
  ) {
    // A list that is iterated, not awaited, must not report an unhandled rejection.
    list.catch(() => {});
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting a ListPromise is its documented use.
  then<A = L, B = never>(
    onfulfilled?: ((value: L) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.list.then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<L | B> {
    return this.list.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<L> {
    return this.list.finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'ListPromise';
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    yield* this.itemsOf(await this.list);
  }
}
