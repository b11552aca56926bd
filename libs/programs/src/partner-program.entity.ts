import { Audited } from '@lib/audit';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PROGRAM_SERVICES = [
  'educationalGuidance',
  'englishCourses',
  'examPrep',
  'otherCourses',
  'clinicalExperience',
  'financialSupport',
] as const;
export type ProgramService = (typeof PROGRAM_SERVICES)[number];

export const PROGRAM_SCOPES = ['local', 'multi-state', 'national'] as const;
export type ProgramScope = (typeof PROGRAM_SCOPES)[number];

/** A non-profit program that helps IMGs toward licensure: referral target and coverage data. */
@Audited({ type: 'partner_program' })
@Entity({ name: 'partner_programs' })
@Index('ix_partner_programs_states', ['states'])
@Index('ix_partner_programs_services', ['services'])
@Index('ix_partner_programs_name_id', ['name', 'id'])
@Check('ck_partner_programs_scope', `scope IN ('local', 'multi-state', 'national')`)
export class PartnerProgram {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  /** Null for programs that are organizations of their own. */
  @Column({ type: 'text', nullable: true })
  institution: string | null;

  /** As the directory states it, e.g. "Los Angeles, CA" or "WA, CO, MD". */
  @Column({ type: 'text' })
  location: string;

  /** Two-letter codes of the states where it offers direct services. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  states: string[];

  @Column({ type: 'text' })
  scope: ProgramScope;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services: ProgramService[];

  /** The directory's own words per service column. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  servicesText: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  facts: string | null;

  @Column({ type: 'text', nullable: true })
  parentSlug: string | null;

  /** Where the facts come from (the scoping review for seeded programs). */
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
