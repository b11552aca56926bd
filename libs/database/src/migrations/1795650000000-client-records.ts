import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientRecords1795650000000 implements MigrationInterface {
  name = 'ClientRecords1795650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE; indexes need an IMMUTABLE wrapper bound to the dictionary.
    await queryRunner.query(`
      CREATE FUNCTION search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
      $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);

    await queryRunner.query(`
      CREATE TABLE partner_programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name text NOT NULL,
        institution text,
        location text NOT NULL,
        states text[] NOT NULL DEFAULT '{}',
        scope text NOT NULL,
        url text,
        services text[] NOT NULL DEFAULT '{}',
        services_text jsonb NOT NULL DEFAULT '{}',
        facts text,
        parent_slug text,
        source text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_partner_programs_slug UNIQUE (slug),
        CONSTRAINT ck_partner_programs_scope CHECK (scope IN ('local', 'multi-state', 'national'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_partner_programs_states ON partner_programs USING gin (states)`);
    await queryRunner.query(`CREATE INDEX ix_partner_programs_services ON partner_programs USING gin (services)`);
    await queryRunner.query(`CREATE INDEX ix_partner_programs_name_id ON partner_programs (name, id)`);

    await queryRunner.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        center_id uuid NOT NULL,
        case_manager_id uuid,
        first_name text NOT NULL,
        last_name text NOT NULL,
        date_of_birth date,
        email text,
        phone text,
        preferred_language text NOT NULL DEFAULT 'en',
        spoken_languages text[] NOT NULL DEFAULT '{}',
        country_of_training text,
        medical_school text,
        graduation_year int,
        immigration_status text,
        intake_date date NOT NULL,
        career_goal text NOT NULL DEFAULT 'residency',
        alternative_career text,
        target_specialties text[] NOT NULL DEFAULT '{}',
        consent_to_share boolean NOT NULL DEFAULT false,
        consent_date date,
        status text NOT NULL DEFAULT 'active',
        closed_reason text,
        closed_date date,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        anonymized_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT clients_center_id_fkey FOREIGN KEY (center_id) REFERENCES centers (id),
        CONSTRAINT clients_case_manager_id_fkey FOREIGN KEY (case_manager_id) REFERENCES users (id),
        CONSTRAINT ck_clients_status CHECK (status IN ('active', 'inactive', 'closed')),
        CONSTRAINT ck_clients_closed CHECK ((status = 'closed') = (closed_date IS NOT NULL)),
        CONSTRAINT ck_clients_career CHECK (career_goal IN ('residency', 'alternative_career')),
        CONSTRAINT ck_clients_email_lower CHECK (email = lower(email))
      )`);
    // Caseload lists: by center, case manager, status and country, sorted by name or activity.
    await queryRunner.query(`CREATE INDEX ix_clients_center_name ON clients (center_id, last_name, first_name, id)`);
    await queryRunner.query(
      `CREATE INDEX ix_clients_center_activity ON clients (center_id, last_activity_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX ix_clients_name ON clients (last_name, first_name, id)`);
    await queryRunner.query(`CREATE INDEX ix_clients_activity ON clients (last_activity_at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX ix_clients_case_manager ON clients (case_manager_id, last_name, first_name, id)`,
    );
    await queryRunner.query(`CREATE INDEX ix_clients_status ON clients (status, center_id)`);
    await queryRunner.query(`CREATE INDEX ix_clients_country ON clients (country_of_training, center_id)`);
    // Intake duplicate check across the network.
    await queryRunner.query(`CREATE INDEX ix_clients_email ON clients (email) WHERE email IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX ix_clients_identity ON clients (search_fold(first_name), search_fold(last_name), date_of_birth)`,
    );
    // Name or e-mail search, case- and accent-insensitive, by trigram.
    await queryRunner.query(`
      CREATE INDEX ix_clients_search ON clients USING gin
        (search_fold(first_name || ' ' || last_name || ' ' || coalesce(email, '')) gin_trgm_ops)`);

    await queryRunner.query(
      `ALTER TABLE users ADD CONSTRAINT users_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id)`,
    );

    await queryRunner.query(`
      CREATE TABLE client_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id),
        contact_type text NOT NULL CHECK (contact_type IN ('in_person', 'phone', 'email', 'video', 'message')),
        contact_date date NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_client_notes_client ON client_notes (client_id, contact_date DESC, id DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE client_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN ('educational_guidance', 'english_course', 'exam_preparation',
          'other_course', 'clinical_experience_placement', 'financial_support', 'mentoring', 'referral')),
        service_date date NOT NULL,
        hours numeric(6, 2),
        amount_cents bigint CHECK (amount_cents >= 0),
        currency char(3),
        provider text,
        description text,
        recorded_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_client_services_money CHECK ((amount_cents IS NULL) = (currency IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_client_services_client ON client_services (client_id, service_date DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_client_services_category_date ON client_services (category, service_date)`,
    );

    await queryRunner.query(`
      CREATE TABLE client_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        title text NOT NULL,
        details text,
        due_date date,
        assignee_user_id uuid REFERENCES users (id),
        assigned_to_client boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        completed_at timestamptz,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_client_tasks_one_assignee CHECK (NOT (assigned_to_client AND assignee_user_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_client_tasks_client ON client_tasks (client_id, due_date, id)`);
    await queryRunner.query(
      `CREATE INDEX ix_client_tasks_assignee_open ON client_tasks (assignee_user_id, due_date) WHERE status = 'open'`,
    );

    await queryRunner.query(`
      CREATE TABLE client_referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES partner_programs (id),
        referral_date date NOT NULL,
        status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'completed')),
        note text,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_client_referrals_client ON client_referrals (client_id, referral_date DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX ix_client_referrals_program ON client_referrals (program_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE client_referrals`);
    await queryRunner.query(`DROP TABLE client_tasks`);
    await queryRunner.query(`DROP TABLE client_services`);
    await queryRunner.query(`DROP TABLE client_notes`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_client_id_fkey`);
    await queryRunner.query(`DROP TABLE clients`);
    await queryRunner.query(`DROP TABLE partner_programs`);
    await queryRunner.query(`DROP FUNCTION search_fold(text)`);
  }
}
