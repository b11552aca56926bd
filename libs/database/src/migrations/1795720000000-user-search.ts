import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searching users by part of a name or e-mail (the admin's users list), case- and
 * accent-insensitive, by trigram, as the clients' search. Users include every IMG's account, so at
 * national scale the list is a hundred thousand rows: without the index each search reads them all.
 */
export class UserSearch1795720000000 implements MigrationInterface {
  name = 'UserSearch1795720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_users_search ON users USING gin (search_fold(display_name || ' ' || email) gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_users_search`);
  }
}
