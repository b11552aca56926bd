import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reports count per client (`reportMilestones` in @lib/pathway), stored on the client
 * beside its stage and refreshed by the same pathway writes, so the pipeline funnel and the
 * milestone durations read one table at 100,000 clients instead of aggregating every exam,
 * experience and application per request (a second and more on a 2-core machine; see BENCHMARKS.md).
 */
export class ReportMilestones1795700000000 implements MigrationInterface {
  name = 'ReportMilestones1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE clients
         ADD COLUMN credentials_verified boolean NOT NULL DEFAULT false,
         ADD COLUMN step1_passed boolean NOT NULL DEFAULT false,
         ADD COLUMN step2_ck_passed boolean NOT NULL DEFAULT false,
         ADD COLUMN oet_passed boolean NOT NULL DEFAULT false,
         ADD COLUMN certified_on date,
         ADD COLUMN us_clinical_experience boolean NOT NULL DEFAULT false,
         ADD COLUMN applied boolean NOT NULL DEFAULT false,
         ADD COLUMN first_application_on date,
         ADD COLUMN matched_season integer`,
    );
    // The same rules as reportMilestones, once in SQL for the clients already here.
    await queryRunner.query(
      `UPDATE clients c SET
         credentials_verified = coalesce(r.diploma_verified_at IS NOT NULL AND r.transcript_verified_at IS NOT NULL
                                         AND r.school_listed_in_world_directory, false),
         certified_on = r.certificate_issued_at,
         step1_passed = coalesce(e.step1, false), step2_ck_passed = coalesce(e.step2_ck, false),
         oet_passed = coalesce(e.oet, false),
         us_clinical_experience = x.client_id IS NOT NULL,
         applied = coalesce(a.applied, false), first_application_on = a.first_on, matched_season = a.matched_season
         FROM clients c0
         LEFT JOIN credential_records r ON r.client_id = c0.id
         LEFT JOIN (SELECT client_id, bool_or(exam = 'USMLE_STEP1') AS step1, bool_or(exam = 'USMLE_STEP2_CK') AS step2_ck,
                           bool_or(exam = 'OET_MEDICINE') AS oet
                      FROM exam_records WHERE status = 'passed' AND verified GROUP BY client_id) e ON e.client_id = c0.id
         LEFT JOIN (SELECT DISTINCT client_id FROM clinical_experiences
                     WHERE kind IN ('observership', 'externship', 'clinical_rotation', 'preceptorship')
                       AND status IN ('ongoing', 'completed')) x ON x.client_id = c0.id
         LEFT JOIN (SELECT client_id, bool_or(eras_submitted_at IS NOT NULL OR result <> 'pending') AS applied,
                           min(eras_submitted_at) AS first_on,
                           min(season) FILTER (WHERE result IN ('matched', 'matched_soap')) AS matched_season
                      FROM match_applications GROUP BY client_id) a ON a.client_id = c0.id
        WHERE c.id = c0.id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE clients DROP COLUMN credentials_verified, DROP COLUMN step1_passed, DROP COLUMN step2_ck_passed,
         DROP COLUMN oet_passed, DROP COLUMN certified_on, DROP COLUMN us_clinical_experience, DROP COLUMN applied,
         DROP COLUMN first_application_on, DROP COLUMN matched_season`,
    );
  }
}
