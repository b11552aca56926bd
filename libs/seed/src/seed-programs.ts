import { PartnerProgram, PROGRAM_SERVICES, ProgramScope, ProgramService } from '@lib/programs';
import { DataSource } from 'typeorm';
import directory from '../data/partner-programs.json';

interface DirectoryProgram {
  key: string;
  name: string;
  institution: string | null;
  location: string;
  states: string[];
  scope: string;
  url?: string;
  parentKey: string | null;
  servicesText?: Record<string, string>;
  services: Record<string, boolean>;
  facts?: string;
}

/** The directory's programs as rows: services are the names of the columns the review ticked. */
export function directoryPrograms(): Array<Omit<PartnerProgram, 'id' | 'createdAt' | 'updatedAt'>> {
  return (directory.programs as DirectoryProgram[]).map((p) => ({
    slug: p.key,
    name: p.name,
    institution: p.institution,
    location: p.location,
    states: p.states,
    scope: p.scope as ProgramScope,
    url: p.url ?? null,
    services: PROGRAM_SERVICES.filter((service: ProgramService) => p.services[service] === true),
    servicesText: p.servicesText ?? {},
    facts: p.facts ?? null,
    parentSlug: p.parentKey,
    source: directory.source,
  }));
}

/** Adds the directory's programs that are missing (by slug); edits made since are kept. */
export async function seedPartnerPrograms(dataSource: DataSource): Promise<number> {
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(PartnerProgram)
    .values(directoryPrograms())
    .orIgnore()
    // Reference data loaded by set-up, not a change anyone made: not audited.
    .callListeners(false)
    .returning(['id'])
    .execute();
  return result.raw.length;
}
