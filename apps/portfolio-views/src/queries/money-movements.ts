import { quarterOf } from '../projections/agreement/money-movement.js';

/**
 * The money movements a portfolio-wide figure sums, as SQL rows `(project_id, agreement_id, kind,
 * currency, amount, value_date)`, read mostly from the per-quarter sums (money_quarter) instead of one row
 * a movement. A quarter's sum stands for its movements, dated its first day, wherever every figure built
 * on them is the same either way:
 * - the quarter lies wholly on one side of each date the figure compares value dates with (`from`, `to`);
 * - its currency's USD rate is the same on every day of it (USD, or a rate known on its first day and none
 *   recorded later in it), so the USD sum is the rate times the sum, exactly.
 * Every other quarter (the one `from` or `to` falls inside, one whose rate changes or is missing) is read
 * movement by movement, with their own dates: a missing rate is still reported for the day it is missing.
 *
 * `to` and `from` are placeholders of the statement; `cuts` are the placeholders of `quarterCuts`' values.
 */
export function movementsSql({ to, cuts }: { to?: string; cuts?: { toQuarter: string; fromQuarter: string } }): string {
  const upToTo = to ? ` and m.value_date <= ${to}` : '';
  const columns = 'm.project_id, m.agreement_id, m.kind, m.currency, m.amount, m.value_date';
  const inCut = cuts
    ? `(m.value_date >= ${cuts.toQuarter}::date or (m.value_date >= ${cuts.fromQuarter}::date and m.value_date < (${cuts.fromQuarter}::date + interval '3 months')::date))`
    : undefined;
  const quarters = `select q.project_id, nullif(q.agreement_id, '') as agreement_id, q.kind, q.currency, q.amount, q.quarter as value_date
      from money_quarter q
     where ${steadyRateSql('q.currency', 'q.quarter')}${to ? ` and (q.quarter + interval '3 months')::date <= ${to}::date + 1` : ''}${
       cuts ? ` and q.quarter is distinct from ${cuts.fromQuarter}::date` : ''
     }`;
  // The cut quarters through the (kind, value_date) index: every kind, so that it serves as a date index.
  const cut = inCut
    ? `
    union all
    select ${columns} from money_movement m
     where m.kind = any('{commitment,cancellation,disbursement,spending,award}'::text[]) and ${inCut}${upToTo}`
    : '';
  const unsteady = `
    union all
    select ${columns} from money_movement m
     where m.currency <> 'USD' and not ${steadyRateSql('m.currency', "date_trunc('quarter', m.value_date)::date")}${
       inCut ? ` and not coalesce(${inCut}, false)` : ''
     }${upToTo}`;
  return `${quarters}${cut}${unsteady}`;
}

/** SQL: the currency's USD rate is known on the quarter's first day and the same on each of its days. */
function steadyRateSql(currency: string, quarter: string): string {
  return `(${currency} = 'USD' or (exists (select 1 from exchange_rate r where r.currency = ${currency} and r.rate_date <= ${quarter})
     and not exists (select 1 from exchange_rate r where r.currency = ${currency} and r.rate_date > ${quarter} and r.rate_date < (${quarter} + interval '3 months')::date)))`;
}

/**
 * The quarters a period cuts (first days, YYYY-MM-DD; null when it cuts none there): the one `to` falls
 * in unless `to` is its last day, the one `from` falls in unless `from` is its first day. Their
 * movements are read one by one.
 */
export function quarterCuts(from: string, to: string): { toQuarter: string | null; fromQuarter: string | null } {
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const toQuarter = quarterOf(next(to)) === next(to) ? null : quarterOf(to);
  const fromQuarter = quarterOf(from) === from ? null : quarterOf(from);
  return { toQuarter, fromQuarter };
}
