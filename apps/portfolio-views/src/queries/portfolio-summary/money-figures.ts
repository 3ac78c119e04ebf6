import type { Sql } from '../../sql.js';
import { missingRates, ratio, roundedAmount, usdRateSql, type MissingRate } from '../money.js';
import { movementsSql, quarterCuts } from '../money-movements.js';

/**
 * The money figures of docs/DOMAIN.md §2 for a set of projects, from money_movement (and the plans and estimates),
 * in SQL so that no amount ever passes through a float. `$1` = from, `$2` = to; cumulative figures are as
 * of `to`, the ratios for the period from–to.
 */
const COMMITMENT = `f.kind in ('commitment', 'cancellation')`;
const SIGN = `(case f.kind when 'cancellation' then -1 else 1 end)`;
const ELAPSED = `least(greatest(($2::date - f.effective_on)::numeric / (f.closing_on - f.effective_on), 0), 1)`;
const HAS_TIME = `f.effective_on is not null and f.closing_on > f.effective_on`;

const MEASURES: readonly { name: string; where: string; factor: string }[] = [
  { name: 'c', where: COMMITMENT, factor: SIGN },
  { name: 'd', where: `f.kind = 'disbursement'`, factor: '1' },
  { name: 's', where: `f.kind = 'spending'`, factor: '1' },
  { name: 'a', where: `f.kind = 'award'`, factor: '1' },
  { name: 'd_in', where: `f.kind = 'disbursement' and not f.before`, factor: '1' },
  { name: 'a_in', where: `f.kind = 'award' and not f.before`, factor: '1' },
  { name: 'c_start', where: `${COMMITMENT} and f.effective_on < $1 and f.before`, factor: SIGN },
  { name: 'd_start', where: `f.kind = 'disbursement' and f.before`, factor: '1' },
  { name: 'a_start', where: `f.kind = 'award' and f.before`, factor: '1' },
  { name: 'c_eff', where: `${COMMITMENT} and f.effective_on between $1 and $2`, factor: SIGN },
  { name: 'planned', where: `f.kind = 'planned'`, factor: '1' },
  { name: 'est', where: `f.kind = 'estimate'`, factor: '1' },
  { name: 'ew', where: `${COMMITMENT} and ${HAS_TIME}`, factor: `${SIGN} * ${ELAPSED}` },
  { name: 'eb', where: `${COMMITMENT} and ${HAS_TIME}`, factor: SIGN },
];

/**
 * Every money fact of the projects: movements up to `to` (whole quarters summed, see `movementsSql`; `$3`,
 * `$4` the quarters the period cuts), planned disbursements due by `to`, procurement estimates.
 */
const FACTS = `
  select m.project_id, case when m.kind = 'award' then null else coalesce(a.financier_ref, 'unknown') end as financier, m.kind, m.currency, m.amount,
         m.value_date, a.effective_on, a.closing_on, ${usdRateSql('m.currency', 'm.value_date')} as rate
    from (${movementsSql({ to: '$2', cuts: { toQuarter: '$3', fromQuarter: '$4' } })}) m left join agreement_view a on a.agreement_id = m.agreement_id
  union all
  select p.project_id, coalesce(a.financier_ref, 'unknown'), 'planned', p.currency, p.amount, p.period_end, a.effective_on, a.closing_on, ${usdRateSql('p.currency', 'p.period_end')}
    from planned_disbursement p left join agreement_view a on a.agreement_id = p.agreement_id
   where p.period_end <= $2
  union all
  select c.project_id, null, 'estimate', c.estimated_currency, c.estimated_value, coalesce(c.planned_award_on, $2::date), null, null,
         ${usdRateSql('c.estimated_currency', 'coalesce(c.planned_award_on, $2::date)')}
    from contract_view c where c.estimated_value is not null`;

/** The figures of one currency, or in USD. Amounts are decimal strings, ratios numbers (4 decimals); null = not computable. */
export interface MoneyFigures {
  netCommitment: string | null;
  disbursed: string | null;
  spent: string | null;
  awarded: string | null;
  undisbursed: string | null;
  uncontracted: string | null;
  /** Σ planned disbursements whose period ended by `to`. */
  plannedDisbursed: string | null;
  /** Σ ProcurementPackagePlanned.estimatedValue (the only source of estimated cost today). */
  estimatedCost: string | null;
  /** estimatedCost − netCommitment. */
  financingGap: string | null;
  /** Disbursements in the period ÷ (undisbursed at its start + net commitment of agreements effective in it). */
  disbursementRatio: number | null;
  /** Contract awards in the period ÷ (uncontracted at its start + net commitment of agreements effective in it). */
  contractAwardRatio: number | null;
  /** disbursed ÷ plannedDisbursed. */
  disbursementVsPlan: number | null;
  /** Elapsed share of the agreements' effectiveness-to-closing time at `to`, weighted by net commitment. */
  elapsed: number | null;
}

export interface GroupMoney {
  currencies: ({ currency: string } & MoneyFigures)[];
  usd: MoneyFigures;
  missingRates: MissingRate[];
}

type Row = { key: string; currency: string | null; missing: string[] | null } & Record<string, string | null>;

