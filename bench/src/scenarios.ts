import { randomBytes } from 'node:crypto';
import { EVENT_TOPICS } from '@ecab/contracts';
import type { PostgresEventStore } from '@ecab/event-store';
import { PortfolioProjection, replayEventStore, VIEW_FAMILIES, ViewGenerations } from '@ecab/portfolio-views';
import { authHeaders, startApp, testKafkaBrokers, type AppProcess } from '@ecab/testing';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { httpClient, latencies, memoryOf, now, offeredLoad, spreadOf, until, type ResultRow } from './measure.js';
import { ratio } from './stats.js';

/** What every scenario gets: the generated store, its size, and where to put processes and topics. */
export interface BenchContext {
  eventsUrl: string;
  eventStoreDataSource: DataSource;
  eventStore: PostgresEventStore;
  /** Events in the store (what a rebuild or a catch-up must reach). */
  events: number;
  projects: string[];
  clusters: Map<string, string>;
  topicPrefix: string;
  /** A fresh empty database for portfolio-views (created by the runner). */
  viewsUrl: string;
  repeats: { rebuild: number; scan: number; queries: number };
  queriesPerRound: number;
  /** Offered loads of the command → visible scenario, commands/s (each run for commandSeconds). */
  commandRates: number[];
  commandSeconds: number;
  /** How long the relay and the catch-up may take before they are reported unfinished. */
  catchUpTimeoutMs: number;
  log(message: string): void;
  /** Processes the runner stops at the end. */
  processes: AppProcess[];
  /** Filled by the catch-up for the later scenarios. */
  api?: AppProcess;
  views?: AppProcess;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'ecab-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// (a) Rebuild of the read tables from the event store vs a raw scan of the events table
// ---------------------------------------------------------------------------------------------------

/** Pages through the events table in log order, as many rows per page as the rebuild reads, and returns rows/s. */
async function rawScan(url: string, pageSize: number): Promise<number> {
  return withClient(url, async (client) => {
    const started = now();
    let after = '0';
    let rows = 0;
    for (;;) {
      const page = await client.query<{ position: string }>(
        'select position::text as position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at from events where position > $1 order by position limit $2',
        [after, pageSize],
      );
      if (page.rows.length === 0) break;
      rows += page.rows.length;
      after = page.rows[page.rows.length - 1]!.position;
    }
    return rows / ((now() - started) / 1000);
  });
}

/** The server-side ceiling: every event copied into a table by one statement (no client, no JSON parsing). */
async function rawCopy(url: string): Promise<number> {
  return withClient(url, async (client) => {
    await client.query('drop table if exists bench_events_copy');
    const started = now();
    const result = await client.query('create table bench_events_copy as select position, stream_id, stream_version, type, data, metadata, recorded_at from events');
    const rate = (result.rowCount ?? 0) / ((now() - started) / 1000);
    await client.query('drop table bench_events_copy');
    return rate;
  });
}

export async function rebuildScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const generations = new ViewGenerations(ctx.eventStoreDataSource, VIEW_FAMILIES);
  await generations.ensureCatalogue();
  const rebuild: number[] = [];
  const scan: number[] = [];
  const copy: number[] = [];
  const rounds = Math.max(ctx.repeats.rebuild, ctx.repeats.scan);
  // Interleaved, so noise on the shared machine hits both alike.
  for (let round = 0; round < rounds; round += 1) {
    if (round < ctx.repeats.rebuild) {
      const generation = await generations.create();
      const projection = new PortfolioProjection(ctx.eventStoreDataSource, VIEW_FAMILIES, generation.schema);
      const started = now();
      let done = 0;
      await replayEventStore(ctx.eventStoreDataSource, projection, { onProgress: (p) => (done = p.done) });
      const seconds = (now() - started) / 1000;
      rebuild.push(done / seconds);
      ctx.log(`rebuild ${round + 1}: ${done} events in ${seconds.toFixed(1)} s`);
      await ctx.eventStoreDataSource.query(`drop schema ${generation.schema} cascade`);
      await ctx.eventStoreDataSource.query(`delete from views_generations where schema = $1`, [generation.schema]);
    }
    if (round < ctx.repeats.scan) {
      scan.push(await rawScan(ctx.eventsUrl, 1000));
      copy.push(await rawCopy(ctx.eventsUrl));
      ctx.log(`raw scan ${round + 1}: ${scan.at(-1)!.toFixed(0)} rows/s; server-side copy ${copy.at(-1)!.toFixed(0)} rows/s`);
    }
  }
  return [
    {
      scenario: 'Rebuild of the read tables from the event store (replayEventStore, batches of 1,000)',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf(rebuild),
      baseline: { name: 'raw paged select of the events table (1,000 rows a page)', value: spreadOf(scan) },
      target: '≥ 50,000',
    },
    {
      scenario: '… the same rows copied server-side (`create table … as select`), the write ceiling',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf(rebuild),
      baseline: { name: 'create table as select', value: spreadOf(copy) },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// (b) Catch-up from Kafka: relay (portfolio-api), then portfolio-views with a fresh group vs a plain consumer
// ---------------------------------------------------------------------------------------------------

async function topicMessages(kafka: Kafka, topics: string[]): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    let total = 0;
    const existing = new Set(await admin.listTopics());
    for (const topic of topics) {
      if (!existing.has(topic)) continue;
      for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}

/** A plain kafkajs consumer (fresh group, from the beginning) counting messages until `count`; events/s from its first message. */
async function plainConsumer(kafka: Kafka, topics: string[], count: number, timeoutMs: number): Promise<{ rate: number; fromStartRate: number; read: number }> {
  const consumer = kafka.consumer({ groupId: `bench-plain-${randomBytes(4).toString('hex')}` });
  const started = now();
  let first: number | undefined;
  let read = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    const finished = new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(now()), timeoutMs);
      void consumer.run({
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch }) => {
          first ??= now();
          read += batch.messages.length;
          if (read >= count) {
            clearTimeout(timer);
            resolve(now());
          }
        },
      });
    });
    const end = await finished;
    return { rate: read / ((end - (first ?? started)) / 1000), fromStartRate: read / ((end - started) / 1000), read };
  } finally {
    await consumer.disconnect();
  }
}

