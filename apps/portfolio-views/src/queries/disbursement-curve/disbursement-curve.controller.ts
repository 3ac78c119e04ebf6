import { ProblemError } from '@ecab/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import type { Sql } from '../../sql.js';
import { missingRates, roundedAmount, usdRateSql, type MissingRate } from '../money.js';
import { movementsSql } from '../money-movements.js';
import { pageOf } from '../pagination.js';
import { filteredProjectsSql, type ProjectFilters } from '../project-selection.js';
import { ViewsReader } from '../views-reader.js';
import { portfolioDisbursementCurveQuery, projectDisbursementCurveQuery } from './disbursement-curve.query.js';

export interface CurvePoint {
  planned: string | null;
  actual: string | null;
  plannedCumulative: string | null;
  actualCumulative: string | null;
}

export interface CurveQuarter {
  quarter: string;
  currencies: ({ currency: string } & CurvePoint)[];
  usd: CurvePoint;
}

export interface DisbursementCurve {
  items: CurveQuarter[];
  nextCursor: string | null;
  missingRates: MissingRate[];
}

@Controller('api/v1')
export class DisbursementCurveController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(projectDisbursementCurveQuery.path)
  async project(@Param('id') id: string, @Query() raw: unknown): Promise<DisbursementCurve> {
    const parameters = this.reader.parameters(projectDisbursementCurveQuery, raw);
    return this.reader.read(parameters, async (sql) => {
      const found = await sql('select 1 from project_summary where project_id = $1', [id]);
      if (found.length === 0) throw ProblemError.notFound(`No project ${id} in the portfolio view.`);
      return curve(sql, { project: id }, parameters.limit, parameters.cursor);
    });
  }

  @Get(portfolioDisbursementCurveQuery.path)
  async portfolio(@Query() raw: unknown): Promise<DisbursementCurve> {
    const parameters = this.reader.parameters(portfolioDisbursementCurveQuery, raw);
    return this.reader.read(parameters, (sql) => curve(sql, parameters, parameters.limit, parameters.cursor));
  }
}

async function curve(sql: Sql, filters: ProjectFilters, limit: number, cursor: string | undefined): Promise<DisbursementCurve> {
  const params: unknown[] = [];
  const { projects, financierParam } = filteredProjectsSql(filters, params);
  const ofFinancier = (agreement: string) =>
    financierParam ? ` and ${agreement} in (select agreement_id from agreement_view where financier_ref = ${financierParam})` : '';
  const rows: {
    quarter: string;
    series: 'planned' | 'actual';
    currency: string | null;
    amount: string;
    cumulative: string;
    usd: string | null;
    usd_cumulative: string | null;
    missing: string[] | null;
  }[] = await sql(
    `with projects as (${projects}),
       flows as (
         select 'actual' as series, m.currency, m.value_date as day, m.amount * p.weight as amount, ${usdRateSql('m.currency', 'm.value_date')} as rate
           from (${movementsSql({})}) m join projects p on p.project_id = m.project_id
          where m.kind = 'disbursement'${ofFinancier('m.agreement_id')}
         union all
         select 'planned', d.currency, d.period_end, d.amount * p.weight, ${usdRateSql('d.currency', 'd.period_end')}
           from planned_disbursement d join projects p on p.project_id = d.project_id
          where true${ofFinancier('d.agreement_id')}
       ),
       quarters as (
         select to_char(day, 'YYYY-"Q"Q') as quarter, series, currency, grouping(currency) as all_currencies, sum(amount) as amount,
                case when bool_or(rate is null) then null else sum(amount * rate) end as usd, bool_or(rate is null) as missing_rate,
                array_agg(distinct currency || ' ' || day::text) filter (where rate is null) as missing
           from flows group by grouping sets ((to_char(day, 'YYYY-"Q"Q'), series, currency), (to_char(day, 'YYYY-"Q"Q'), series))
       )
       select quarter, series, case when all_currencies = 1 then null else currency end as currency, amount::text as amount,
              (sum(amount) over w)::text as cumulative, usd::text as usd,
              (case when bool_or(missing_rate) over w then null else sum(usd) over w end)::text as usd_cumulative, missing
         from quarters
       window w as (partition by series, all_currencies, currency order by quarter)
        order by quarter`,
    params,
  );
  if (rows.length === 0) return { items: [], nextCursor: null, missingRates: [] };
  const currencies = [...new Set(rows.map((r) => r.currency).filter((c): c is string => c !== null))].sort();
  const quarters = quarterRange(rows[0]!.quarter, rows[rows.length - 1]!.quarter);
  const running = new Map<string, CurvePoint>();
  const point = (key: string, currency: string) =>
    running.get(key) ?? { planned: null, actual: null, plannedCumulative: roundedAmount('0', currency), actualCumulative: roundedAmount('0', currency) };
  const items: CurveQuarter[] = quarters.map((quarter) => {
    const atQuarter = (currency: string | null): CurvePoint => {
      const key = currency ?? 'USD*';
      const unit = currency ?? 'USD';
      const previous = point(key, unit);
      const next: CurvePoint = {
        planned: roundedAmount('0', unit),
        actual: roundedAmount('0', unit),
        plannedCumulative: previous.plannedCumulative,
        actualCumulative: previous.actualCumulative,
      };
      for (const row of rows.filter((r) => r.quarter === quarter && r.currency === currency)) {
        const amount = currency === null ? row.usd : row.amount;
        const cumulative = currency === null ? row.usd_cumulative : row.cumulative;
        if (row.series === 'planned') {
          next.planned = roundedAmount(amount, unit);
          next.plannedCumulative = roundedAmount(cumulative, unit);
        } else {
          next.actual = roundedAmount(amount, unit);
          next.actualCumulative = roundedAmount(cumulative, unit);
        }
      }
      running.set(key, next);
      return next;
    };
    return { quarter, currencies: currencies.map((currency) => ({ currency, ...atQuarter(currency) })), usd: atQuarter(null) };
  });
  const missing = missingRates(rows.filter((r) => r.currency === null).flatMap((r) => r.missing ?? []));
  return { ...pageOf(items, (q) => q.quarter, limit, cursor), missingRates: missing };
}

/** Every quarter from `first` to `last`, YYYY-Qn. */
function quarterRange(first: string, last: string): string[] {
  const index = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  const out: string[] = [];
  for (let i = index(first); i <= index(last); i += 1) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}
