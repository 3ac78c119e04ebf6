import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts managed over the API: a user can be disabled, and `token_epoch` counts the changes that end
 * every token issued before them (disabling, a new password, other roles or clusters); a token carries
 * the epoch it was issued at. `user_audit` keeps who did what to an account. Idempotent like the first.
 */
export class UserAccounts1767000000000 implements MigrationInterface {
  readonly name = 'UserAccounts1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN IF NOT EXISTS disabled_at  timestamptz NULL,
        ADD COLUMN IF NOT EXISTS token_epoch  integer     NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS updated_at   timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS user_audit (
        id        bigserial   PRIMARY KEY,
        username  text        NOT NULL REFERENCES users (username),
        action    text        NOT NULL,
        actor     text        NOT NULL,
        at        timestamptz NOT NULL DEFAULT clock_timestamp(),
        details   jsonb       NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query('CREATE INDEX IF NOT EXISTS user_audit_username ON user_audit (username, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS user_audit');
    await queryRunner.query('ALTER TABLE users DROP COLUMN IF EXISTS disabled_at, DROP COLUMN IF EXISTS token_epoch, DROP COLUMN IF EXISTS updated_at');
  }
}
