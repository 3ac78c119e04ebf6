import { CheckpointStore } from './checkpoint-store.js';
import { LOG_START } from './log-reader.js';
import { createEventStoreDatabase, type EventStoreDatabase } from './test-support/event-store-database.js';

describe('CheckpointStore', () => {
  let db: EventStoreDatabase;
  beforeAll(async () => {
    db = await createEventStoreDatabase('checkpoints');
  });
  afterAll(() => db.close());

  it('starts a new reader at the beginning of the log', async () => {
    expect(await new CheckpointStore(db.dataSource).load('never-saved')).toEqual(LOG_START);
  });

  it('saves, overwrites and loads checkpoints per name, beyond 2^53', async () => {
    const checkpoints = new CheckpointStore(db.dataSource);
    await checkpoints.save('relay', { transactionId: 812n, position: 40n });
    await checkpoints.save('rebuild', { transactionId: 5n, position: 1n });
    const huge = { transactionId: 2n ** 60n + 7n, position: 2n ** 62n + 3n };
    await checkpoints.save('relay', huge);

    expect(await checkpoints.load('relay')).toEqual(huge);
    expect(await new CheckpointStore(db.dataSource).load('rebuild')).toEqual({ transactionId: 5n, position: 1n });
  });
});
