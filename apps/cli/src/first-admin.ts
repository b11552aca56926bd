import { AuditService, AuditSubscriber } from '@lib/audit';
import { hashPassword, passwordProblem, Role, User } from '@lib/identity';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';

export interface FirstAdminInput {
  email: string;
  displayName: string;
  password: string;
}

/**
 * Creates an admin with a password, audited as a system action. Refuses a bad address, a weak
 * password or an address that already has an account.
 */
export async function createFirstAdmin(
  dataSource: DataSource,
  input: FirstAdminInput,
): Promise<{ id: string; email: string } | { problem: string }> {
  const email = input.email.trim().toLowerCase();
  const displayName = input.displayName.trim();
  if (!isEmail(email)) return { problem: `"${input.email}" is not an e-mail address` };
  if (!displayName || displayName.length > 120) return { problem: 'the name must be 1 to 120 characters' };
  const weak = passwordProblem(input.password, email);
  if (weak) return { problem: weak };
  // Outside Nest the audit subscriber is not registered by the module: register it here.
  if (!dataSource.subscribers.some((subscriber) => subscriber instanceof AuditSubscriber))
    new AuditSubscriber(dataSource);
  const audit = new AuditService(dataSource);
  const passwordHash = await hashPassword(input.password);
  return audit.transaction(
    { actorId: null, actorRole: 'system', requestId: 'create-admin', ip: null },
    async (manager) => {
      if (await manager.existsBy(User, { email })) return { problem: `${email} already has an account` };
      const user = await manager.save(
        manager.create(User, {
          email,
          displayName,
          role: Role.Admin,
          centerId: null,
          clientId: null,
          passwordHash,
          active: true,
        }),
      );
      return { id: user.id, email: user.email };
    },
  );
}
