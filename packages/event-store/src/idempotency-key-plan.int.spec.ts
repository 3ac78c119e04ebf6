import pg from 'pg';
import { PostgresEventStore, READ_BY_IDEMPOTENCY_KEY } from './postgres-event-store.js';
import { createEventStoreDatabase, type EventStoreDatabase } from './test-support/event-store-database.js';

/** A node of EXPLAIN (FORMAT JSON) output, as far as this test reads it. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** The look-up finds the key through the partial unique index, by its condition, and reads no table whole. */
function expectKeyFoundByIndex(plan: PlanNode): void {
  const nodes = nodesOf(plan);
  expect(nodes.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
  const byKeyIndex = nodes.filter((node) => node['Index Name'] === 'events_idempotency_key_idx');
  expect(byKeyIndex).toHaveLength(1);
  expect(byKeyIndex[0]!['Index Cond']).toContain("'idempotencyKey'");
  for (const node of nodes) expect(node.Filter ?? '').not.toContain('idempotencyKey');
}

const ROWS = 100_000;

describe('the idempotency-key look-up on a large events table', () => {
  let db: EventStoreDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreDatabase('idempotency_plan');
    store = new PostgresEventStore(db.dataSource);
    // Row g: stream project-(g/10) at version g%10+1, command cmd-(g/2); every fifth row carries a key.
    await db.dataSource.query(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       SELECT 'project-' || (g / 10), g % 10 + 1, gen_random_uuid(), 'FundsReceived', 1, '{"amount": "1.00"}',
              jsonb_build_object('subject', 'P-' || (g / 10), 'causationId', 'cmd-' || (g / 2))
                || CASE WHEN g % 5 = 0 THEN jsonb_build_object('idempotencyKey', 'pm:k-' || g) ELSE '{}' END
       FROM generate_series(0, $1::integer - 1) AS g`,
      [ROWS],
    );
    await db.dataSource.query('ANALYZE events');
  });
  afterAll(() => db.close());

  it('finds the events of the command that carried the key', async () => {
    const key = 40_000; // rows 40,000 and 40,001 are command cmd-20000, versions 1 and 2 of project-4000
    const found = await store.readByIdempotencyKey(`pm:k-${key}`);
    expect(found.map((e) => [e.streamId, e.streamVersion, e.metadata.causationId])).toEqual([
      [`project-${key / 10}`, 1, `cmd-${key / 2}`],
      [`project-${key / 10}`, 2, `cmd-${key / 2}`],
    ]);
    expect(await store.readByIdempotencyKey('pm:k-40001')).toEqual([]); // that row carries no key
  });

  it('is planned on the key index, with a value and as the generic plan of the prepared statement', async () => {
    const client = new pg.Client({ connectionString: db.database.url });
    await client.connect();
    try {
      const custom = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${READ_BY_IDEMPOTENCY_KEY.text}`, ['pm:k-40000']);
      expectKeyFoundByIndex(custom.rows[0]!['QUERY PLAN'][0].Plan);

      await client.query('SET plan_cache_mode = force_generic_plan');
      await client.query(`PREPARE by_key(text) AS ${READ_BY_IDEMPOTENCY_KEY.text}`);
      const generic = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) EXECUTE by_key('pm:k-40000')`);
      expectKeyFoundByIndex(generic.rows[0]!['QUERY PLAN'][0].Plan);
    } finally {
      await client.end();
    }
  });
});
