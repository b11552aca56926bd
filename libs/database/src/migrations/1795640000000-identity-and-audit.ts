import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAndAudit1795640000000 implements MigrationInterface {
  name = 'IdentityAndAudit1795640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL,
        center_id uuid REFERENCES centers (id),
        client_id uuid,
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        failed_login_count int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_email_lower CHECK (email = lower(email)),
        CONSTRAINT ck_users_role CHECK (role IN ('admin', 'director', 'case_manager', 'client')),
        CONSTRAINT ck_users_case_manager_center CHECK (role <> 'case_manager' OR center_id IS NOT NULL),
        CONSTRAINT ck_users_admin_network CHECK (role <> 'admin' OR center_id IS NULL),
        CONSTRAINT ck_users_client_link CHECK ((role = 'client') = (client_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_users_email ON users (email)`);
    // One account per client record.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_users_client_id ON users (client_id) WHERE client_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_users_center_email ON users (center_id, email, id)`);

    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_refresh_tokens_hash ON refresh_tokens (token_hash)`);
    await queryRunner.query(
      `CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id) WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE one_time_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_one_time_tokens_hash ON one_time_tokens (token_hash)`);
    await queryRunner.query(
      `CREATE INDEX ix_one_time_tokens_user ON one_time_tokens (user_id, purpose) WHERE used_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        client_id uuid,
        center_id uuid,
        changes jsonb,
        request_id text,
        ip text
      )`);
    // Each filter of GET /audit, newest first.
    await queryRunner.query(`CREATE INDEX ix_audit_entity ON audit_log (entity_type, entity_id, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX ix_audit_client ON audit_log (client_id, id DESC) WHERE client_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX ix_audit_actor ON audit_log (actor_id, id DESC) WHERE actor_id IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX ix_audit_center ON audit_log (center_id, id DESC) WHERE center_id IS NOT NULL`,
    );
    // Append-only, for every database role including the one the app uses.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`DROP TABLE one_time_tokens`);
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
