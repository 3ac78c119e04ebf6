import { type DataSource, MigrationExecutor } from 'typeorm';

/** Session advisory lock key shared by every service migrating an ECAB database ("ECAB" + 1). */
export const MIGRATION_LOCK_KEY = 0x45434142_01n;

/**
 * Runs the data source's pending migrations (the event store's and any the app registered) while holding
 * a PostgreSQL advisory lock, so services starting at once against one database migrate one after the
 * other; the second finds nothing pending. The lock is taken on the connection that runs the migrations,
 * so a pool of one is enough, and a crashed process releases it with its connection.
 */
export async function runEventStoreMigrations(dataSource: DataSource): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner('master');
  try {
    await queryRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    try {
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
      const executed = await executor.executePendingMigrations();
      return executed.map((migration) => migration.name);
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    await queryRunner.release();
  }
}
