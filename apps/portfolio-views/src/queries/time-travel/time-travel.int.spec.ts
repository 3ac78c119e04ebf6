import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations, type NewEvent } from '@ecab/event-store';
import { ProblemError } from '@ecab/platform';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { PortfolioProjection } from '../../projections/portfolio-projection.js';
import { replayEventStore } from '../../projections/rebuild-from-event-store.js';
import type { ViewFamily } from '../../projections/view-family.js';
import { VIEW_FAMILIES } from '../../projections/view-families.js';
import { ViewGenerations } from '../../projections/view-generations.js';
import { PortfolioSummaryController } from '../portfolio-summary/portfolio-summary.controller.js';
import { ProjectProfileController, type ProjectView } from '../project-profile/project-profile.controller.js';
import { ViewsReader } from '../views-reader.js';
import { withReadContext } from './read-context.js';
import { dropAbandonedReplays, TimeTravel } from './time-travel.js';

/** Dates as the test reckons them, independently of the code under test: days in UTC, "today" in Almaty. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const [year, month] = today.split('-').map(Number) as [number, number];
const quarterStart = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
const lastQuarterEnd = addDays(quarterStart, -1);

const P = 'TT-P';
const Q = 'TT-Q';
const AGREEMENT = 'TT-AG-1';
const FINANCIER = 'XM-DAC-46004';

// The money, named so the expected figures below are sums of what was appended.
const C1 = { id: 'C-1', amount: 1000, on: addDays(lastQuarterEnd, -200) };
const C2 = { id: 'C-2', amount: 200, on: addDays(lastQuarterEnd, -60) }; // entered wrong: corrected by C3
const C3 = { id: 'C-3', amount: 250, on: C2.on };
const LATE = { id: 'D-1', amount: 300, on: addDays(lastQuarterEnd, -14) }; // effective last quarter, reported late
const STARTED_ON = addDays(lastQuarterEnd, -30);
const Q_COMMITMENT = { amount: 70, on: addDays(lastQuarterEnd, -100) };

const usd = (n: number) => n.toFixed(2);
const meta = (subject: string, cluster: string) => ({ subject, cluster, actor: 'time-travel-test' });

function registered(projectId: string, cluster: string, effectiveDate: string): NewEvent {
  return {
    type: 'ProjectRegistered',
    schemaVersion: 1,
    data: { projectId, title: `Project ${projectId}`, cluster, countries: [{ code: 'KZ', percentage: 100 }], effectiveDate },
    metadata: meta(projectId, cluster),
  };
}
function agreementEvent(type: string, data: Record<string, unknown>): NewEvent {
  return { type, schemaVersion: 1, data: { agreementId: AGREEMENT, projectId: P, ...data }, metadata: meta(P, 'transport') };
}
const commitment = (c: { id: string; amount: number; on: string }) =>
  agreementEvent('AgreementCommitmentRecorded', {
    transactionId: c.id,
    transactionType: { code: '11', codelist: 'TransactionType', version: '2.03' },
    amount: usd(c.amount),
    currency: 'USD',
    valueDate: c.on,
    effectiveDate: c.on,
  });
const reversal = (c: { id: string; amount: number }, effectiveDate: string, reasonCode: string) =>
  agreementEvent('TransactionReversed', {
    transactionId: c.id,
    reversedEventType: 'AgreementCommitmentRecorded',
    amount: usd(c.amount),
    currency: 'USD',
    reasonCode,
    source: { title: 'Loan ledger', url: 'https://example.org/ledger' },
    effectiveDate,
  });

describe('time travel, replayed from the event store (real PostgreSQL)', () => {
  let database: TestDatabase;
  let eventStore: DataSource;
  let views: DataSource;
  let projection: PortfolioProjection;
  let reader: ViewsReader;
  let summaries: PortfolioSummaryController;
  let profiles: ProjectProfileController;
  // Instants between the appends, as the database's clock tells them (recorded_at is its now()).
  let beforeLateReport: string;
  let afterLateReport: string;
  let afterCorrection: string;

  async function instant(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [row] = (await eventStore.query(`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`)) as [{ at: string }];
    await new Promise((resolve) => setTimeout(resolve, 20));
    return row.at;
  }

  beforeAll(async () => {
    database = await createTestDatabase('time_travel');
    eventStore = createEventStoreDataSource(database.url, { poolSize: 4 });
    await eventStore.initialize();
    await runEventStoreMigrations(eventStore);
    views = new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } });
    await views.initialize();
    const generations = new ViewGenerations(views, VIEW_FAMILIES);
    await generations.ensureCatalogue();
    const generation = await generations.create();
    await generations.switchTo(generation.schema);
    projection = new PortfolioProjection(views, VIEW_FAMILIES, generation.schema);
    reader = new ViewsReader(views, projection, { consistencyWaitMs: 100 });
    summaries = new PortfolioSummaryController(reader);
    profiles = new ProjectProfileController(reader);

    const store = new PostgresEventStore(eventStore, { notify: false });
    // The project is registered today; its agreement and money took effect earlier in the year.
    await store.append(`project-${P}`, 0, [registered(P, 'transport', today)]);
    await store.append(`project-${Q}`, 0, [registered(Q, 'energy', addDays(lastQuarterEnd, -120))]);
    await store.append(`agreement-${AGREEMENT}`, 0, [
      agreementEvent('AgreementSigned', {
        agreementNumber: 'L-1',
        financier: { ref: FINANCIER },
        amount: '5000.00',
        currency: 'USD',
        signedDate: C1.on,
        effectiveDate: C1.on,
      }),
      commitment(C1),
      commitment(C2),
    ]);
    await store.append(`project-${Q}`, 1, [
      {
        type: 'CommitmentRecorded',
        schemaVersion: 1,
        data: {
          projectId: Q,
          commitmentId: 'QC-1',
          amount: usd(Q_COMMITMENT.amount),
          currency: 'USD',
          valueDate: Q_COMMITMENT.on,
          financier: FINANCIER,
          effectiveDate: Q_COMMITMENT.on,
        },
        metadata: meta(Q, 'energy'),
      },
    ]);
    beforeLateReport = await instant();
    // Reported today: a disbursement effective last quarter, and the start of implementation before it.
    await store.append(`project-${P}`, 1, [
      {
        type: 'DisbursementRecorded',
        schemaVersion: 1,
        data: {
          projectId: P,
          disbursementId: LATE.id,
          amount: usd(LATE.amount),
          currency: 'USD',
          valueDate: LATE.on,
          financier: FINANCIER,
          effectiveDate: LATE.on,
        },
        metadata: meta(P, 'transport'),
      },
      {
        type: 'ProjectStatusChanged',
        schemaVersion: 1,
        data: {
          projectId: P,
          from: { code: '1', codelist: 'ActivityStatus', version: '2.03' },
          to: { code: '2', codelist: 'ActivityStatus', version: '2.03' },
          stage: 'implementation',
          effectiveDate: STARTED_ON,
        },
        metadata: meta(P, 'transport'),
      },
    ]);
    afterLateReport = await instant();
    // C2 was a data-entry error: reversed as of its own date (it never happened), re-recorded as C3.
    await store.append(`agreement-${AGREEMENT}`, 3, [reversal(C2, C2.on, 'DATA_ENTRY_ERROR'), commitment(C3)]);
    afterCorrection = await instant();
    // C1 is reversed today, effective today: it stood until today.
    await store.append(`agreement-${AGREEMENT}`, 5, [reversal(C1, today, 'SOURCE_CORRECTION')]);
    // The live tables, for comparison (and the project's streams for a scoped replay).
    // Another suite's open transaction may hold the log's horizon: wait for every appended event.
    await replayEventStore(eventStore, projection, { waitForHeldBackMs: 60_000 });
  });

  afterAll(async () => {
    await views?.destroy();
    await eventStore?.destroy();
    await database?.drop();
  });

  async function transport(parameters: Record<string, string>): Promise<unknown> {
    const answer = await summaries.summary(parameters);
    if (!('clusters' in answer)) throw new Error('a summary without groupBy answers per cluster');
    return answer.clusters.find((c) => c.cluster === 'transport');
  }
  const cluster = (projects: number, committed: number, disbursed: number) => ({
    cluster: 'transport',
    projects,
    financing: projects === 0 ? [] : [{ currency: 'USD', committed: usd(committed), disbursed: usd(disbursed) }],
  });
  const profile = async (parameters: Record<string, string>) =>
    JSON.parse(await withReadContext({ projectId: P, setHeader: () => undefined }, () => profiles.project(P, parameters))) as ProjectView;

  it('answers as recorded at an instant: a late report is absent before it was recorded, a correction before it was made', async () => {
    expect(await transport({ recordedAt: beforeLateReport })).toEqual(cluster(1, C1.amount + C2.amount, 0));
    expect(await transport({ recordedAt: afterLateReport })).toEqual(cluster(1, C1.amount + C2.amount, LATE.amount));
    expect(await transport({ recordedAt: afterCorrection })).toEqual(cluster(1, C1.amount + C3.amount, LATE.amount));
    // Now: C1 reversed, C3 stands; the same as the live tables.
    const live = await transport({});
    expect(live).toEqual(cluster(1, C3.amount, LATE.amount));
    expect(await transport({ recordedAt: await instant() })).toEqual(live);
  });

  it('answers as effective on a date, as known now: the late disbursement counts on last quarter’s end, a reversal only from its own date', async () => {
    // Last quarter's end: C1 still stood (its reversal is effective today), C2 never happened, the late disbursement counts.
    expect(await transport({ effectiveOn: lastQuarterEnd })).toEqual(cluster(1, C1.amount + C3.amount, LATE.amount));
    expect(await transport({ effectiveOn: addDays(LATE.on, -1) })).toEqual(cluster(1, C1.amount + C3.amount, 0));
    expect(await transport({ effectiveOn: addDays(C2.on, -1) })).toEqual(cluster(1, C1.amount, 0));
    // Before anything of the project took effect it is not there, though registered (today) it is now.
    expect(await transport({ effectiveOn: addDays(C1.on, -1) })).toEqual(cluster(0, 0, 0));
    // Today: everything, the same as the live tables.
    expect(await transport({ effectiveOn: today })).toEqual(await transport({}));
  });

  it('answers both together as the intersection: the late report changes "as effective" and not "as recorded" before it', async () => {
    expect(await transport({ effectiveOn: lastQuarterEnd, recordedAt: beforeLateReport })).toEqual(cluster(1, C1.amount + C2.amount, 0));
    expect(await transport({ effectiveOn: lastQuarterEnd, recordedAt: afterCorrection })).toEqual(cluster(1, C1.amount + C3.amount, LATE.amount));
  });

  it('answers a project’s profile from its own events: money, status and activity as effective on a date', async () => {
    const then = await profile({ effectiveOn: lastQuarterEnd });
    expect(then.financing).toEqual([{ currency: 'USD', committed: usd(C1.amount + C3.amount), disbursed: usd(LATE.amount) }]);
    expect(then.status).toBe('2');
    // Its activity: what had taken effect by then, with the versions it was recorded under.
    expect(then.activity.map((a) => `${a.streamId}@${a.version}:${a.type}`).sort()).toEqual(
      [
        `agreement-${AGREEMENT}@1:AgreementSigned`,
        `agreement-${AGREEMENT}@2:AgreementCommitmentRecorded`,
        `agreement-${AGREEMENT}@3:AgreementCommitmentRecorded`,
        `agreement-${AGREEMENT}@4:TransactionReversed`,
        `agreement-${AGREEMENT}@5:AgreementCommitmentRecorded`,
        `project-${P}@1:ProjectRegistered`,
        `project-${P}@2:DisbursementRecorded`,
        `project-${P}@3:ProjectStatusChanged`,
      ].sort(),
    );
    const before = await profile({ effectiveOn: addDays(STARTED_ON, -1) });
    expect(before.status).toBe('1');
    expect(before.financing).toEqual([{ currency: 'USD', committed: usd(C1.amount + C3.amount), disbursed: usd(0) }]);
    const recorded = await profile({ recordedAt: beforeLateReport });
    expect(recorded.financing).toEqual([{ currency: 'USD', committed: usd(C1.amount + C2.amount), disbursed: usd(0) }]);
    expect(recorded.version).toBe(1);
    await expect(profile({ effectiveOn: addDays(C1.on, -1) })).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('replays only the project’s own events for a query of one project, and leaves nothing behind', async () => {
    const projects = await withReadContext({ projectId: P, setHeader: () => undefined }, () =>
      reader.read({ effectiveOn: today }, async (sql) =>
        ((await sql('select project_id from project_summary order by project_id')) as { project_id: string }[]).map((r) => r.project_id),
      ),
    );
    expect(projects).toEqual([P]);
    const everything = await reader.read({ effectiveOn: today }, async (sql) =>
      ((await sql('select project_id from project_summary order by project_id')) as { project_id: string }[]).map((r) => r.project_id),
    );
    expect(everything).toEqual([P, Q].sort());
    expect(await views.query(`select nspname from pg_namespace where nspname like 'time_travel_%'`)).toEqual([]);
  });

  it('replays the whole portfolio in short transactions, one per batch, and drops its schema after', async () => {
    // A family that notes the start of the transaction each batch is applied in (now() is that instant).
    const starts: string[] = [];
    const witness: ViewFamily = {
      name: 'witness',
      tables: [],
      async apply(sql) {
        const [row] = (await sql(`select now()::text as started`)) as [{ started: string }];
        if (starts.at(-1) !== row.started) starts.push(row.started);
      },
    };
    const [{ n: stored }] = (await eventStore.query('select count(*)::int as n from events')) as [{ n: number }];
    const travel = new TimeTravel(views, [...VIEW_FAMILIES, witness], { batchSize: 3 });
    const projects = await travel.read(
      { effectiveOn: today },
      async (sql) => ((await sql('select count(*)::int as n from project_summary')) as [{ n: number }])[0].n,
    );
    expect(projects).toBe(2);
    // Every batch of 3 in a transaction of its own: no transaction stays open while the log is replayed
    // (one would hold back every consumer of the log behind it).
    expect(starts).toHaveLength(Math.ceil(stored / 3));
    expect(await views.query(`select nspname from pg_namespace where nspname like 'time_travel_%'`)).toEqual([]);
  });

  it('drops the replay schemas a stopped process left behind, not those of a replay running now', async () => {
    const old = `time_travel_${Math.floor(Date.now() / 1000) - 7200}_0123456789ab`;
    const recent = `time_travel_${Math.floor(Date.now() / 1000)}_ba9876543210`;
    await views.query(`create schema ${old}`);
    await views.query(`create schema ${recent}`);
    await dropAbandonedReplays(views);
    const left: { nspname: string }[] = await views.query(`select nspname from pg_namespace where nspname like 'time_travel_%'`);
    expect(left.map((r) => r.nspname)).toEqual([recent]);
    await views.query(`drop schema ${recent}`);
  });

  it('runs at most two replays at once, the others waiting their turn', async () => {
    let running = 0;
    let most = 0;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        withReadContext({ projectId: Q, setHeader: () => undefined }, () =>
          reader.read({ effectiveOn: today }, async (sql) => {
            running += 1;
            most = Math.max(most, running);
            // Wait for a second one to be running (there is room for two), then hold on long enough for
            // a third to pile up if nothing stopped it.
            for (let waited = 0; running < 2 && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
            await new Promise((resolve) => setTimeout(resolve, 300));
            running -= 1;
            return ((await sql('select count(*)::int as n from project_summary')) as [{ n: number }])[0].n;
          }),
        ),
      ),
    );
    expect(answers).toEqual([1, 1, 1, 1, 1]);
    expect(most).toBe(2);
  });

  it('sets the headers of the cut it answered', async () => {
    const headers: Record<string, string> = {};
    await withReadContext({ setHeader: (name, value) => void (headers[name] = value) }, () =>
      summaries.summary({ recordedAt: afterCorrection, effectiveOn: lastQuarterEnd }),
    );
    expect(headers).toEqual({ 'ECAB-As-Recorded-At': afterCorrection, 'ECAB-As-Effective-On': lastQuarterEnd });
  });

  it('refuses a recordedAt in the future, an effectiveOn after today and malformed values, naming each field', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const refused = await summaries.summary({ recordedAt: future, effectiveOn: addDays(today, 2) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).problem).toMatchObject({ status: 400, errors: [{ pointer: '/recordedAt' }, { pointer: '/effectiveOn' }] });
    const malformed = await summaries.summary({ recordedAt: 'yesterday', effectiveOn: '2026-13-45' }).catch((error: unknown) => error);
    expect((malformed as ProblemError).problem).toMatchObject({ status: 400 });
    expect(((malformed as ProblemError).problem.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/effectiveOn', '/recordedAt']);
  });
});
