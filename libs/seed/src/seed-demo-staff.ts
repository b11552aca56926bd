import { hashPassword, Role, User } from '@lib/identity';
import { Center } from '@lib/centers';
import { DataSource } from 'typeorm';

/** The one password of every demo account (printed by the demo; never used outside it). */
export const DEMO_PASSWORD = 'pathways-demo-2026';
export const DEMO_DOMAIN = 'demo.imgpathways.org';

export interface DemoLogin {
  email: string;
  role: Role;
  center: string | null;
}

/** The demo's staff: one admin, one network director, and per center a director and two case managers. */
export function demoStaff(
  centers: Array<Pick<Center, 'id' | 'slug' | 'name'>>,
): Array<DemoLogin & { displayName: string; centerId: string | null }> {
  const staff: Array<DemoLogin & { displayName: string; centerId: string | null }> = [
    { email: `admin@${DEMO_DOMAIN}`, displayName: 'Avery Admin', role: Role.Admin, center: null, centerId: null },
    {
      email: `director@${DEMO_DOMAIN}`,
      displayName: 'Noor Network-Director',
      role: Role.Director,
      center: null,
      centerId: null,
    },
  ];
  for (const center of centers) {
    const short = center.slug.replace(/^wbc-/, '');
    staff.push(
      {
        email: `director.${short}@${DEMO_DOMAIN}`,
        displayName: `Director, ${center.name}`,
        role: Role.Director,
        center: center.name,
        centerId: center.id,
      },
      {
        email: `cm1.${short}@${DEMO_DOMAIN}`,
        displayName: `Case Manager 1, ${center.name}`,
        role: Role.CaseManager,
        center: center.name,
        centerId: center.id,
      },
      {
        email: `cm2.${short}@${DEMO_DOMAIN}`,
        displayName: `Case Manager 2, ${center.name}`,
        role: Role.CaseManager,
        center: center.name,
        centerId: center.id,
      },
    );
  }
  return staff;
}

/** Adds the demo staff that are missing (by e-mail); returns how many were added and every login. */
export async function seedDemoStaff(dataSource: DataSource): Promise<{ added: number; logins: DemoLogin[] }> {
  const centers = await dataSource.getRepository(Center).find({ order: { name: 'ASC' } });
  const staff = demoStaff(centers);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(User)
    .values(
      staff.map(({ email, displayName, role, centerId }) => ({
        email,
        displayName,
        role,
        centerId,
        clientId: null,
        passwordHash,
        active: true,
      })),
    )
    .orIgnore()
    // Demo data loaded by set-up, not a change anyone made: not audited.
    .callListeners(false)
    .returning(['id'])
    .execute();
  return { added: result.raw.length, logins: staff.map(({ email, role, center }) => ({ email, role, center })) };
}
