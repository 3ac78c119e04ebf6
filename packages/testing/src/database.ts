import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Connection URL of the new database (same server and credentials as DATABASE_URL). */
  readonly url: string;
  readonly name: string;
  /** Terminates every connection to the database and drops it; safe to call twice. */
  drop(): Promise<void>;
}

/** The server every test talks to: DATABASE_URL, or the local default. */
export function databaseUrl(): string {
  return process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;
}

/**
 * Creates a fresh database on DATABASE_URL's server, so a suite never sees another suite's rows
 * (several engineers and CI jobs share one server).
 */
export async function createTestDatabase(prefix = 'suite'): Promise<TestDatabase> {
  const name = testDatabaseName(prefix);
  // template0: CREATE DATABASE fails if anyone is connected to the template, and nobody connects to template0.
  await withServerConnection((client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE template0`));
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop() {
      dropped ??= withServerConnection(async (client) => {
        // WITH (FORCE) (PostgreSQL 13+) terminates the database's connections first.
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      });
      return dropped;
    },
  };
}

/** `ecab_test_<prefix>_<random>`, within PostgreSQL's 63-byte identifier limit. */
export function testDatabaseName(prefix: string): string {
  const cleanPrefix =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 32) || 'suite';
  return `ecab_test_${cleanPrefix}_${randomBytes(6).toString('hex')}`;
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

async function withServerConnection<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: 'ecab-testing' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
