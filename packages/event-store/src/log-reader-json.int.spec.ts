import { createEventStoreDataSource } from './data-source.js';
import { LOG_START, LogReader } from './log-reader.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { createEventStoreDatabase, type EventStoreDatabase } from './test-support/event-store-database.js';

describe('LogReader.readJsonBatch', () => {
  let db: EventStoreDatabase;

  beforeAll(async () => {
    db = await createEventStoreDatabase('log_reader_json');
  });
  afterAll(() => db.close());

  it('reads each event as readBatch does, with the data as the bytes JSON.stringify writes and the time as toISOString writes', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const data = [
      { name: 'Économie — 経済 😀', note: 'a, b: "c" \\ d\n\te\u0001', nested: { list: [true, null, 'x'], empty: {} } },
      { amount: 1.5, count: -3, big: 2 ** 60, exact: '1001.00' },
      { b: 'x', 10: 'ten', 2: 'two' },
      { projectId: 'RJ-1', valueDate: '2025-01-01', financier: 'XM-DAC-46004' },
    ];
    await store.append(
      'project-RJ-1',
      0,
      data.map((d) => ({ type: 'ProjectRegistered', schemaVersion: 1, data: d, metadata: { subject: 'RJ-1', cluster: 'transport' } })),
    );
    // Microseconds the parsers must cut alike, and a session far from UTC: neither may change what is read.
    await db.dataSource.query(`update events set recorded_at = '2026-03-01 23:59:59.999999+00' where stream_version = 2`);
    await db.dataSource.query(`update events set recorded_at = '2026-03-01 00:00:00+00' where stream_version = 3`);
    await db.dataSource.query(`alter database "${db.database.name}" set timezone = 'Pacific/Chatham'`);
    const elsewhere = createEventStoreDataSource(db.database.url, { poolSize: 1 });
    await elsewhere.initialize();
    try {
      const settings = await elsewhere.query<{ timezone: string }[]>(`select current_setting('TimeZone') as timezone`);
      expect(settings[0]?.timezone).toBe('Pacific/Chatham');
      const reader = new LogReader(elsewhere);
      const parsed = await reader.readBatch(LOG_START, 10);
      const json = await reader.readJsonBatch(LOG_START, 10);
      expect(json).toHaveLength(4);
      const attributes = (event: object) =>
        Object.fromEntries(Object.entries(event).filter(([name]) => !['data', 'recordedAt', 'dataJson', 'time'].includes(name)));
      expect(json.map(attributes)).toEqual(parsed.map(attributes));
      expect(json.map((event) => event.dataJson.toString())).toEqual(parsed.map((event) => JSON.stringify(event.data)));
      expect(json.map((event) => event.time)).toEqual(parsed.map((event) => event.recordedAt.toISOString()));
      expect(json[1]!.time).toBe('2026-03-01T23:59:59.999Z');
      expect(json[2]!.time).toBe('2026-03-01T00:00:00.000Z');
    } finally {
      await elsewhere.destroy();
    }
  });
});
