import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { EventLog } from '../test-support/event-log.js';
import { CreateReportingEvents1767300000000 } from './reporting-events.migration.js';
import { ReportingEvents } from './reporting-events.js';

describe('reporting’s copy of the events', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: ReportingEvents;

  beforeAll(async () => {
    database = await createTestDatabase('reporting_events');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [CreateReportingEvents1767300000000], migrationsTableName: 'reporting_migrations' });
    await dataSource.initialize();
    await dataSource.runMigrations();
    store = new ReportingEvents(dataSource);
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
});
