import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The snapshot reads the log by subject up to a cursor: an index on (subject, seq) serves both its queries. */
export class SnapshotIndex1767700000000 implements MigrationInterface {
  name = 'SnapshotIndex1767700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('create index if not exists gateway_integration_events_by_subject on gateway_integration_events (subject, seq)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index if exists gateway_integration_events_by_subject');
  }
}
