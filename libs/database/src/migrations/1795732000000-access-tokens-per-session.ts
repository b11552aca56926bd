import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens name their session (`sid`, the refresh-token family) and die with it, checked on
 * each request: the per-user cut-off in whole seconds, which let a token issued in the same second
 * as a password reset outlive it, is gone.
 */
export class AccessTokensPerSession1795732000000 implements MigrationInterface {
  name = 'AccessTokensPerSession1795732000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN sessions_valid_after`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN sessions_valid_after timestamptz`);
  }
}
