import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner gateway's own tables: partners and their API keys, the project facts entitlements need
 * (cluster, recipient countries), the integration-event log partners read (its `seq` is the pull cursor
 * and the delivery order), webhook subscriptions, their deliveries and every delivery attempt.
 */
export class CreateGatewayTables1767400000000 implements MigrationInterface {
  name = 'CreateGatewayTables1767400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists gateway_partners (
        organisation_id text primary key,
        name            text not null,
        clusters        text[] not null,
        countries       text[] not null,
        event_types     text[] not null,
        audiences       text[] not null,
        illustrative    text not null,
        created_at      timestamptz not null default now(),
        updated_at      timestamptz not null default now()
      )`);
    await runner.query(`
      create table if not exists gateway_api_keys (
        key_id       text primary key,
        organisation_id text not null references gateway_partners (organisation_id),
        secret_hash  bytea not null,
        label        text,
        created_at   timestamptz not null default now(),
        revoked_at   timestamptz,
        last_used_at timestamptz
      )`);
    await runner.query(`
      create table if not exists gateway_projects (
        project_id text primary key,
        cluster    text,
        countries  text[] not null default '{}'
      )`);
    await runner.query(`
      create table if not exists gateway_integration_events (
        seq          bigserial primary key,
        event_id     text not null unique,
        position     bigint,
        type         text not null,
        subject      text not null,
        cluster      text not null,
        countries    text[] not null,
        illustrative boolean not null,
        cloudevent   jsonb not null,
        stored_at    timestamptz not null default now()
      )`);
    await runner.query(`
      create table if not exists gateway_subscriptions (
        subscription_id text primary key,
        organisation_id text not null references gateway_partners (organisation_id),
        sink            text not null,
        types           text[] not null,
        filters         jsonb not null,
        secrets         jsonb not null,
        enabled         boolean not null default true,
        disabled_reason text,
        fanned_out_seq  bigint not null,
        created_at      timestamptz not null default now()
      )`);
    await runner.query(`
      create table if not exists gateway_deliveries (
        subscription_id text not null references gateway_subscriptions (subscription_id),
        seq             bigint not null references gateway_integration_events (seq),
        subject         text not null,
        status          text not null default 'pending',
        attempts        integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        failed_at       timestamptz,
        delivered_at    timestamptz,
        primary key (subscription_id, seq)
      )`);
    await runner.query(`create index if not exists gateway_deliveries_open on gateway_deliveries (subscription_id, subject, seq) where status <> 'delivered'`);
    await runner.query(`
      create table if not exists gateway_delivery_attempts (
        attempt_id      bigserial primary key,
        subscription_id text not null,
        seq             bigint not null,
        attempted_at    timestamptz not null default now(),
        status_code     integer,
        error           text,
        duration_ms     integer not null
      )`);
    await runner.query('create index if not exists gateway_delivery_attempts_by_subscription on gateway_delivery_attempts (subscription_id, attempt_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'gateway_delivery_attempts',
      'gateway_deliveries',
      'gateway_subscriptions',
      'gateway_integration_events',
      'gateway_projects',
      'gateway_api_keys',
      'gateway_partners',
    ]) {
      await runner.query(`drop table if exists ${table}`);
    }
  }
}