async function appliedEvents(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const result = await client.query<{ applied: string | null }>('select sum(version)::text as applied from applied_stream_versions');
    return Number(result.rows[0]?.applied ?? 0);
  });
}

export async function catchUpScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const kafka = new Kafka({ clientId: 'ecab-bench', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const topics = EVENT_TOPICS.map((t) => `${ctx.topicPrefix}${t}`);
  const kafkaEnv = { KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: ctx.topicPrefix, KAFKA_PARTITIONS: '6' };
  const timeoutMs = ctx.catchUpTimeoutMs;

  // The relay: portfolio-api publishes the whole backlog.
  const apiStarted = now();
  const api = await startApp('portfolio-api', { DATABASE_URL: ctx.eventsUrl, ...kafkaEnv, LOG_LEVEL: 'warn' }, 'portfolio-api (bench)');
  ctx.processes.push(api);
  ctx.api = api;
  let relayFirst: number | undefined;
  const relayed = await until(
    async () => {
      const n = await topicMessages(kafka, topics);
      if (n > 0) relayFirst ??= now();
      return n >= ctx.events;
    },
    { timeoutMs, intervalMs: 250 },
  );
  const relayEnd = now();
  const onKafka = await topicMessages(kafka, topics);
  const relayRate = onKafka / ((relayEnd - (relayFirst ?? apiStarted)) / 1000);
  ctx.log(`relay: ${onKafka} events on Kafka${relayed ? '' : ' (TIMED OUT)'}, ${relayRate.toFixed(0)} events/s`);

  // The plain consumer first (it only reads), then portfolio-views from an empty database and a fresh group.
  const plain = await plainConsumer(kafka, topics, onKafka, timeoutMs);
  ctx.log(`plain consumer: ${plain.read} messages, ${plain.rate.toFixed(0)} events/s from the first message`);

  const viewsSpawned = now();
  const views = await startApp('portfolio-views', { DATABASE_URL: ctx.viewsUrl, ...kafkaEnv, VIEWS_CONSUMER_GROUP: `${ctx.topicPrefix}views`, LOG_LEVEL: 'warn' }, 'portfolio-views (bench)');
  ctx.processes.push(views);
  ctx.views = views;
  let firstApplied: number | undefined;
  let peakSampled = 0;
  let applied = 0;
  const caughtUp = await until(
    async () => {
      const mem = memoryOf(views.pid);
      if (mem) peakSampled = Math.max(peakSampled, mem.rssMb);
      applied = await appliedEvents(ctx.viewsUrl);
      if (applied > 0) firstApplied ??= now();
      return applied >= ctx.events;
    },
    { timeoutMs, intervalMs: 100 },
  );
  const caughtUpAt = now();
  const memory = memoryOf(views.pid);
  const rate = applied / ((caughtUpAt - (firstApplied ?? viewsSpawned)) / 1000);
  const fromSpawn = applied / ((caughtUpAt - viewsSpawned) / 1000);
  ctx.log(`views catch-up: ${applied}/${ctx.events} applied${caughtUp ? '' : ' (TIMED OUT)'}, ${rate.toFixed(0)} events/s; peak RSS ${memory?.peakMb.toFixed(0)} MB`);
  return [
    {
      scenario: 'Catch-up from Kafka: portfolio-views, fresh consumer group, until its applied count reaches the store',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf([rate]),
      ecabNote: `${fromSpawn.toFixed(0)} from the process start${caughtUp ? '' : `; UNFINISHED: ${applied} of ${ctx.events}`}`,
      baseline: { name: 'plain kafkajs consumer (eachBatch, counting), same topics', value: spreadOf([plain.rate]), note: `${plain.fromStartRate.toFixed(0)} from connect` },
      target: '≥ 20,000',
    },
    {
      scenario: 'Peak RSS of portfolio-views during the catch-up (VmHWM)',
      unit: 'MB',
      better: 'lower',
      ecab: spreadOf([memory?.peakMb]),
      ecabNote: `highest sampled VmRSS ${peakSampled.toFixed(0)} MB`,
      target: '≤ 300',
    },
    {
      scenario: 'Relay of the stored backlog to Kafka (portfolio-api), for reference',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf([relayRate]),
      ecabNote: relayed ? undefined : `UNFINISHED: ${onKafka} of ${ctx.events}`,
      note: 'issue 14 measures it beside a plain producer',
    },
  ];
}

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
        rows.push({ scenario: `Query latency: ${query.name}`, unit: 'ms', better: 'lower', ecab: undefined, target: 'p99 ≤ 20', note: `not available in this build (HTTP ${probe.status})` });
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
        ctx.log(`${query.name} round ${round + 1}: p50 ${a.p50!.toFixed(2)} p99 ${a.p99!.toFixed(2)} ms; raw p50 ${r.p50!.toFixed(2)} p99 ${r.p99!.toFixed(2)} ms`);
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
          const read = await http.request(`${views.url}/api/v1/projects/${encodeURIComponent(projectId)}?consistentWith=${encodeURIComponent(token)}`, { headers, timeoutMs: deadline - now() });
          if (read.status === 200) break;
          if (read.status !== 409) return failWith(`read HTTP ${read.status}`, read.body);
        }
        visibleMs.push(now() - started);
      } catch (error) {
        fail(error instanceof Error && error.name === 'TimeoutError' ? `not visible within ${REQUEST_DEADLINE_MS / 1000} s` : `error ${error instanceof Error ? ((error as { code?: string }).code ?? error.name) : typeof error}`);
      }
    });
  } finally {
    http.close();
  }
  for (const [what, body] of firstFailure) ctx.log(`first ${what}: ${body}`);
  const achieved = commandMs.length / ((lastAnswer - loadStarted) / 1000);
  const offered = rate * ctx.commandSeconds;
  ctx.log(`commands: ${commandMs.length}/${offered} answered (${achieved.toFixed(0)}/s achieved, ${retries} retried after a conflict), ${visibleMs.length} visible; failures ${JSON.stringify(Object.fromEntries(failures))}`);

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
      await pool.query("insert into bench_raw_events (stream_id, stream_version, event_id, type, schema_version, data, metadata) values ($1, $2, $3, 'FundsReceived', 1, $4, $5)", [
        `bench-raw-${i % ctx.projects.length}`,
        i + 1,
        eventId,
        JSON.stringify({ amount: '1.00', currency: 'USD', valueDate }),
        JSON.stringify({ subject: 'bench' }),
      ]);
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

/** "12,345 (11,000–13,000, 3 runs)" */
export function describeSpread(value: ResultRow['ecab'], decimals: number): string {
  if (!value) return '–';
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: decimals });
  return value.runs > 1 ? `${f(value.median)} (${f(value.min)}–${f(value.max)}, ${value.runs} runs)` : f(value.median);
}

export function ratioOf(row: ResultRow): string {
  if (!row.baseline) return '–';
  return ratio(row.ecab?.median, row.baseline.value?.median);
}
