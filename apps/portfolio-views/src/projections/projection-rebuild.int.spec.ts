import { upcast } from '@ecab/contracts';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { portfolioEventFromRecorded } from '@ecab/messaging';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { readFreshness } from '../http/freshness.js';
import { PortfolioProjection } from './portfolio-projection.js';
import { ProjectionRebuild, RebuildAlreadyRunningError } from './projection-rebuild.js';
import { replayEventStore } from './rebuild-from-event-store.js';
import { VIEW_FAMILIES } from './view-families.js';
import { ViewGenerations } from './view-generations.js';
import { comparableRows } from '../test-support/striped-totals.js';

const CONTROL = 'views_control';

/**
 * A rebuild under live load: writers keep appending events and applying them through the live projection,
 * readers keep querying the public views, while a new generation is built, caught up and switched to.
 */
describe('rebuilding the read tables without downtime (real PostgreSQL)', () => {
  let database: TestDatabase;
  let eventStore: DataSource;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let generations: ViewGenerations;
  let live: PortfolioProjection;
  /** The live projection of another instance of the service: not paused by this one's rebuild in memory. */
  let other: PortfolioProjection;

  // What the test appended, counted by the test itself.
  let registered = 0;
  let appended = 0;
  let committedCents = 0n;
  let projectSeq = 0;

  beforeAll(async () => {
    database = await createTestDatabase('views_rebuild');
    eventStore = createEventStoreDataSource(database.url, { applicationName: 'rebuild-test' });
    await eventStore.initialize();
    await runEventStoreMigrations(eventStore);
    dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 12 } });
    await dataSource.initialize();
    store = new PostgresEventStore(eventStore, { notify: false });
    generations = new ViewGenerations(dataSource, VIEW_FAMILIES);
    await generations.ensureCatalogue();
    const first = await generations.create();
    await generations.switchTo(first.schema);
    live = new PortfolioProjection(dataSource, VIEW_FAMILIES, first.schema, { followLive: true });
    other = new PortfolioProjection(dataSource, VIEW_FAMILIES, first.schema, { followLive: true });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await eventStore?.destroy();
    await database?.drop();
  });

  /** Appends to the store, then applies what was stored through the live projection, as the consumer does. */
  async function write(streamId: string, expected: number, events: { type: string; data: Record<string, unknown> }[], through = live): Promise<void> {
    const subject = streamId.replace(/^project-/, '');
    const result = await store.append(
      streamId,
      expected,
      events.map((e) => ({ ...e, schemaVersion: 1, metadata: { subject, cluster: 'agribusiness' } })),
    );
    appended += events.length;
    await through.apply(result.events.map((recorded) => upcast(portfolioEventFromRecorded(recorded))));
  }

  async function newProject(through = live): Promise<string> {
    projectSeq += 1;
    const id = `RB-${projectSeq}`;
    registered += 1;
    await write(
      `project-${id}`,
      0,
      [{ type: 'ProjectRegistered', data: { projectId: id, title: `Project ${id}`, cluster: 'agribusiness', countries: [{ code: 'KZ', percentage: 100 }] } }],
      through,
    );
    return id;
  }

  async function commit(id: string, version: number, cents: number, through = live): Promise<void> {
    committedCents += BigInt(cents);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    await write(
      `project-${id}`,
      version,
      [
        {
          type: 'CommitmentRecorded',
          data: { projectId: id, commitmentId: `c${version + 1}`, amount, currency: 'USD', valueDate: '2025-01-01', financier: 'XM-DAC-46004' },
        },
      ],
      through,
    );
  }

  it('fills a new generation while the old one serves and takes live writes, switches, and loses nothing', async () => {
    // History before the rebuild: 100 projects with 3 commitments each.
    for (let p = 0; p < 100; p += 1) {
      const id = await newProject();
      for (let v = 1; v <= 3; v += 1) await commit(id, v, 1000 * v + p);
    }
    const oldGeneration = live.generation;

    let stop = false;
    const readFailures: string[] = [];
    let reads = 0;
    const readers = [0, 1].map(async () => {
      while (!stop) {
        try {
          const [{ n }] = (await dataSource.query('select count(*)::int as n from project_summary')) as [{ n: number }];
          const joined = await dataSource.query(
            `select s.project_id, count(a.*)::int as events from project_summary s join project_activity a using (project_id)
              group by s.project_id order by s.project_id limit 5`,
          );
          await dataSource.query('select sum(version) from applied_stream_versions');
          const freshness = await readFreshness(dataSource);
          if (n < 100 || joined.length === 0 || !/^\d+$/.test(freshness.position))
            readFailures.push(`a read saw ${n} projects, ${joined.length} joined rows, position ${freshness.position}`);
          reads += 1;
        } catch (error) {
          readFailures.push(error instanceof Error ? error.message : String(error));
        }
      }
    });
    // Two writers on their own projects (the consumer applies partitions concurrently), one of them
    // through another instance's live projection, which only the lock in PostgreSQL holds.
    const writers = [live, other].map(async (through) => {
      const mine: { id: string; version: number }[] = [];
      let round = 0;
      while (!stop) {
        round += 1;
        if (mine.length === 0 || round % 3 === 0) mine.push({ id: await newProject(through), version: 1 });
        const project = mine[round % mine.length]!;
        await commit(project.id, project.version, 100 + round, through);
        project.version += 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    });

    const rebuild = new ProjectionRebuild({ dataSource, eventStore, generations, families: VIEW_FAMILIES, live, batchSize: 50 });
    const started = rebuild.start();
    expect(started.state).toBe('building');
    expect(() => rebuild.start()).toThrow(RebuildAlreadyRunningError);
    await rebuild.settled();
    // Live writes keep going into the new generation for a moment.
    const appliedAtSwitch = appended;
    while (appended < appliedAtSwitch + 20) await new Promise((resolve) => setTimeout(resolve, 10));
    stop = true;
    await Promise.all([...readers, ...writers]);

    const status = rebuild.status();
    expect(status.error).toBeUndefined();
    expect(status.state).toBe('done');
    expect(status.generation).not.toBe(oldGeneration);
    expect(live.generation).toBe(status.generation);
    expect(other.generation).toBe(status.generation);
    expect(status.done).toBeGreaterThanOrEqual(400);
    expect(status.total).toBeGreaterThanOrEqual(status.done);
    expect(status.finishedAt).not.toBeNull();
    expect(await generations.live()).toMatchObject({ schema: status.generation, state: 'live' });
    expect(await dataSource.query('select 1 from pg_namespace where nspname = $1', [oldGeneration])).toEqual([]);
    // The generation was filled without the query indexes; it switched with every one of them.
    const declared = VIEW_FAMILIES.flatMap((f) => f.tables.flatMap((t) => t.indexes ?? [])).map(
      (statement) => /^create (?:unique )?index (\w+) /.exec(statement)![1],
    );
    const built: { indexname: string }[] = await dataSource.query('select indexname from pg_indexes where schemaname = $1', [status.generation]);
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((name) => !built.some((b) => b.indexname === name))).toEqual([]);

    expect(readFailures).toEqual([]);
    expect(reads).toBeGreaterThan(10);

    // Independent figures: what the test appended.
    const [summary] = await dataSource.query('select count(*)::int as projects from project_summary');
    expect(summary.projects).toBe(registered);
    const [versions] = await dataSource.query('select sum(version)::int as events, max(position)::text as position from applied_stream_versions');
    const [head] = await eventStore.query('select count(*)::int as events, max(position)::text as position from events');
    expect(versions).toEqual({ events: appended, position: head.position });
    expect(head.events).toBe(appended);
    const [money] = await dataSource.query(
      `select (sum((data->>'amount')::numeric) * 100)::bigint::text as cents, count(*)::int as n from project_activity where type = 'CommitmentRecorded'`,
    );
    expect(BigInt(money.cents)).toBe(committedCents);
    expect(money.n).toBe(appended - registered);
    expect(await readFreshness(dataSource)).toEqual({ position: head.position, behind: false, lagMs: 0 });

    // Every table, row for row, against a generation replayed from scratch after the load.
    await dataSource.query(`create schema ${CONTROL}`);
    await dataSource.transaction(async (manager) => {
      await manager.query(`set local search_path to ${CONTROL}, public`);
      for (const table of generations.tables()) for (const statement of table.ddl) await manager.query(statement);
    });
    await replayEventStore(eventStore, new PortfolioProjection(dataSource, VIEW_FAMILIES, CONTROL), { waitForHeldBackMs: 60_000 });
    // The tables the test's events fill must hold rows, or "no difference" would prove nothing for them.
    const filled = new Set(['applied_stream_versions', 'project_summary', 'agreement_view', 'money_movement', 'project_activity']);
    // Rows compared as jsonb: a json column (project_activity.data) has no equality operator.
    const rowsOf = (schema: string, name: string) => `select to_jsonb(t) from (${comparableRows(schema, name)}) t`;
    for (const { name } of generations.tables()) {
      const [diff] = await dataSource.query(
        `select (select count(*) from (${rowsOf('public', name)} except all ${rowsOf(CONTROL, name)}) a)::int as extra,
                (select count(*) from (${rowsOf(CONTROL, name)} except all ${rowsOf('public', name)}) b)::int as missing,
                (select count(*) from public.${name})::int as rows`,
      );
      expect({ table: name, ...diff, rows: diff.rows > 0 }).toEqual({ table: name, extra: 0, missing: 0, rows: filled.has(name) ? true : diff.rows > 0 });
    }
  }, 120_000);

  it('keeps every read table unique by its key once the generation serves (some keys are built with the query indexes)', async () => {
    const serving = await generations.live();
    for (const { name, key } of VIEW_FAMILIES.flatMap((f) => f.tables)) {
      const [{ unique }] = (await dataSource.query(
        `select exists (
           select 1 from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1 and c.relname = $2 and i.indisunique and i.indpred is null
              and (select array_agg(a.attname::text order by k.ord) from unnest(i.indkey) with ordinality k(attnum, ord)
                     join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) = $3::text[]
         ) as unique`,
        [serving!.schema, name, key],
      )) as [{ unique: boolean }];
      expect({ table: name, unique }).toEqual({ table: name, unique: true });
    }
  });

  it('holds applies while paused, and lets them through when released', async () => {
    const release = await live.pause();
    let done = false;
    const pending = newProject().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    expect(live.paused).toBe(true);
    release();
    await pending;
    expect(done).toBe(true);
  });

  it('reports a failed rebuild, drops what it built, and leaves the old generation serving', async () => {
    const serving = live.generation;
    const broken = [...VIEW_FAMILIES, { name: 'broken', tables: [], apply: async () => Promise.reject(new Error('this family cannot apply')) }];
    const rebuild = new ProjectionRebuild({ dataSource, eventStore, generations, families: broken, live });
    rebuild.start();
    await rebuild.settled();
    const status = rebuild.status();
    expect(status).toMatchObject({ state: 'failed', error: 'this family cannot apply' });
    expect(status.finishedAt).not.toBeNull();
    expect(await dataSource.query('select 1 from pg_namespace where nspname = $1', [status.generation])).toEqual([]);
    expect(await generations.live()).toMatchObject({ schema: serving });
    expect(live.paused).toBe(false);
    const [{ n }] = await dataSource.query('select count(*)::int as n from project_summary');
    expect(n).toBe(registered);
  });

  it('drops a generation a crash left half built, at the next start', async () => {
    const abandoned = await generations.create();
    await generations.dropAbandoned();
    expect(await dataSource.query('select 1 from pg_namespace where nspname = $1', [abandoned.schema])).toEqual([]);
    expect(await dataSource.query('select 1 from views_generations where schema = $1', [abandoned.schema])).toEqual([]);
    expect(await generations.live()).toMatchObject({ schema: live.generation });
  });
});
