import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Filed reports: what was filed (kind, period, grouping, format), what it was made from (the events pin and
 * the exchange-rate position within it), by which code (code_version) and what it came to (sha256 and the
 * byte length of the body). The body itself is not kept: each reading regenerates it and must hash the same.
 */
export class CreateFiledReports1767500000001 implements MigrationInterface {
  name = 'CreateFiledReports1767500000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists filed_reports (
        id            uuid primary key,
        kind          text not null,
        period        text not null,
        group_by      text not null,
        format        text not null,
        position      bigint not null,
        received      bigint not null,
        rate_position bigint,
        code_version  text not null,
        sha256        text not null,
        byte_length   integer not null,
        filed_at      timestamptz not null,
        filed_by      text not null
      )`);
    await runner.query('create index if not exists filed_reports_by_period on filed_reports (kind, period, filed_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists filed_reports');
  }
}
