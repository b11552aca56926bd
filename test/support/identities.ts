import { randomUUID } from 'node:crypto';
import { Center } from '@lib/centers';
import { Client } from '@lib/clients';
import { hashPassword, newOpaqueToken, RefreshToken, Role, tokenHash, User } from '@lib/identity';
import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** A center of its own for a test, so tests never depend on each other's rows. */
export async function createCenter(dataSource: DataSource, name = 'Test Center'): Promise<Center> {
  const suffix = randomUUID().slice(0, 8);
  return insertRow(dataSource, Center, {
    slug: `test-${suffix}`,
    name: `${name} ${suffix}`,
    hostInstitution: 'Test College',
    city: 'Denver',
    state: 'CO',
    timeZone: 'America/Denver',
  });
}

export interface ClientSpec {
  centerId: string;
  firstName?: string;
  lastName?: string;
  email?: string | null;
  dateOfBirth?: string | null;
  consentToShare?: boolean;
  status?: 'active' | 'inactive' | 'closed';
  caseManagerId?: string | null;
}

/** A client row for a test (a fixture, not an audited intake). */
export async function createClient(dataSource: DataSource, spec: ClientSpec): Promise<Client> {
  const suffix = randomUUID().slice(0, 8);
  return insertRow(dataSource, Client, {
    centerId: spec.centerId,
    firstName: spec.firstName ?? 'Test',
    lastName: spec.lastName ?? `Client ${suffix}`,
    email: spec.email === undefined ? `client-${randomUUID()}@test.example.org` : spec.email,
    dateOfBirth: spec.dateOfBirth ?? null,
    intakeDate: '2026-01-15',
    consentToShare: spec.consentToShare ?? false,
    consentDate: spec.consentToShare ? '2026-01-15' : null,
    status: spec.status ?? 'active',
    closedDate: spec.status === 'closed' ? '2026-02-01' : null,
    closedReason: spec.status === 'closed' ? 'Moved away' : null,
    caseManagerId: spec.caseManagerId ?? null,
    countryOfTraining: 'SY',
  });
}

export interface UserSpec {
  role: Role;
  centerId?: string | null;
  clientId?: string | null;
  active?: boolean;
  invited?: boolean;
}

/**
 * Inserts a user directly (no audit context needed: test set-up, not a product write), with a
 * session open for `tokenFor`'s tokens.
 */
export async function createUser(dataSource: DataSource, spec: UserSpec): Promise<User> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await insertRow(dataSource, User, {
    email: `${spec.role}-${randomUUID()}@test.example.org`,
    displayName: `Test ${spec.role}`,
    role: spec.role,
    centerId: spec.centerId ?? null,
    clientId:
      spec.clientId ??
      (spec.role === Role.Client
        ? (await createClient(dataSource, { centerId: (await createCenter(dataSource)).id })).id
        : null),
    passwordHash: spec.invited ? null : await passwordHash,
    active: spec.active ?? true,
  });
  await openFixtureSession(dataSource, user.id);
  return user;
}

/**
 * The session `tokenFor`'s tokens belong to: a refresh-token family whose id is the user's. Ending
 * the user's sessions (deactivation, a role change) ends it, as it would a real one; call this
 * again to open it anew.
 */
export async function openFixtureSession(dataSource: DataSource, userId: string): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(RefreshToken)
    .values({
      userId,
      familyId: userId,
      tokenHash: tokenHash(newOpaqueToken()),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    })
    .callListeners(false)
    .execute();
}

/** Test set-up rows go in without listeners: they are fixtures, not product writes to audit. */
async function insertRow<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  values: Partial<T>,
): Promise<T> {
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values as never)
    .callListeners(false)
    .execute();
  return dataSource.getRepository(entity).findOneByOrFail({ id: result.identifiers[0].id } as never);
}

/** An access token for a user made by `createUser`, signed as login signs it, in its fixture session. */
export function tokenFor(app: NestFastifyApplication, user: Pick<User, 'id' | 'role'>): string {
  return app.get(JwtService).sign({ sub: user.id, role: user.role, sid: user.id });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
