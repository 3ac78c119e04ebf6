import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finds the events of one subject (the CloudEvents subject in the metadata: a project, programme or
 * organisation id) of some types without a scan, e.g. the agreements a project has signed or opened,
 * which a command must look up before it knows its stream. An index of the one table, not a second one.
 */
export class EventsBySubjectAndType1764230400000 implements MigrationInterface {
  name = 'EventsBySubjectAndType1764230400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX IF NOT EXISTS events_subject_type_idx ON events ((metadata->>'subject'), type)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS events_subject_type_idx');
  }
}
