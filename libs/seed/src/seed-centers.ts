import { Center } from '@lib/centers';
import { DataSource } from 'typeorm';
import directory from '../data/partner-programs.json';

interface DirectoryEntry {
  key: string;
  name: string;
  institution: string;
  location: string;
  parentKey: string | null;
  timezone?: string;
}

/** The Welcome Back Centers of the directory: the entries under the `wbi` umbrella. */
export function welcomeBackCenters(): Array<Omit<Center, 'id' | 'createdAt' | 'updatedAt'>> {
  return (directory.programs as DirectoryEntry[])
    .filter((entry) => entry.parentKey === 'wbi')
    .map((entry) => {
      const match = /^(.+),\s*([A-Z]{2})$/.exec(entry.location);
      if (!match || !entry.timezone) {
        throw new Error(`seed entry ${entry.key} needs a "City, ST" location and a timezone`);
      }
      return {
        slug: entry.key,
        name: entry.name,
        hostInstitution: entry.institution,
        city: match[1],
        state: match[2],
        timeZone: entry.timezone,
      };
    });
}

/** Inserts the centers that are not there yet (by slug); existing rows, maybe edited by an admin, stay. */
export async function seedCenters(dataSource: DataSource): Promise<number> {
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(Center)
    .values(welcomeBackCenters())
    .orIgnore()
    // Reference data loaded by set-up, not a change anyone made: not audited.
    .callListeners(false)
    .returning(['id'])
    .execute();
  return result.raw.length;
}
