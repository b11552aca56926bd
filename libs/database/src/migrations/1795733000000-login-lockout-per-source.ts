import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lockout counts wrong passwords per account and source (address, or IPv6 /64), so that five
 * guesses every 15 minutes from anywhere no longer keep a person out of their account.
 * `users.locked_until` stays, for admins: the latest lock of any source still in force.
 */
export class LoginLockoutPerSource1795733000000 implements MigrationInterface {
  name = 'LoginLockoutPerSource1795733000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_failures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        source text NOT NULL,
        failures int NOT NULL,
        last_failed_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_login_failures_user_source ON login_failures (user_id, source)`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN failed_login_count`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN failed_login_count int NOT NULL DEFAULT 0`);
    await queryRunner.query(`DROP TABLE login_failures`);
  }
}
