import { CLUSTERS } from '@ecab/domain';
import { Controller, Get, Query } from '@nestjs/common';
import type { Sql } from '../../sql.js';
import { canonicalAmount, type MissingRate } from '../money.js';
import { pageOf } from '../pagination.js';
import { groupKeysSql, ratingSql, type GroupBy } from '../project-selection.js';
import { ViewsReader } from '../views-reader.js';
import { emptyFigures, moneyByGroup, withoutContractFigures, type MoneyFigures } from './money-figures.js';
import { portfolioSummaryQuery } from './portfolio-summary.query.js';

export interface MoneyByCurrency {
  currency: string;
  /** Net commitment: commitments + amendments − cancellations. */
  committed: string;
  /** Funds received under the agreements (IATI 1). */
  disbursed: string;
}

export interface ClusterSummary {
  cluster: string;
  projects: number;
  financing: MoneyByCurrency[];
}

export const RATINGS = ['on_track', 'for_attention', 'at_risk', 'unrated'] as const;

export interface GroupSummary {
  key: string;
  projects: number;
  /** How many of the group's projects have each overall rating (their latest rated quarter). */
  ratings: Record<(typeof RATINGS)[number], number>;
  currencies: ({ currency: string } & MoneyFigures)[];
  usd: MoneyFigures;
  missingRates: MissingRate[];
}

export interface GroupedSummary {
  groupBy: GroupBy;
  from: string;
  to: string;
  estimatedCostSource: string;
  items: GroupSummary[];
  nextCursor: string | null;
}

@Controller('api/v1')
export class PortfolioSummaryController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(portfolioSummaryQuery.path)
  async summary(@Query() raw: unknown): Promise<{ clusters: ClusterSummary[] } | GroupedSummary> {
    const parameters = this.reader.parameters(portfolioSummaryQuery, raw);
    const { groupBy } = parameters;
    if (groupBy === undefined) return this.reader.read(parameters, clusterSummary);
    const year = new Date().getUTCFullYear();
    const from = parameters.from ?? `${year}-01-01`;
    const to = parameters.to ?? `${year}-12-31`;
    return this.reader.read(parameters, async (sql) => {
      const groups = await groupedSummary(sql, groupBy, from, to);
      return {
        groupBy,
        from,
        to,
        estimatedCostSource: 'procurement plan: Σ ProcurementPackagePlanned.estimatedValue',
        ...pageOf(groups, (g) => g.key, parameters.limit, parameters.cursor),
      };
    });
  }
}

/**
 * Per cluster: projects, and per currency the net commitment and the funds received (all recorded), from
 * the totals the projection keeps per cluster (cluster_projects, cluster_money, summed over their stripes):
 * a few rows, one statement.
 */
async function clusterSummary(sql: Sql): Promise<{ clusters: ClusterSummary[] }> {
  const rows: { cluster: string; projects: number | null; currency: string | null; committed: string | null; disbursed: string | null }[] = await sql(
    `select cluster, sum(projects)::int as projects, null as currency, null as committed, null as disbursed from cluster_projects group by cluster
     union all
     select cluster, null, currency, sum(committed)::text, sum(disbursed)::text from cluster_money group by cluster, currency
     order by currency`,
  );
  const clusters = CLUSTERS.map((cluster) => ({
    cluster,
    projects: rows.find((r) => r.cluster === cluster && r.currency === null)?.projects ?? 0,
    financing: rows
      .filter((m): m is typeof m & MoneyByCurrency => m.cluster === cluster && m.currency !== null)
      .map((m) => ({ currency: m.currency, committed: canonicalAmount(m.committed, m.currency), disbursed: canonicalAmount(m.disbursed, m.currency) })),
  }));
  return { clusters };
}

async function groupedSummary(sql: Sql, groupBy: GroupBy, from: string, to: string): Promise<GroupSummary[]> {
  const keys = await groupKeysSql(sql, groupBy);
  const rating = await ratingSql(sql);
  const counted: { key: string; rating: string; projects: number }[] = await sql(
    `with keys as (${keys}), rated as (select s.project_id, ${rating} as rating from project_summary s)
     select k.key, r.rating, count(distinct k.project_id)::int as projects from keys k join rated r on r.project_id = k.project_id group by k.key, r.rating`,
  );
  const money = await moneyByGroup(sql, keys, from, to);
  const names = new Set<string>([...counted.map((c) => c.key), ...money.keys(), ...(groupBy === 'cluster' ? CLUSTERS : [])]);
  return [...names].sort().map((key) => {
    const ratings = Object.fromEntries(RATINGS.map((r) => [r, 0])) as GroupSummary['ratings'];
    let projects = 0;
    for (const c of counted.filter((c) => c.key === key)) {
      ratings[c.rating as keyof GroupSummary['ratings']] = (ratings[c.rating as keyof GroupSummary['ratings']] ?? 0) + c.projects;
      projects += c.projects;
    }
    const group = money.get(key) ?? { currencies: [], usd: emptyFigures('USD'), missingRates: [] };
    const attributable = (f: MoneyFigures) => (groupBy === 'financier' ? withoutContractFigures(f) : f);
    return {
      key,
      projects,
      ratings,
      currencies: group.currencies.map((c) => ({ ...c, ...attributable(c) })),
      usd: attributable(group.usd),
      missingRates: group.missingRates,
    };
  });
}
