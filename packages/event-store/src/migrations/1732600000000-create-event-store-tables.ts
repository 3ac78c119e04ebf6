import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events table is also the outbox: the relay reads it with the gap-safe log reader, so there is no
 * second write table. `IF NOT EXISTS` keeps it harmless against a database set up by hand.
 */
export class CreateEventStoreTables1732600000000 implements MigrationInterface {
  readonly name = 'CreateEventStoreTables1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS events (
        position        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version > 0),
        event_id        uuid        NOT NULL,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL DEFAULT '{}',
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_id_stream_version_key UNIQUE (stream_id, stream_version)
      )`);
    await queryRunner.query('CREATE INDEX IF NOT EXISTS events_transaction_id_position_idx ON events (transaction_id, position)');
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS checkpoints (
        name            text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL,
        position        bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS checkpoints');
    await queryRunner.query('DROP TABLE IF EXISTS events');
  }
}
