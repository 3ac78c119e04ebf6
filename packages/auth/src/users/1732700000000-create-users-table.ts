import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Local users who get tokens from POST /api/v1/auth/token. `clusters` null = every cluster; the hash
 * carries its own scrypt parameters. `IF NOT EXISTS` keeps it harmless against a database set up by hand.
 */
export class CreateUsersTable1732700000000 implements MigrationInterface {
  readonly name = 'CreateUsersTable1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS users (
        username       text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
        password_hash  text        NOT NULL CHECK (password_hash LIKE '$scrypt$%'),
        roles          text[]      NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'program-manager', 'viewer']::text[]),
        clusters       text[]      NULL,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS users');
  }
}
