import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many warnings the pathway engine gave the client at its last pathway write, stored beside
 * the stage so the caseload shows a warnings badge per row without evaluating every client of
 * every page (the list is one index scan at 100,000 clients; see docs/SCALING.md). Clients already
 * here start at 0: the engine runs in TypeScript, so their count is set by their next pathway write
 * (or `npm run seed` for the demo).
 */
export class ClientWarningCount1795713000000 implements MigrationInterface {
  name = 'ClientWarningCount1795713000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A constant default: no table rewrite, whatever the number of clients.
    await queryRunner.query(`ALTER TABLE clients ADD COLUMN warning_count smallint NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clients DROP COLUMN warning_count`);
  }
}
