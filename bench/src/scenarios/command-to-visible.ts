import { authHeaders } from '@ecab/testing';
import pg from 'pg';
import { httpClient, latencies, now, offeredLoad, spreadOf, type ResultRow } from '../measure.js';
import { type BenchContext } from './context.js';

// ---------------------------------------------------------------------------------------------------
// (d) Command → visible in portfolio-views at a fixed offered load vs a raw insert → select
// ---------------------------------------------------------------------------------------------------

/** A command not visible within this long counts as failed (it bounds the scenario when the apps cannot keep up). */
const REQUEST_DEADLINE_MS = 30_000;
/** Connections the load generator holds to each app (keep-alive); more requests queue in the client. */
const HTTP_CONNECTIONS = 64;

export async function commandToVisibleScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const rate of ctx.commandRates) rows.push(...(await commandToVisibleAt(ctx, rate)));
  return rows;
}

/** Latencies with every request that failed or missed the deadline counted as infinitely late. */
function withMisses(values: readonly number[], offered: number): number[] {
  return [...values, ...Array.from({ length: Math.max(0, offered - values.length) }, () => Number.POSITIVE_INFINITY)];
}

const ms = (value: number | undefined) => (value === undefined ? '–' : Number.isFinite(value) ? `${value.toFixed(1)} ms` : `> ${REQUEST_DEADLINE_MS / 1000} s`);

async function commandToVisibleAt(ctx: BenchContext, rate: number): Promise<ResultRow[]> {
  const { api, views } = ctx;
  if (!api || !views) return [];
  const headers = { 'content-type': 'application/json', ...authHeaders() };
  const valueDate = '2026-01-15';
  const commandMs: number[] = [];
  const visibleMs: number[] = [];
  const failures = new Map<string, number>();
  const fail = (what: string): void => void failures.set(what, (failures.get(what) ?? 0) + 1);
  const loadStarted = now();
  let lastAnswer = loadStarted;
  let retries = 0;
  const firstFailure = new Map<string, string>();
  const http = httpClient(HTTP_CONNECTIONS);
  try {
    await offeredLoad(rate, ctx.commandSeconds, async (i): Promise<void> => {
      // Round-robin over the projects; a version conflict with a command still in flight on the same
      // agreement is retried, as a client would (counted).
      const projectId = ctx.projects[i % ctx.projects.length]!;
      const started = now();
      const deadline = started + REQUEST_DEADLINE_MS;
      const failWith = (what: string, body: string) => {
        if (!firstFailure.has(what)) firstFailure.set(what, body.slice(0, 300));
        fail(what);
      };
      try {
        let token: string | undefined;
        for (let attempt = 0; token === undefined; attempt += 1) {
          const response = await http.request(`${api.url}/api/v1/agreements/${encodeURIComponent(`AG-${projectId}`)}/funds-received`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ amount: '1.00', currency: 'USD', valueDate }),
            timeoutMs: deadline - now(),
          });
          const consistentWith = response.status === 201 ? (JSON.parse(response.body) as { consistentWith?: string }).consistentWith : undefined;
          if (consistentWith) token = consistentWith;
          else if (response.status === 409 && attempt < 5) retries += 1;
          else return failWith(`command HTTP ${response.status}`, response.body);
        }
        const answered = now();
        lastAnswer = Math.max(lastAnswer, answered);
        commandMs.push(answered - started);
        // consistentWith waits in the views (bounded, then 409): ask again until visible or the deadline.
        for (;;) {
          const read = await http.request(`${views.url}/api/v1/projects/${encodeURIComponent(projectId)}?consistentWith=${encodeURIComponent(token)}`, {
            headers,
            timeoutMs: deadline - now(),
          });
          if (read.status === 200) break;
          if (read.status !== 409) return failWith(`read HTTP ${read.status}`, read.body);
        }
        visibleMs.push(now() - started);
      } catch (error) {
        fail(
          error instanceof Error && error.name === 'TimeoutError'
            ? `not visible within ${REQUEST_DEADLINE_MS / 1000} s`
            : `error ${error instanceof Error ? ((error as { code?: string }).code ?? error.name) : typeof error}`,
        );
      }
    });
  } finally {
    http.close();
  }
  for (const [what, body] of firstFailure) ctx.log(`first ${what}: ${body}`);
  const achieved = commandMs.length / ((lastAnswer - loadStarted) / 1000);
  const offered = rate * ctx.commandSeconds;
  ctx.log(
    `commands: ${commandMs.length}/${offered} answered (${achieved.toFixed(0)}/s achieved, ${retries} retried after a conflict), ${visibleMs.length} visible; failures ${JSON.stringify(Object.fromEntries(failures))}`,
  );

  // The raw path: one row inserted into a copy of the events table, then read back by another connection.
  const rawInsert: number[] = [];
  const rawVisible: number[] = [];
  const pool = new pg.Pool({ connectionString: ctx.eventsUrl, max: 16, application_name: 'ecab-bench' });
  try {
    await pool.query('drop table if exists bench_raw_events');
    await pool.query('create table bench_raw_events (like events including defaults including identity)');
    await pool.query('create index on bench_raw_events (event_id)');
    await offeredLoad(rate, ctx.commandSeconds, async (i) => {
      const started = now();
      const eventId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      await pool.query(
        "insert into bench_raw_events (stream_id, stream_version, event_id, type, schema_version, data, metadata) values ($1, $2, $3, 'FundsReceived', 1, $4, $5)",
        [
          `bench-raw-${i % ctx.projects.length}`,
          i + 1,
          eventId,
          JSON.stringify({ amount: '1.00', currency: 'USD', valueDate }),
          JSON.stringify({ subject: 'bench' }),
        ],
      );
      rawInsert.push(now() - started);
      await pool.query('select * from bench_raw_events where event_id = $1', [eventId]);
      rawVisible.push(now() - started);
    });
    await pool.query('drop table bench_raw_events');
  } finally {
    await pool.end();
  }
  const failed = [...failures].map(([k, v]) => `${v}× ${k}`).join(', ');
  const c = latencies(withMisses(commandMs, offered));
  const v = latencies(withMisses(visibleMs, offered));
  const ri = latencies(rawInsert);
  const rv = latencies(rawVisible);
  return [
    {
      scenario: `Command → visible in portfolio-views (RecordFundsReceived over HTTP, then GET projects/{id}?consistentWith=), ${rate}/s offered for ${ctx.commandSeconds} s: p99`,
      unit: 'ms',
      better: 'lower',
      ecab: spreadOf([v.p99]),
      ecabNote: `${Number.isFinite(v.p99) ? '' : `p99 ${ms(v.p99)}; `}p50 ${ms(v.p50)}; ${visibleMs.length}/${offered} visible; ${achieved.toFixed(0)} commands/s achieved; ${retries} retries after a version conflict${failed ? `; failed: ${failed}` : ''}`,
      baseline: { name: 'raw single-row insert, then a select of it', value: spreadOf([rv.p99]), note: `p50 ${rv.p50?.toFixed(1)} ms` },
      target: 'p99 ≤ 100',
    },
    {
      scenario: `… the command alone (HTTP answer of portfolio-api), ${rate}/s offered: p99`,
      unit: 'ms',
      better: 'lower',
      ecab: spreadOf([c.p99]),
      ecabNote: `${Number.isFinite(c.p99) ? '' : `p99 ${ms(c.p99)}; `}p50 ${ms(c.p50)}`,
      baseline: { name: 'raw single-row insert', value: spreadOf([ri.p99]), note: `p50 ${ri.p50?.toFixed(1)} ms` },
    },
  ];
}
