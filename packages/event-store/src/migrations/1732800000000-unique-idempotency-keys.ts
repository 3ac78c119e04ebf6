import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A command sent with an Idempotency-Key records it in the metadata of its first event; the unique index
 * makes a retried or concurrent duplicate fail inside the append itself, so the append stays the only write.
 */
export class UniqueIdempotencyKeys1732800000000 implements MigrationInterface {
  name = 'UniqueIdempotencyKeys1732800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS events_idempotency_key_idx ON events ((metadata->>'idempotencyKey')) WHERE metadata ? 'idempotencyKey'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS events_idempotency_key_idx');
  }
}
