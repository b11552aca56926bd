import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarFeed1795690000000 implements MigrationInterface {
  name = 'CalendarFeed1795690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The secret of a person's calendar feed URL, stored hashed like every token.
    await queryRunner.query(`ALTER TABLE users ADD COLUMN calendar_token_hash text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_users_calendar_token ON users (calendar_token_hash) WHERE calendar_token_hash IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_users_calendar_token`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN calendar_token_hash`);
  }
}
