import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs of a subscription ("recover failed since T", "replay from position N or time T"), kept in
 * PostgreSQL so that a restarted gateway goes on with them; at most one open (queued or running) per
 * subscription. A delivery remembers the job that last put it back in the queue (`job_id`): the job's
 * progress is counted from it, and an attempt already under way when the job re-queued its message cannot
 * mark the re-queued delivery as done.
 */
export class SubscriptionJobs1767800000000 implements MigrationInterface {
  name = 'SubscriptionJobs1767800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists gateway_jobs (
        job_id          text primary key,
        subscription_id text not null references gateway_subscriptions (subscription_id),
        kind            text not null,
        request         jsonb not null,
        from_seq        bigint,
        up_to_seq       bigint,
        staged_to       bigint,
        staged          boolean not null default false,
        status          text not null default 'queued',
        total           integer not null default 0,
        done            integer not null default 0,
        failed          integer not null default 0,
        error           text,
        created_at      timestamptz not null default now(),
        started_at      timestamptz,
        finished_at     timestamptz
      )`);
    await runner.query(`create unique index if not exists gateway_jobs_one_open on gateway_jobs (subscription_id) where status in ('queued', 'running')`);
    await runner.query('create index if not exists gateway_jobs_by_subscription on gateway_jobs (subscription_id, created_at)');
    await runner.query('alter table gateway_deliveries add column if not exists job_id text');
    await runner.query('create index if not exists gateway_deliveries_by_job on gateway_deliveries (job_id, status) where job_id is not null');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index if exists gateway_deliveries_by_job');
    await runner.query('alter table gateway_deliveries drop column if exists job_id');
    await runner.query('drop table if exists gateway_jobs');
  }
}
