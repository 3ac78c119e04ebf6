import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read tables: flat, shaped for the portal's queries; rebuilt from events at will. */
export class CreateProjectViews1732600000000 implements MigrationInterface {
  name = 'CreateProjectViews1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists project_summary (
        project_id    text primary key,
        title         text not null,
        cluster       text not null,
        countries     jsonb not null,
        version       integer not null,
        registered_at timestamptz not null,
        updated_at    timestamptz not null
      )`);
    await runner.query('create index if not exists project_summary_cluster on project_summary (cluster)');
    await runner.query(`
      create table if not exists project_financing (
        project_id text not null references project_summary (project_id),
        currency   text not null,
        committed  numeric not null default 0,
        disbursed  numeric not null default 0,
        primary key (project_id, currency)
      )`);
    await runner.query(`
      create table if not exists applied_stream_versions (
        projection text not null,
        stream_id  text not null,
        version    integer not null,
        primary key (projection, stream_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists applied_stream_versions');
    await runner.query('drop table if exists project_financing');
    await runner.query('drop table if exists project_summary');
  }
}

export const viewsMigrations = [CreateProjectViews1732600000000];
