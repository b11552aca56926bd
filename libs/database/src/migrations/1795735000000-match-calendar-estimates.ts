import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21: the seeded calendar called confirmed three dates no published calendar gives (the 2026
 * NRMP applicant registration deadline, the 2027 one and 2027 Match Day). Rows seeded before the fix
 * keep their flags (seeding never rewrites a season), so the flags are set here, on those events
 * only while they still hold the seeded instant: a date an admin has corrected stays as they left it.
 */
const SEEDED = [
  { year: 2026, key: 'nrmp_registration_deadline', at: '2026-01-31T23:59:00-05:00' },
  { year: 2027, key: 'nrmp_registration_deadline', at: '2027-01-31T23:59:00-05:00' },
  { year: 2027, key: 'match_day', at: '2027-03-19T12:00:00-04:00' },
];

export class MatchCalendarEstimates1795735000000 implements MigrationInterface {
  name = 'MatchCalendarEstimates1795735000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.flag(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.flag(queryRunner, false);
  }

  private async flag(queryRunner: QueryRunner, estimated: boolean): Promise<void> {
    for (const { year, key, at } of SEEDED) {
      await queryRunner.query(
        `UPDATE match_seasons
            SET events = (SELECT jsonb_agg(CASE WHEN e->>'key' = $2 AND e->>'at' = $3
                                                THEN jsonb_set(e, '{estimated}', to_jsonb($4::boolean))
                                                ELSE e END ORDER BY i)
                            FROM jsonb_array_elements(events) WITH ORDINALITY AS x(e, i))
          WHERE match_year = $1
            AND events @> jsonb_build_array(jsonb_build_object('key', $2::text, 'at', $3::text))`,
        [year, key, at, estimated],
      );
    }
  }
}
