import { authHeaders } from '@ecab/testing';
import pg from 'pg';
import { latencies, now, spreadOf, type ResultRow } from '../measure.js';
import { type BenchContext, withClient } from './context.js';

// ---------------------------------------------------------------------------------------------------
// (c) Query latency at this size vs a raw SQL query of the same rows
// ---------------------------------------------------------------------------------------------------

interface QueryCase {
  name: string;
  path: (i: number) => string;
  raw: (client: pg.Client, i: number) => Promise<unknown>;
  rawName: string;
}

export async function queryScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const views = ctx.views;
  if (!views) return [];
  const project = (i: number) => ctx.projects[(i * 7919) % ctx.projects.length]!;
  const clusters = [...new Set(ctx.clusters.values())].sort();
  const cluster = (i: number) => clusters[i % clusters.length]!;
  const cases: QueryCase[] = [
    {
      name: 'GET /api/v1/portfolio/summary',
      path: () => '/api/v1/portfolio/summary',
      rawName: 'select cluster, count(*) from project_summary group by cluster',
      raw: (c) => c.query('select cluster, count(*)::int as projects from project_summary group by cluster'),
    },
    {
      name: 'GET /api/v1/projects/{id}',
      path: (i) => `/api/v1/projects/${encodeURIComponent(project(i))}`,
      rawName: 'project_summary row + its latest 50 project_activity rows',
      raw: async (c, i) => {
        await c.query('select * from project_summary where project_id = $1', [project(i)]);
        await c.query('select * from project_activity where project_id = $1 order by recorded_at desc limit 50', [project(i)]);
      },
    },
    {
      name: 'GET /api/v1/projects?cluster=…',
      path: (i) => `/api/v1/projects?cluster=${cluster(i)}`,
      rawName: 'first 50 project_summary rows of the cluster',
      raw: (c, i) => c.query('select * from project_summary where cluster = $1 order by project_id limit 50', [cluster(i)]),
    },
  ];
  const headers = authHeaders();
  const rows: ResultRow[] = [];
  await withClient(ctx.viewsUrl, async (client) => {
    for (const query of cases) {
      // Is it there at all (the list is built elsewhere)?
      const probe = await fetch(`${views.url}${query.path(0)}`, { headers });
      await probe.arrayBuffer();
      if (probe.status !== 200) {
        rows.push({
          scenario: `Query latency: ${query.name}`,
          unit: 'ms',
          better: 'lower',
          ecab: undefined,
          target: 'p99 ≤ 20',
          note: `not available in this build (HTTP ${probe.status})`,
        });
        ctx.log(`${query.name}: not available (${probe.status})`);
        continue;
      }
      const apiP99: number[] = [];
      const apiP50: number[] = [];
      const rawP99: number[] = [];
      const rawP50: number[] = [];
      let errors = 0;
      for (let round = 0; round < ctx.repeats.queries; round += 1) {
        const api: number[] = [];
        for (let i = 0; i < ctx.queriesPerRound; i += 1) {
          const started = now();
          const response = await fetch(`${views.url}${query.path(i + round)}`, { headers });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
          api.push(now() - started);
        }
        const raw: number[] = [];
        for (let i = 0; i < ctx.queriesPerRound; i += 1) {
          const started = now();
          await query.raw(client, i + round);
          raw.push(now() - started);
        }
        const a = latencies(api);
        const r = latencies(raw);
        apiP50.push(a.p50!);
        apiP99.push(a.p99!);
        rawP50.push(r.p50!);
        rawP99.push(r.p99!);
        ctx.log(
          `${query.name} round ${round + 1}: p50 ${a.p50!.toFixed(2)} p99 ${a.p99!.toFixed(2)} ms; raw p50 ${r.p50!.toFixed(2)} p99 ${r.p99!.toFixed(2)} ms`,
        );
      }
      rows.push({
        scenario: `Query latency p99: ${query.name} (${ctx.queriesPerRound} sequential requests a round)`,
        unit: 'ms',
        better: 'lower',
        ecab: spreadOf(apiP99),
        ecabNote: `p50 ${spreadOf(apiP50)?.median.toFixed(2)} ms${errors ? `; ${errors} non-200 answers` : ''}`,
        baseline: { name: query.rawName, value: spreadOf(rawP99), note: `p50 ${spreadOf(rawP50)?.median.toFixed(2)} ms` },
        target: 'p99 ≤ 20',
      });
    }
  });
  return rows;
}
