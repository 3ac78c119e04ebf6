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

/**
 * What a project has lived: every event of the project's own stream and of the streams that belong to
 * it (agreements, contracts, milestones, results, performance reviews), with when it happened in the
 * world and when it was recorded; plus the project's status, stage and titles.
 */
export class CreateProjectActivity1732900000000 implements MigrationInterface {
  name = 'CreateProjectActivity1732900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists project_activity (
        stream_id      text not null,
        stream_version integer not null,
        project_id     text not null references project_summary (project_id),
        type           text not null,
        effective_date date,
        recorded_at    timestamptz not null,
        data           jsonb not null,
        primary key (stream_id, stream_version)
      )`);
    await runner.query('create index if not exists project_activity_project on project_activity (project_id, recorded_at)');
    await runner.query('alter table project_summary add column if not exists status text');
    await runner.query('alter table project_summary add column if not exists stage text');
    await runner.query('alter table project_summary add column if not exists titles jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists project_activity');
    await runner.query('alter table project_summary drop column if exists status, drop column if exists stage, drop column if exists titles');
  }
}

export const viewsMigrations = [CreateProjectViews1732600000000, CreateProjectActivity1732900000000];
