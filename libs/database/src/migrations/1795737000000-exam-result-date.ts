import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21, item 2: a pass counts toward the rank-list deadline from the day its result was
 * reported. Where that day is recorded the engine uses it; without it, the test day plus the usual
 * lead time.
 */
export class ExamResultDate1795737000000 implements MigrationInterface {
  name = 'ExamResultDate1795737000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exam_records ADD COLUMN result_date date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exam_records DROP COLUMN result_date`);
  }
}
