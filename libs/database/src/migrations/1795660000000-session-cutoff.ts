import { MigrationInterface, QueryRunner } from 'typeorm';

/** Access tokens issued before this instant are refused: a password reset or deactivation ends them too. */
export class SessionCutoff1795660000000 implements MigrationInterface {
  name = 'SessionCutoff1795660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN sessions_valid_after timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN sessions_valid_after`);
  }
}
