import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 for the rows written before it: the addresses typed at failed sign-ins leave the audit
 * log (they were kept in clear; new rows keep a keyed hash, which this migration cannot compute
 * without the secret), and sent reminders of clients already anonymized forget what they said
 * (task titles). Also the index the per-user allowance of "a duplicate exists elsewhere" answers
 * is counted with. The log is append-only: its update trigger is set aside for the one statement,
 * inside this migration's transaction, as the table's owner (who runs migrations).
 */
export class ConfidentialityBackfill1795734000000 implements MigrationInterface {
  name = 'ConfidentialityBackfill1795734000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`);
    await queryRunner.query(
      `UPDATE audit_log SET changes = jsonb_set(changes, '{attemptedEmail}', '{"before": null, "after": "[removed]"}')
        WHERE changes ? 'attemptedEmail'`,
    );
    await queryRunner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete`);
    await queryRunner.query(
      `UPDATE reminder_deliveries d SET data = '{}', last_error = NULL
         FROM clients c WHERE c.id = d.client_id AND c.anonymized_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_audit_duplicate_elsewhere ON audit_log (actor_id, at DESC) WHERE action = 'client.duplicate_elsewhere'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // What was blanked stays blank: there is nothing to put back.
    await queryRunner.query(`DROP INDEX ix_audit_duplicate_elsewhere`);
  }
}
