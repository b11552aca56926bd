import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21, item 2: an accepted ECFMG Pathway counts toward the rank-list deadline from the day
 * ECFMG accepted it. Rows recorded before have no date: the engine counts them as accepted.
 */
export class PathwayAcceptedAt1795736000000 implements MigrationInterface {
  name = 'PathwayAcceptedAt1795736000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE credential_records ADD COLUMN ecfmg_pathway_accepted_at date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE credential_records DROP COLUMN ecfmg_pathway_accepted_at`);
  }
}
