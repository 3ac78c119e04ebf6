import { CLUSTERS } from '@ecab/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { canonicalAmount } from '../money.js';
import { ViewsReader } from '../views-reader.js';
import { portfolioSummaryQuery } from './portfolio-summary.query.js';

export interface MoneyByCurrency {
  currency: string;
  committed: string;
  disbursed: string;
}

export interface ClusterSummary {
  cluster: string;
  projects: number;
  financing: MoneyByCurrency[];
}

@Controller('api/v1')
export class PortfolioSummaryController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(portfolioSummaryQuery.path)
  async summary(@Query() raw: unknown): Promise<{ clusters: ClusterSummary[] }> {
    const parameters = this.reader.parameters(portfolioSummaryQuery, raw);
    return this.reader.read(parameters, async (sql) => {
      const counts: { cluster: string; projects: number }[] = await sql('select cluster, count(*)::int as projects from project_summary group by cluster');
      const money: ({ cluster: string } & MoneyByCurrency)[] = await sql(
        `select s.cluster, f.currency, sum(f.committed)::text as committed, sum(f.disbursed)::text as disbursed
           from project_financing f join project_summary s using (project_id)
          group by s.cluster, f.currency order by f.currency`,
      );
      const clusters = CLUSTERS.map((cluster) => ({
        cluster,
        projects: counts.find((c) => c.cluster === cluster)?.projects ?? 0,
        financing: money
          .filter((m) => m.cluster === cluster)
          .map((m) => ({ currency: m.currency, committed: canonicalAmount(m.committed, m.currency), disbursed: canonicalAmount(m.disbursed, m.currency) })),
      }));
      return { clusters };
    });
  }
}
