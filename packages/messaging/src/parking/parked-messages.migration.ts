import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sequenced dead-letter store: a message that cannot be decoded or applied is parked here with
 * every later message of the same subject (project), so that project's order is kept while the
 * others go on. A consumer app adds this migration to its own.
 */
export class CreateParkedMessages1732700000000 implements MigrationInterface {
  name = 'CreateParkedMessages1732700000000';

  async up(runner: QueryRunner): Promise<void> {
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

export const parkingMigrations = [CreateParkedMessages1732700000000];
