import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parked-message store: a message that cannot be decoded or applied is parked here with
 * every later message of the same subject (project), so that project's order is kept while the
 * others go on. A consumer app adds this migration to its own.
 */
export class CreateParkedMessages1732700000000 implements MigrationInterface {
  name = 'CreateParkedMessages1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    await serialiseParkingDdl(runner);
    await runner.query(`
      create table if not exists parked_messages (
        id            bigint generated always as identity primary key,
        consumer      text not null,
        subject       text not null,
        origin        text not null,
        message       jsonb not null,
        error         text not null,
        attempts      integer not null default 1,
        parked_at     timestamptz not null default now(),
        last_tried_at timestamptz
      )`);
    await runner.query('create index if not exists parked_messages_consumer_subject on parked_messages (consumer, subject, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists parked_messages');
  }
}

/**
 * Admin decisions to drop a parked message for good (who, when, why, and the message), and an index for
 * "already parked from this origin?" (a redelivered batch is not parked twice).
 */
export class CreateSkippedMessages1764200000000 implements MigrationInterface {
  name = 'CreateSkippedMessages1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await serialiseParkingDdl(runner);
    await runner.query(`
      create table if not exists skipped_messages (
        id            bigint generated always as identity primary key,
        parked_id     bigint not null,
        consumer      text not null,
        subject       text not null,
        origin        text not null,
        message       jsonb not null,
        error         text not null,
        attempts      integer not null,
        parked_at     timestamptz not null,
        last_tried_at timestamptz,
        skipped_by    text not null,
        skipped_at    timestamptz not null default now(),
        reason        text
      )`);
    await runner.query('create index if not exists skipped_messages_consumer_subject on skipped_messages (consumer, subject, skipped_at)');
    await runner.query('create index if not exists parked_messages_consumer_origin on parked_messages (consumer, origin)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index if exists parked_messages_consumer_origin');
    await runner.query('drop table if exists skipped_messages');
  }
}

/**
 * The write side (for its relay) and the read side (for its consumer) both create these tables, each from
 * its own migrations table, possibly at once against one database: "if not exists" alone races there.
 */
async function serialiseParkingDdl(runner: QueryRunner): Promise<void> {
  await runner.query("select pg_advisory_xact_lock(hashtext('ecab-parked-messages-ddl'))");
}

export const parkingMigrations = [CreateParkedMessages1732700000000, CreateSkippedMessages1764200000000];
