import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * reporting's own copy of the portfolio events it reports on, one row per event (its id is the key, so a
 * redelivered event is stored once). A report is a pure function of these rows up to a log position.
 */
export class CreateReportingEvents1767300000000 implements MigrationInterface {
  name = 'CreateReportingEvents1767300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists reporting_events (
        event_id       text primary key,
        position       bigint,
        type           text not null,
        schema_version integer not null,
        stream_id      text not null,
        stream_version integer not null,
        subject        text not null,
        cluster        text,
        recorded_at    timestamptz not null,
        data           jsonb not null,
        stored_at      timestamptz not null default now(),
        unique (stream_id, stream_version)
      )`);
    await runner.query('create index if not exists reporting_events_position on reporting_events (position)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists reporting_events');
  }
}
