import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A receipt number per stored event (`received`, from a sequence, in the order reporting stored them). Log
 * positions are handed out at insert, not at commit, and Kafka's partitions deliver in no global order, so
 * an event of a lower position can reach reporting after a higher one: "position ≤ N" alone is not a fixed
 * set of events. "position ≤ N and received ≤ R" is, once R is read while no batch is being stored (see
 * ReportingEvents.pin); filed reports are pinned to both. Events stored before this column existed are
 * numbered in no particular order, all below any later receipt.
 */
export class AddReportingEventReceipts1767500000000 implements MigrationInterface {
  name = 'AddReportingEventReceipts1767500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table reporting_events add column if not exists received bigserial');
    await runner.query('create unique index if not exists reporting_events_received on reporting_events (received)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index if exists reporting_events_received');
    await runner.query('alter table reporting_events drop column if exists received');
  }
}
