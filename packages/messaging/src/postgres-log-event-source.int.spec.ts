import type { PortfolioEvent } from '@ecab/contracts';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { createTestDatabase, waitFor, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { ParkingDesk } from './parking/parking-desk.js';
import { ParkedMessageStore } from './parking/parked-message-store.js';
import { parkingMigrations } from './parking/parked-messages.migration.js';
import { PostgresLogEventSource } from './postgres-log-event-source.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('PostgresLogEventSource with events it has no contract for (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let parked: ParkedMessageStore;
  let source: PostgresLogEventSource;
  /** Applied per stream in version order, as a projection does: a gap is an error. */
  const applied = new Map<string, PortfolioEvent[]>();
  const CONSUMER = 'consumer:log-test';

  beforeAll(async () => {
    database = await createTestDatabase('log_parking');
    dataSource = createEventStoreDataSource(database.url, { extraMigrations: parkingMigrations });
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
    parked = new ParkedMessageStore(dataSource);
    source = new PostgresLogEventSource(dataSource, { name: CONSUMER, parked, log: silent, pollIntervalMs: 50, maxAttempts: 1 });
    await source.start(async (events) => {
      for (const event of events) {
        const stream = applied.get(event.streamId) ?? [];
        const last = stream.at(-1)?.streamVersion ?? 0;
        if (event.streamVersion <= last) continue;
        if (event.streamVersion !== last + 1) throw new Error(`${event.streamId}: gap before ${event.streamVersion}`);
        applied.set(event.streamId, [...stream, event]);
      }
    });
  });

  afterAll(async () => {
    await source.stop();
    await dataSource.destroy();
    await database.drop();
  });

  const registered = (projectId: string) => ({
    type: 'ProjectRegistered',
    schemaVersion: 1,
    data: { projectId, title: `Project ${projectId}`, cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] },
    metadata: { subject: projectId, cluster: 'transport' },
  });
  const committed = (projectId: string, n: number) => ({
    type: 'CommitmentRecorded',
    schemaVersion: 1,
    data: { projectId, commitmentId: `c-${n}`, amount: `${n}.00`, currency: 'USD', valueDate: '2024-01-01', financier: 'XM-DAC-46004' },
    metadata: { subject: projectId, cluster: 'transport' },
  });

  async function insertFromNewerBuild(streamId: string, version: number, type: string, schemaVersion: number, subject: string): Promise<string> {
    const [row] = await dataSource.query<{ event_id: string }[]>(
      `insert into events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       values ($1, $2, gen_random_uuid(), $3, $4, $5, $6) returning event_id`,
      [streamId, version, type, schemaVersion, JSON.stringify({ projectId: subject }), JSON.stringify({ subject, cluster: 'transport' })],
    );
    return row!.event_id;
  }

  const versions = (streamId: string) => (applied.get(streamId) ?? []).map((e) => e.streamVersion);

  it('parks an unknown type and a newer schema version with their projects, in order, while other projects are applied', async () => {
    await store.append('project-A', 0, [registered('A')]);
    const teleported = await insertFromNewerBuild('teleport-A', 1, 'ProjectTeleported', 1, 'A');
    await store.append('project-A', 1, [committed('A', 2), committed('A', 3)]);
    await store.append('project-V', 0, [registered('V')]);
    await insertFromNewerBuild('project-V', 2, 'CommitmentRecorded', 99, 'V');
    await store.append('project-V', 2, [committed('V', 3)]);
    await store.append('project-B', 0, [registered('B'), committed('B', 2)]);

    await waitFor(async () => (versions('project-B').length === 2 && (await parked.count(CONSUMER)) === 5 ? true : undefined), {
      timeoutMs: 15_000,
      description: "B applied, A's and V's events parked",
    });
    expect(versions('project-A')).toEqual([1]);
    expect(versions('project-V')).toEqual([1]);
    expect(applied.get('project-B')!.map((e) => typeof e.position)).toEqual(['string', 'string']);

    const desk = new ParkingDesk(parked, source);
    const a = (await desk.list('A')).messages;
    expect(a.map((m) => [m.eventId === teleported, m.type, m.streamVersion])).toEqual([
      [true, 'ProjectTeleported v1', 1],
      [false, 'ecab.project.commitment-recorded.v1', 2],
      [false, 'ecab.project.commitment-recorded.v1', 3],
    ]);
    expect(a[0]!.error).toMatch(/unknown event type ProjectTeleported v1/);
    const v = (await desk.list('V')).messages;
    expect(v.map((m) => [m.type, m.streamVersion])).toEqual([
      ['CommitmentRecorded v99', 2],
      ['ecab.project.commitment-recorded.v1', 3],
    ]);

    // Later events: B goes on, V waits behind its parked events.
    await store.append('project-B', 2, [committed('B', 3)]);
    await store.append('project-V', 3, [committed('V', 4)]);
    await waitFor(async () => (versions('project-B').length === 3 && (await parked.count(CONSUMER)) === 6 ? true : undefined), {
      timeoutMs: 15_000,
      description: "B's later event applied, V's parked",
    });
    // Without a build that knows v99, a retry keeps V where it is.
    expect(await desk.retry('V')).toMatchObject({ applied: 0, remaining: 3, error: expect.stringMatching(/CommitmentRecorded v99/) });
    expect(versions('project-V')).toEqual([1]);
  });

  it("applies A's later events in order once the unknown event is skipped by an admin, who is recorded", async () => {
    const desk = new ParkingDesk(parked, source);
    const [head] = (await desk.list('A')).messages;
    expect(await desk.skip(head!.id, 'admin@ecab')).toMatchObject({ skippedBy: 'admin@ecab', type: 'ProjectTeleported v1' });
    expect(await desk.retry('A')).toEqual({ subject: 'A', applied: 2, remaining: 0 });
    expect(versions('project-A')).toEqual([1, 2, 3]);
    await store.append('project-A', 3, [committed('A', 4)]);
    await waitFor(async () => (versions('project-A').length === 4 ? true : undefined), { timeoutMs: 10_000, description: "A's next event, not parked" });
    expect(versions('teleport-A')).toEqual([]);
    expect(await parked.count(CONSUMER)).toBe(3); // V's, still waiting for a build that knows v99
  });
});