const DERIVED = (suffix: string) => `
  ${MEASURES.map((m) => `${m.name}${suffix}`).join(', ')},
  (c${suffix} - d${suffix})::text as undisbursed${suffix},
  (c${suffix} - a${suffix})::text as uncontracted${suffix},
  (est${suffix} - c${suffix})::text as gap${suffix},
  (d_in${suffix} / nullif(c_start${suffix} - d_start${suffix} + c_eff${suffix}, 0))::text as d_ratio${suffix},
  (a_in${suffix} / nullif(c_start${suffix} - a_start${suffix} + c_eff${suffix}, 0))::text as a_ratio${suffix},
  (d${suffix} / nullif(planned${suffix}, 0))::text as vs_plan${suffix},
  (ew${suffix} / nullif(eb${suffix}, 0))::text as elapsed${suffix}`;

/**
 * The money of every group: `keys` is SQL giving `(project_id, key, financier, weight)` rows (a
 * financier, when set, must match the money's agreement), its own `params` numbered from `$5`. Grouped per
 * currency and over all currencies (USD).
 */
export async function moneyByGroup(sql: Sql, keys: string, from: string, to: string, params: readonly unknown[] = []): Promise<Map<string, GroupMoney>> {
  const amounts = MEASURES.map(
    (m) => `coalesce(sum(f.amount * ${m.factor}) filter (where ${m.where}), 0) as ${m.name},
            case when bool_or(f.missing_on is not null) filter (where ${m.where}) then null
                 else coalesce(sum(f.usd * ${m.factor}) filter (where ${m.where}), 0) end as ${m.name}_usd`,
  );
  const cuts = quarterCuts(from, to);
  // The facts are first summed per group, currency, kind and whatever else a measure tells apart (before
  // the period or not, the agreement's dates for commitments, the day of a missing rate), so that the
  // measures below each filter a few sums instead of every fact. Exact: every factor a measure applies is
  // the same for all the facts of a sum, and numeric products are exact.
  const rows: Row[] = await sql(
    `with keys as (${keys}), facts as (${FACTS}),
     summed as (
       select k.key, f.currency, f.kind, f.value_date < $1 as before,
              case when ${COMMITMENT} then f.effective_on end as effective_on, case when ${COMMITMENT} then f.closing_on end as closing_on,
              case when f.rate is null then f.value_date end as missing_on,
              sum(f.amount * k.weight) as amount, sum(f.amount * k.weight * f.rate) as usd
         from facts f join keys k on k.project_id = f.project_id and (k.financier is null or k.financier = f.financier)
        group by 1, 2, 3, 4, 5, 6, 7
     ),
     grouped as (
       select f.key, f.currency, grouping(f.currency) as all_currencies, ${amounts.join(',\n')},
              array_agg(distinct f.currency || ' ' || f.missing_on::text) filter (where f.missing_on is not null) as missing
         from summed f
        group by grouping sets ((f.key, f.currency), (f.key))
     )
     select key, case when all_currencies = 1 then null else currency end as currency, missing, ${DERIVED('')}, ${DERIVED('_usd')}
       from grouped order by key, currency`,
    [from, to, cuts.toQuarter, cuts.fromQuarter, ...params],
  );
  const groups = new Map<string, GroupMoney>();
  for (const row of rows) {
    let group = groups.get(row.key);
    if (!group) {
      group = { currencies: [], usd: emptyFigures('USD'), missingRates: [] };
      groups.set(row.key, group);
    }
    if (row.currency === null) {
      group.usd = figures(row, '_usd', 'USD');
      group.missingRates = missingRates(row.missing);
    } else {
      group.currencies.push({ currency: row.currency, ...figures(row, '', row.currency) });
    }
  }
  return groups;
}

function figures(row: Row, suffix: string, currency: string): MoneyFigures {
  const amount = (name: string) => roundedAmount(row[`${name}${suffix}`] ?? null, currency);
  return {
    netCommitment: amount('c'),
    disbursed: amount('d'),
    spent: amount('s'),
    awarded: amount('a'),
    undisbursed: amount('undisbursed'),
    uncontracted: amount('uncontracted'),
    plannedDisbursed: amount('planned'),
    estimatedCost: amount('est'),
    financingGap: amount('gap'),
    disbursementRatio: ratio(row[`d_ratio${suffix}`] ?? null),
    contractAwardRatio: ratio(row[`a_ratio${suffix}`] ?? null),
    disbursementVsPlan: ratio(row[`vs_plan${suffix}`] ?? null),
    elapsed: ratio(row[`elapsed${suffix}`] ?? null),
  };
}

export function emptyFigures(currency: string): MoneyFigures {
  const zero = roundedAmount('0', currency);
  return {
    netCommitment: zero,
    disbursed: zero,
    spent: zero,
    awarded: zero,
    undisbursed: zero,
    uncontracted: zero,
    plannedDisbursed: zero,
    estimatedCost: zero,
    financingGap: zero,
    disbursementRatio: null,
    contractAwardRatio: null,
    disbursementVsPlan: null,
    elapsed: null,
  };
}

/** Money that belongs to no agreement (awards, estimates) cannot be given to a financier. */
export function withoutContractFigures(figures: MoneyFigures): MoneyFigures {
  return { ...figures, awarded: null, uncontracted: null, estimatedCost: null, financingGap: null, contractAwardRatio: null };
}
