import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Direct Kafka for partners: since when a partner has a Kafka credential (null: none), and how far the
 * gateway has published its integration log to the partners' topics (one row: the last `seq` sent).
 */
export class PartnerKafka1767600000000 implements MigrationInterface {
  name = 'PartnerKafka1767600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table gateway_partners add column if not exists kafka_since timestamptz');
    await runner.query(`
      create table if not exists gateway_kafka_checkpoint (
        id         boolean primary key default true check (id),
        last_seq   bigint not null default 0,
        updated_at timestamptz not null default now()
      )`);
    await runner.query('insert into gateway_kafka_checkpoint (id, last_seq) values (true, 0) on conflict do nothing');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists gateway_kafka_checkpoint');
    await runner.query('alter table gateway_partners drop column if exists kafka_since');
  }
}
