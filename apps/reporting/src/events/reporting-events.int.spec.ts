import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { EventLog } from '../test-support/event-log.js';
import { CreateReportingEvents1767300000000 } from './reporting-events.migration.js';
import { AddReportingEventReceipts1767500000000 } from './reporting-receipts.migration.js';
import { ReportingEvents } from './reporting-events.js';

describe('reporting’s copy of the events', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: ReportingEvents;

  beforeAll(async () => {
    database = await createTestDatabase('reporting_events');
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [CreateReportingEvents1767300000000, AddReportingEventReceipts1767500000000],
      migrationsTableName: 'reporting_migrations',
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    store = new ReportingEvents(dataSource);
  });

  beforeEach(async () => {
    await dataSource.query('truncate reporting_events');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('stores each event once, however often it is delivered, and reads them back in log order', async () => {
    const log = new EventLog();
    for (let i = 1; i <= 12; i += 1) log.project('P1', 'ProjectStatusChanged', { n: i });
    const first = log.events.slice(0, 6);
    const rest = log.events.slice(6);
    // Out of order across batches, and redelivered (Kafka is at least once).
    await store.store(rest);
    await store.store(first);
    await store.store(log.events);

    const read = await store.all();
    expect(read.map((e) => e.position)).toEqual(log.events.map((e) => e.position)); // 1…12: numeric, not text, order
    expect(read).toEqual(log.events);
    expect(await store.head()).toEqual({ position: '12', count: 12 });
  });

  it('pins a set of events that stays the same when an event of a lower position arrives later', async () => {
    const log = new EventLog();
    for (let i = 1; i <= 8; i += 1) log.project('P1', i === 6 ? 'ExchangeRateRecorded' : 'ProjectStatusChanged', { n: i });
    const at = (...positions: number[]) => positions.map((p) => log.events[p - 1]!);
    // Positions 1, 2, 4, 5, 6 arrive; 3 is still on its way (another partition, or a transaction that commits late).
    await store.store(at(1, 2, 4, 5, 6));
    const pin = await store.pin();
    expect(pin).toEqual({ position: '6', received: expect.any(String), ratePosition: '6' });
    await store.store(at(3, 7, 8));

    const positions = (events: { position?: string | undefined }[]) => events.map((e) => e.position);
    expect(positions(await store.pinned(pin))).toEqual(['1', '2', '4', '5', '6']);
    const later = await store.pin();
    expect(later.position).toBe('8');
    expect(positions(await store.pinned(later))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(positions(await store.between(pin, later))).toEqual(['3', '7', '8']);
  });

  it('waits for a batch being stored before pinning, so the batch is wholly in or wholly out', async () => {
    const log = new EventLog();
    for (let i = 1; i <= 3; i += 1) log.project('P1', 'ProjectStatusChanged', { n: i });
    await store.store(log.events.slice(0, 1));
    const batch = dataSource.createQueryRunner();
    await batch.connect();
    await batch.startTransaction();
    await batch.query(
      `insert into reporting_events (event_id, position, type, schema_version, stream_id, stream_version, subject, recorded_at, data)
       select e.event_id, e.position, 'ProjectStatusChanged', 1, 'project-P1', e.version, 'P1', now(), '{}'::jsonb
         from (values ($1, 2::bigint, 2), ($2, 3::bigint, 3)) as e(event_id, position, version)`,
      [log.events[1]!.eventId, log.events[2]!.eventId],
    );
    let pinned = false;
    const pinning = store.pin().then((pin) => {
      pinned = true;
      return pin;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pinned).toBe(false); // held back by the open batch
    await batch.commitTransaction();
    await batch.release();
    const pin = await pinning;
    expect((await store.pinned(pin)).map((e) => e.position)).toEqual(['1', '2', '3']);
  });
});
