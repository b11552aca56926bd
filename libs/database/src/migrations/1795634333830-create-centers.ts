import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCenters1795634333830 implements MigrationInterface {
  name = 'CreateCenters1795634333830';

  async up(queryRunner: QueryRunner): Promise<void> {
    // gen_random_uuid() is built into PostgreSQL 13+, but pgcrypto keeps 12 working and brings digest().
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await queryRunner.query(`
      CREATE TABLE centers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name text NOT NULL,
        host_institution text NOT NULL,
        city text NOT NULL,
        state char(2) NOT NULL,
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_centers_slug UNIQUE (slug),
        CONSTRAINT ck_centers_state CHECK (state ~ '^[A-Z]{2}$')
      )`);
    // The list is sorted by name with id as tie-breaker (keyset pagination).
    await queryRunner.query(`CREATE INDEX ix_centers_name_id ON centers (name, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE centers`);
  }
}
