import pg from 'pg';
import { createTestDatabase, databaseUrl } from './database.js';

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('creates a separate, usable database per call and drops it even with open connections', async () => {
    const [first, second] = await Promise.all([createTestDatabase('testing'), createTestDatabase('testing')]);
    expect(first.name).not.toBe(second.name);
    expect(first.name).toMatch(/^ecab_test_testing_/);

    const client = new pg.Client({ connectionString: first.url });
    client.on('error', () => undefined); // the forced drop terminates this connection
    await client.connect();
    await client.query('CREATE TABLE probe (id int)');
    const current = await client.query<{ db: string }>('SELECT current_database() AS db');
    expect(current.rows[0]?.db).toBe(first.name);

    await first.drop();
    await second.drop();
    await first.drop(); // idempotent
    expect(await databaseExists(first.name)).toBe(false);
    expect(await databaseExists(second.name)).toBe(false);
    await client.end().catch(() => undefined);
  });
});
