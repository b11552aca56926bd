import { MigrationInterface, QueryRunner } from 'typeorm';

export class PathwayRecords1795670000000 implements MigrationInterface {
  name = 'PathwayRecords1795670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE exam_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        exam text NOT NULL,
        status text NOT NULL DEFAULT 'planned',
        eligibility_start date,
        eligibility_end date,
        extension_end date,
        scheduled_date date,
        test_date date,
        score int,
        oet_listening int,
        oet_reading int,
        oet_writing int,
        oet_speaking int,
        verified boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT exam_records_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT ck_exam_records_exam CHECK (exam IN ('USMLE_STEP1', 'USMLE_STEP2_CK', 'USMLE_STEP3', 'OET_MEDICINE')),
        CONSTRAINT ck_exam_records_status CHECK (status IN ('planned', 'scheduled', 'taken', 'result_pending', 'passed', 'failed', 'incomplete', 'cancelled')),
        CONSTRAINT ck_exam_records_score CHECK (score BETWEEN 1 AND 300),
        CONSTRAINT ck_exam_records_oet CHECK (
          (oet_listening IS NULL) = (oet_reading IS NULL) AND (oet_reading IS NULL) = (oet_writing IS NULL)
          AND (oet_writing IS NULL) = (oet_speaking IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_exam_records_client ON exam_records (client_id, exam, test_date)`);

    await queryRunner.query(`
      CREATE TABLE credential_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        usmle_id text,
        school_listed_in_world_directory boolean,
        diploma_verified_at date,
        transcript_verified_at date,
        ecfmg_pathway int,
        ecfmg_pathway_status text,
        ecfmg_pathway_cycle int,
        step2_cs_passed_at date,
        certification_application_at date,
        certificate_issued_at date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT credential_records_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT uq_credential_records_client UNIQUE (client_id),
        CONSTRAINT ck_credential_records_pathway CHECK (ecfmg_pathway BETWEEN 1 AND 6),
        CONSTRAINT ck_credential_records_pathway_status CHECK (ecfmg_pathway_status IN ('not_started', 'submitted', 'validated', 'rejected'))
      )`);

    await queryRunner.query(`
      CREATE TABLE clinical_experiences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        kind text NOT NULL,
        hands_on boolean NOT NULL DEFAULT false,
        institution text NOT NULL,
        specialty text,
        city text,
        state char(2),
        start_date date,
        end_date date,
        hours int,
        supervisor text,
        letter_requested_at date,
        letter_received_at date,
        status text NOT NULL DEFAULT 'planned',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT clinical_experiences_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT ck_clinical_experiences_kind CHECK (kind IN ('observership', 'externship', 'clinical_rotation', 'preceptorship', 'research', 'volunteer')),
        CONSTRAINT ck_clinical_experiences_status CHECK (status IN ('planned', 'ongoing', 'completed', 'cancelled')),
        CONSTRAINT ck_clinical_experiences_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_clinical_experiences_client ON clinical_experiences (client_id, start_date DESC, id DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE match_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        season int NOT NULL,
        specialties text[] NOT NULL DEFAULT '{}',
        eras_submitted_at date,
        programs_applied int,
        nrmp_registered_at date,
        nrmp_id text,
        interviews_offered int,
        interviews_attended int,
        rank_list_certified_at date,
        result text NOT NULL DEFAULT 'pending',
        matched_program text,
        matched_specialty text,
        matched_state char(2),
        start_date date,
        visa text,
        residency_began boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT match_applications_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT uq_match_applications_season UNIQUE (client_id, season),
        CONSTRAINT ck_match_applications_result CHECK (result IN ('pending', 'matched', 'matched_soap', 'unmatched', 'withdrawn')),
        CONSTRAINT ck_match_applications_visa CHECK (visa IN ('J-1', 'H-1B', 'none_needed'))
      )`);
    // Match-outcome reports group by season and result.
    await queryRunner.query(`CREATE INDEX ix_match_applications_season ON match_applications (season, result)`);

    await queryRunner.query(`
      CREATE TABLE match_seasons (
        match_year int PRIMARY KEY,
        events jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The engine's verdict, stored so the caseload can filter on it with an index; refreshed in
    // the transaction of every pathway write. The engine alone decides it.
    await queryRunner.query(`ALTER TABLE clients ADD COLUMN stage text NOT NULL DEFAULT 'intake'`);
    // Existing clients have no pathway records yet: their stage follows from the record alone.
    await queryRunner.query(
      `UPDATE clients SET stage = CASE WHEN status = 'closed' THEN 'closed'
                                       WHEN career_goal = 'alternative_career' THEN 'alternative_career'
                                       ELSE 'intake' END`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_clients_center_stage ON clients (center_id, stage, last_name, first_name, id)`,
    );
    // Network-wide callers (admins, network directors) filter by stage without a center.
    await queryRunner.query(`CREATE INDEX ix_clients_stage ON clients (stage, last_name, first_name, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clients DROP COLUMN stage`);
    await queryRunner.query(`DROP TABLE match_seasons`);
    await queryRunner.query(`DROP TABLE match_applications`);
    await queryRunner.query(`DROP TABLE clinical_experiences`);
    await queryRunner.query(`DROP TABLE credential_records`);
    await queryRunner.query(`DROP TABLE exam_records`);
  }
}
