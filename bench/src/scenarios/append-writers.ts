import { randomUUID } from 'node:crypto';
import { createEventStoreDataSource, type GroupCommitOptions, type NewEvent, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { getPostgreSQLEventStore, messagesTable } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';

/**
 * The append workload: `writers` concurrent writers, each appending its share of `commands` commands of
 * `eventsPerCommand` events one after another (each waits for its append). A writer owns its streams and
 * goes round them, about five commands a stream, so every append names the right expected version of a
 * stream that usually exists already — no conflicts, the same rows for every contender.
 */
export interface AppendWorkload {
  commands: number;
  eventsPerCommand: number;
  writers: number;
}

export interface Command {
  streamId: string;
  /** The stream's version before the command. */
  version: number;
  events: NewEvent[];
}

const COMMANDS_PER_STREAM = 5;

/** The commands of one writer, in its order. `prefix` keeps warm-up streams apart from measured ones. */
export function commandsOf(workload: AppendWorkload, writer: number, prefix = 'project'): Command[] {
  const mine = Math.floor(workload.commands / workload.writers) + (writer < workload.commands % workload.writers ? 1 : 0);
  const streams = Math.max(1, Math.ceil(mine / COMMANDS_PER_STREAM));
  return Array.from({ length: mine }, (_, k) => {
    const stream = k % streams;
    const projectId = `${prefix}-${writer}-${stream}`;
    const version = Math.floor(k / streams) * workload.eventsPerCommand;
    const events = Array.from({ length: workload.eventsPerCommand }, (_, e): NewEvent => ({
      type: 'FundsReceived',
      schemaVersion: 1,
      data: {
        agreementId: `${projectId}-ADB`,
        transactionId: `t-${writer}-${k}-${e}`,
        amount: `${1_000 + k}.00`,
        currency: 'USD',
        valueDate: '2025-03-31',
        source: 'bench',
      },
      metadata: {
        subject: projectId,
        cluster: 'transport',
        correlationId: `c-${writer}-${k}`,
        causationId: `c-${writer}-${k}`,
        actor: 'bench',
        roles: ['admin'],
      },
    }));
    return { streamId: `agreement-${projectId}`, version, events };
  });
}

/** One contender: sets itself up on an empty database, then writes the commands; only `write` is timed. */
export interface AppendContender {
  name: string;
  open(url: string): Promise<OpenContender>;
}

export interface OpenContender {
  write(commands: Command[]): Promise<void>;
  /** Events stored, to check that every contender stored every event it was given. */
  stored(): Promise<number>;
  close(): Promise<void>;
}

async function countRows(queryable: { query(text: string): Promise<unknown> }, table: string): Promise<number> {
  const result = (await queryable.query(`SELECT count(*)::integer AS n FROM ${table}`)) as { rows?: { n: number }[] } | { n: number }[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return rows[0]?.n ?? 0;
}

const POOL_SIZE = 20; // the event store's data source default: 16 writers never queue for a connection

async function eventStoreTables(url: string): Promise<void> {
  const dataSource = createEventStoreDataSource(url, { applicationName: 'ecab-bench' });
  await dataSource.initialize();
  try {
    await runEventStoreMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export function ecabContender(name: string, groupCommit: GroupCommitOptions | false): AppendContender {
  return {
    name,
    async open(url) {
      const dataSource = createEventStoreDataSource(url, { applicationName: 'ecab-bench', poolSize: POOL_SIZE });
      await dataSource.initialize();
      await runEventStoreMigrations(dataSource);
      const store = new PostgresEventStore(dataSource, { groupCommit });
      return {
        async write(commands) {
          for (const command of commands) await store.append(command.streamId, command.version, command.events);
        },
        stored: () => countRows(dataSource, 'events'),
        close: () => dataSource.destroy(),
      };
    },
  };
}

/** Emmett's PostgreSQL event store (its own schema, created before the clock starts), on a pool of the same size. */
export const emmettContender: AppendContender = {
  name: 'Emmett PostgreSQL event store (`getPostgreSQLEventStore`, appendToStream with expectedStreamVersion)',
  async open(url) {
    const pool = quietPool(new pg.Pool({ connectionString: url, max: POOL_SIZE, application_name: 'ecab-bench-emmett' }));
    const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
    await store.schema.migrate();
    return {
      async write(commands) {
        for (const command of commands) {
          const events = command.events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata ?? {} }));
          await store.appendToStream(command.streamId, events, { expectedStreamVersion: BigInt(command.version) });
        }
      },
      stored: () => countRows(pool, messagesTable.name),
      async close() {
        await store.close();
        await pool.end().catch(() => undefined); // the store may have ended it already
      },
    };
  },
};

function rowsOf(commands: Command[]): unknown[] {
  return commands.flatMap((command) =>
    command.events.flatMap((event, e) => [
      command.streamId,
      command.version + e + 1,
      randomUUID(),
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata ?? {}),
    ]),
  );
}

/** Raw INSERTs into a copy of the events table (same indexes), on a pool of the same size; `commandsPerStatement` commands' rows a statement. */
export function rawContender(name: string, commandsPerStatement: number): AppendContender {
  return {
    name,
    async open(url) {
      await eventStoreTables(url);
      const pool = quietPool(new pg.Pool({ connectionString: url, max: POOL_SIZE, application_name: 'ecab-bench-raw' }));
      return {
        async write(commands) {
          for (let at = 0; at < commands.length; at += commandsPerStatement) {
            const chunk = commands.slice(at, at + commandsPerStatement);
            const rows = chunk.reduce((sum, command) => sum + command.events.length, 0);
            await pool.query({ ...rawInsert(rows), values: rowsOf(chunk) });
          }
        },
        stored: () => countRows(pool, 'events'),
        close: () => pool.end(),
      };
    },
  };
}

/** INSERT … VALUES of `rows` rows of 7 parameters each, prepared once per connection. */
function rawInsert(rows: number): pg.QueryConfig {
  const values = Array.from({ length: rows }, (_, r) => {
    const p = (k: number) => `$${r * 7 + k}`;
    return `(${p(1)}, ${p(2)}::integer, ${p(3)}::uuid, ${p(4)}, ${p(5)}::integer, ${p(6)}::jsonb, ${p(7)}::jsonb)`;
  });
  return {
    name: `bench_raw_insert_${rows}`,
    text: `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata) VALUES ${values.join(', ')}`,
  };
}

/**
 * A contender's pool whose connections may be cut when its run's database is dropped (`with (force)`), which
 * happens right after the run: an idle or closing connection's error then has nowhere to go but the pool, and
 * an unheard pool error would end the bench.
 */
function quietPool(pool: pg.Pool): pg.Pool {
  pool.on('error', () => undefined);
  return pool;
}
