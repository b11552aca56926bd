import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: a client's documents. A document (category, title, status, latest version number),
 * its versions (each upload: a random storage key, the file name, the type decided from the bytes,
 * size, SHA-256, who uploaded it) and its reviews (a decision on a version, with a comment).
 */
export class Documents1795738000000 implements MigrationInterface {
  name = 'Documents1795738000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE client_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL CONSTRAINT client_documents_client_id_fkey REFERENCES clients (id) ON DELETE CASCADE,
        category text NOT NULL CONSTRAINT client_documents_category_check CHECK (category IN ('diploma', 'transcript', 'medical_license', 'usmle_score_report', 'oet_score_report', 'ecfmg_certificate', 'letter_of_recommendation', 'cv', 'personal_statement', 'mspe', 'identity', 'immigration', 'consent', 'other')),
        title text NOT NULL,
        status text NOT NULL CONSTRAINT client_documents_status_check CHECK (status IN ('uploaded', 'awaiting_review', 'changes_requested', 'approved')),
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_client_documents_client ON client_documents (client_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX ix_client_documents_status ON client_documents (status, updated_at)`);
    await queryRunner.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL CONSTRAINT document_versions_document_id_fkey REFERENCES client_documents (id) ON DELETE CASCADE,
        client_id uuid NOT NULL CONSTRAINT document_versions_client_id_fkey REFERENCES clients (id) ON DELETE CASCADE,
        version int NOT NULL,
        storage_key text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CONSTRAINT document_versions_size_check CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        uploaded_by_user_id uuid CONSTRAINT document_versions_uploaded_by_fkey REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX ux_document_versions_version ON document_versions (document_id, version)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX ux_document_versions_storage_key ON document_versions (storage_key)`);
    await queryRunner.query(`
      CREATE TABLE document_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL CONSTRAINT document_reviews_document_id_fkey REFERENCES client_documents (id) ON DELETE CASCADE,
        client_id uuid NOT NULL CONSTRAINT document_reviews_client_id_fkey REFERENCES clients (id) ON DELETE CASCADE,
        version int NOT NULL,
        decision text NOT NULL CONSTRAINT document_reviews_decision_check CHECK (decision IN ('approved', 'changes_requested')),
        comment text,
        reviewer_user_id uuid CONSTRAINT document_reviews_reviewer_fkey REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_document_reviews_document ON document_reviews (document_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE document_reviews`);
    await queryRunner.query(`DROP TABLE document_versions`);
    await queryRunner.query(`DROP TABLE client_documents`);
  }
}
