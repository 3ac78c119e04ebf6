import { waitFor } from '@ecab/testing';
import pg from 'pg';
import { EVENTS_CHANNEL } from './events-channel.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { createEventStoreDatabase, type EventStoreDatabase, projectRegistered } from './test-support/event-store-database.js';

describe('EventsChannelNotifier', () => {
  let db: EventStoreDatabase;
  let listener: pg.Client;
  const notifications: string[] = [];

  beforeAll(async () => {
    // One pooled connection: the NOTIFY and every statement after it share it.
    db = await createEventStoreDatabase('events_channel', { poolSize: 1 });
    listener = new pg.Client({ connectionString: db.database.url });
    await listener.connect();
    listener.on('notification', (message) => notifications.push(message.channel));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await db.close();
  });

  it('announces an append, and leaves the connection committing appends with the WAL flush', async () => {
    const store = new PostgresEventStore(db.dataSource);
    await store.append('project-notified', 0, [projectRegistered('n1')]);
    await waitFor(async () => (notifications.includes(EVENTS_CHANNEL) ? true : undefined), { description: 'the notification', timeoutMs: 10_000 });

    // The NOTIFY's own transaction skips the flush; the session, on which appends run next, must not.
    const [setting] = await db.dataSource.query<{ synchronous_commit: string }[]>('SHOW synchronous_commit');
    expect(setting?.synchronous_commit).toBe('on');
    expect((await store.append('project-notified', 1, [projectRegistered('n2')])).nextVersion).toBe(2);
  });
});
