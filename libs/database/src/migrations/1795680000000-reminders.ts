import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795680000000 implements MigrationInterface {
  name = 'Reminders1795680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN language text,
        ADD COLUMN email_reminders boolean NOT NULL DEFAULT true,
        ADD COLUMN in_app_reminders boolean NOT NULL DEFAULT true,
        ADD CONSTRAINT ck_users_language CHECK (language IN ('en', 'es'))`);

    await queryRunner.query(`
      CREATE TABLE reminder_schedule (
        dedupe_key text PRIMARY KEY,
        client_id uuid NOT NULL,
        rule text NOT NULL,
        recipient_user_id uuid,
        due_at timestamptz NOT NULL,
        event_on date,
        data jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_schedule_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT reminder_schedule_recipient_user_id_fkey FOREIGN KEY (recipient_user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_reminder_schedule_client ON reminder_schedule (client_id, due_at)`);

    await queryRunner.query(`
      CREATE TABLE reminder_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL,
        client_id uuid NOT NULL,
        rule text NOT NULL,
        recipient_user_id uuid NOT NULL,
        audience text NOT NULL,
        due_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        channels text[] NOT NULL,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 1,
        job_id text NOT NULL,
        last_error text,
        email_message_id text,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_deliveries_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT reminder_deliveries_recipient_user_id_fkey FOREIGN KEY (recipient_user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_reminder_deliveries_dedupe_key UNIQUE (dedupe_key),
        CONSTRAINT ck_reminder_deliveries_audience CHECK (audience IN ('client', 'staff')),
        CONSTRAINT ck_reminder_deliveries_status CHECK (status IN ('sending', 'retrying', 'sent', 'failed', 'cancelled'))
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_reminder_deliveries_status ON reminder_deliveries (status, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_reminder_deliveries_client ON reminder_deliveries (client_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        client_id uuid NOT NULL,
        rule text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT notifications_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES reminder_deliveries (id) ON DELETE CASCADE,
        CONSTRAINT notifications_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT uq_notifications_delivery UNIQUE (delivery_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_notifications_user ON notifications (user_id, (read_at IS NOT NULL), created_at DESC, id)`,
    );

    await queryRunner.query(`
      CREATE TABLE reminder_sweeps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trigger text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        clients int NOT NULL,
        scheduled int NOT NULL,
        removed int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_reminder_sweeps_finished ON reminder_sweeps (finished_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reminder_sweeps`);
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`DROP TABLE reminder_deliveries`);
    await queryRunner.query(`DROP TABLE reminder_schedule`);
    await queryRunner.query(`
      ALTER TABLE users DROP CONSTRAINT ck_users_language,
        DROP COLUMN in_app_reminders, DROP COLUMN email_reminders, DROP COLUMN language`);
  }
}
