/**
 * The models the key can call (`GET /v1/models`, `GET /v1/models/{model_id}`), and what the account has left: the
 * pay-as-you-go balance and the Token Plan quota (two endpoints known only from MiniMax's official CLI).
 *
 *   npm run example -- models
 */
import { MiniMax, NotFoundError } from '@minimax-ts/sdk';

const mm = new MiniMax();

const list = await mm.models.list();
console.log(`models: ${list.data.map((m) => m.id).join(', ')}`);
const first = await mm.models.retrieve(list.data[0]!.id);
console.log(
  `${first.id}: created ${new Date((first.created ?? 0) * 1000).toISOString().slice(0, 10)}, owned by ${first.owned_by}`,
);
try {
  await mm.models.retrieve('no-such-model');
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err;
  console.log(`no-such-model: not found (HTTP ${err.status})`);
}

// A pay-as-you-go key (sk-api-…) has a balance; a Token Plan key has quotas. Amounts are decimal strings.
const balance = await mm.account.balance();
console.log(
  `balance: ${balance.available_amount} available (cash ${balance.cash_balance}, vouchers ${balance.voucher_balance})`,
);
const { model_remains } = await mm.account.tokenPlanRemains();
for (const m of model_remains) {
  // The CLI's reading: status 3 with a total of 0 is an unlimited quota.
  const unlimited = m.current_interval_status === 3 && m.current_interval_total_count === 0;
  const left = m.current_interval_remaining_percent;
  console.log(`quota ${m.model_name}: ${unlimited ? 'unlimited' : `${left ?? '?'}% of this 5-hour interval left`}`);
}
