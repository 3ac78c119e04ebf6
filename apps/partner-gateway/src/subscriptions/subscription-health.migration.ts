import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An endpoint's health: since when every attempt to it has failed (reset by an accepted one), when it was
 * disabled, and its operational events (disabled, enabled) that the partner can read.
 */
export class SubscriptionHealth1767500000000 implements MigrationInterface {
  name = 'SubscriptionHealth1767500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'alter table gateway_subscriptions add column if not exists failing_since timestamptz, add column if not exists disabled_at timestamptz',
    );
    await runner.query(`
      create table if not exists gateway_subscription_events (
        event_id        bigserial primary key,
        subscription_id text not null references gateway_subscriptions (subscription_id),
        type            text not null,
        occurred_at     timestamptz not null default now(),
        detail          text not null
      )`);
    await runner.query('create index if not exists gateway_subscription_events_by_subscription on gateway_subscription_events (subscription_id, event_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists gateway_subscription_events');
    await runner.query('alter table gateway_subscriptions drop column if exists failing_since, drop column if exists disabled_at');
  }
}
