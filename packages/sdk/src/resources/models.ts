/**
 * `mm.models`: the models the key can call (`GET /v1/models`, `GET /v1/models/{model_id}`), in OpenAI's list format.
 */

import { listModels, type ModelList, type ModelObject, retrieveModel } from '@minimax-ts/generated';
import { type APIPromise, checkedCall } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';
import { pathSegment } from '../internal/path-segment.ts';
import { ListPromise } from '../lib/list-promise.ts';

export type { ModelList, ModelObject };

const ops = {
  list: defineOperation({
    call: listModels,
    method: 'GET',
    path: '/v1/models',
    billable: false,
    body: 'none',
    envelope: 'compatible',
    responseSchema: 'zListModelsResponse',
  }),
  retrieve: defineOperation({
    call: retrieveModel,
    method: 'GET',
    path: '/v1/models/{model_id}',
    billable: false,
    body: 'none',
    envelope: 'compatible',
    responseSchema: 'zRetrieveModelResponse',
  }),
};

/** The models available to the key (free reads, retried freely). */
export class Models extends APIResource {
  /**
   * Lists the models. The endpoint has no paging: `await` gives the list object, `for await` its models.
   *
   * @example
   * ```ts
   * const { data } = await mm.models.list();
   * for await (const model of mm.models.list()) console.log(model.id, model.created);
   * ```
   */
  list(options?: RequestOptions): ListPromise<ModelList, ModelObject> {
    const list = this._transport.json<ModelList>(ops.list, {}, options);
    return new ListPromise(list, (l) => (Array.isArray(l.data) ? l.data : []));
  }

  /**
   * One model by id. What the API answers for an unknown id is not documented [unconfirmed]: an HTTP 404 becomes a
   * `NotFoundError`, whatever its body.
   *
   * @example
   * ```ts
   * const model = await mm.models.retrieve('MiniMax-M3');
   * ```
   */
  retrieve(modelId: string, options?: RequestOptions): APIPromise<ModelObject> {
    return checkedCall(() => {
      const path = { model_id: pathSegment(modelId, 'model_id') };
      return this._transport.json<ModelObject>(ops.retrieve, { path }, options);
    });
  }
}
