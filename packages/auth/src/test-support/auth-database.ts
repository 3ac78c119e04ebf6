import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { authMigrations } from '../users/auth-migrations.js';

/** A fresh database with the users table migrated. */
export async function authDatabase(suite: string): Promise<{ dataSource: DataSource; database: TestDatabase; close(): Promise<void> }> {
  const database = await createTestDatabase(suite);
  const dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 5, migrations: authMigrations, entities: [], synchronize: false });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    database,
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
