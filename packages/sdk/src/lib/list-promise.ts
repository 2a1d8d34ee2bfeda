/**
 * What a call to an unpaged list endpoint returns (`GET /v1/models`): `await` it for the list object exactly as the
 * server sent it (`{ object: 'list', data }`, unknown fields kept, as openai-node users read `.data`), or `for await`
 * it for the items. A paged list returns a `PagePromise` instead; this endpoint has no pages to follow. It is the
 * call's `APIPromise`, so `withResponse()` and `asResponse()` work as on any call.
 */

import { APIPromise, callParts } from '../core/api-promise.ts';

/**
 * @example
 * ```ts
 * const list = await mm.models.list(); // { object: 'list', data: [...] }
 * for await (const model of mm.models.list()) console.log(model.id);
 * const { data, traceId } = await mm.models.list().withResponse();
 * ```
 */
export class ListPromise<L, T> extends APIPromise<L> implements AsyncIterable<T> {
  readonly #itemsOf: (list: L) => readonly T[];

  /** @internal `list` is the call; `itemsOf` finds the items in its answer. */
  constructor(list: APIPromise<L>, itemsOf: (list: L) => readonly T[]) {
    super(...callParts(list));
    this.#itemsOf = itemsOf;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    yield* this.#itemsOf(await this);
  }
}
