/**
 * `mm.account`: what the key has left. Neither endpoint has a page in MiniMax's API reference: both are known only
 * from the official CLI (`mmx quota show`, mmx-cli 1.0.27), which calls the balance for pay-as-you-go keys
 * (`sk-api-…`) and the Token Plan quota for the others. Native envelope: a failure is HTTP 200 with a non-zero
 * `base_resp`, raised as the matching `APIError`.
 */

import {
  type AccountBalanceResp,
  getTokenPlanRemains,
  queryAccountBalance,
  type TokenPlanModelRemain,
  type TokenPlanRemainsResp,
} from '@minimax-ts/generated';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/client-options.ts';
import { APIResource } from '../core/resource.ts';
import { defineOperation } from '../internal/operation.ts';

export type { TokenPlanModelRemain };
/** The Token Plan quota per model (`model_remains`). */
export type TokenPlanRemains = TokenPlanRemainsResp;
/** The pay-as-you-go balance; amounts are decimal strings. */
export type AccountBalance = AccountBalanceResp;

const ops = {
  tokenPlanRemains: defineOperation({
    call: getTokenPlanRemains,
    method: 'GET',
    path: '/v1/token_plan/remains',
    billable: false,
    body: 'none',
    envelope: 'native',
    responseSchema: 'zGetTokenPlanRemainsResponse',
  }),
  balance: defineOperation({
    call: queryAccountBalance,
    method: 'GET',
    path: '/account/query_balance',
    billable: false,
    body: 'none',
    envelope: 'native',
    responseSchema: 'zQueryAccountBalanceResponse',
  }),
};

/** Quota and balance of the key's account (from the official CLI only: no reference page documents them). */
export class Account extends APIResource {
  /**
   * The Token Plan quota left per model, in the current 5-hour interval and week (`GET /v1/token_plan/remains`).
   * Times are Unix milliseconds. Whether `*_usage_count` counts used or remaining calls is disputed
   * [unconfirmed]: prefer `*_remaining_percent` when present. Status 3 on both windows with a total of 0 means
   * unlimited (the CLI's reading).
   *
   * @example
   * ```ts
   * const { model_remains } = await mm.account.tokenPlanRemains();
   * for (const m of model_remains) console.log(m.model_name, m.current_interval_remaining_percent);
   * ```
   */
  tokenPlanRemains(options?: RequestOptions): APIPromise<TokenPlanRemains> {
    return this._transport.json(ops.tokenPlanRemains, {}, options);
  }

  /**
   * The pay-as-you-go balance (`GET /account/query_balance`, no `/v1`). Amounts are decimal strings such as
   * `"48.20"`, kept as strings so that no cent is lost to floating point.
   *
   * @example
   * ```ts
   * const { available_amount } = await mm.account.balance(); // "48.20"
   * ```
   */
  balance(options?: RequestOptions): APIPromise<AccountBalance> {
    return this._transport.json(ops.balance, {}, options);
  }
}
