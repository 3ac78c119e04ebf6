import type { PostgresEventStore } from '@ecab/event-store';
import type { AppProcess } from '@ecab/testing';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/** What every scenario gets: the generated store, its size, and where to put processes and topics. */
export interface BenchContext {
  eventsUrl: string;
  eventStoreDataSource: DataSource;
  eventStore: PostgresEventStore;
  /** Events in the store (what a rebuild or a catch-up must reach). */
  events: number;
  projects: string[];
  clusters: Map<string, string>;
  topicPrefix: string;
  /** A fresh empty database for portfolio-views (created by the runner). */
  viewsUrl: string;
  repeats: { rebuild: number; scan: number; queries: number };
  queriesPerRound: number;
  /** Offered loads of the command → visible scenario, commands/s (each run for commandSeconds). */
  commandRates: number[];
  commandSeconds: number;
  /** How long the relay and the catch-up may take before they are reported unfinished. */
  catchUpTimeoutMs: number;
  log(message: string): void;
  /** Processes the runner stops at the end. */
  processes: AppProcess[];
  /** Filled by the catch-up for the later scenarios. */
  api?: AppProcess;
  views?: AppProcess;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'ecab-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * portfolio-views refuses a token whose account it cannot find in its own database: the bench's views
 * have a database of their own (to catch up from Kafka alone), so they get a copy of the accounts.
 */
export async function copyAccounts(fromUrl: string, toUrl: string): Promise<void> {
  const accounts = await withClient(
    fromUrl,
    async (client) => (await client.query("select coalesce(json_agg(u), '[]') as rows from users u")).rows[0].rows as unknown[],
  );
  await withClient(toUrl, (client) =>
    client.query('insert into users select * from json_populate_recordset(null::users, $1) on conflict do nothing', [JSON.stringify(accounts)]),
  );
}
