import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type Grouping = Schemas['MatchOutcomesReport']['groupBy'];
export type FunnelStep = Schemas['FunnelStep']['step'];
export type Milestone = Schemas['MilestoneDuration']['milestone'];
export type ServiceCategory = Schemas['CreateServiceDto']['category'];
export type ClientStatus = Schemas['ClientSummary']['status'];

export const GROUPING_LABELS: Record<Grouping, string> = {
  center: 'Center',
  season: 'Season',
  specialty: 'Specialty applied to',
  country: 'Country of training',
};

export const FUNNEL_LABELS: Record<FunnelStep, string> = {
  enrolled: 'Enrolled',
  credentials_verified: 'Credentials verified',
  step1_passed: 'Passed Step 1',
  step2_ck_passed: 'Passed Step 2 CK',
  oet_passed: 'Passed OET Medicine',
  ecfmg_certified: 'ECFMG certified',
  us_clinical_experience: 'US clinical experience',
  applied: 'Applied to the Match',
  matched: 'Matched',
};

export const MILESTONE_LABELS: Record<Milestone, string> = {
  ecfmg_certified: 'ECFMG certification',
  first_match_application: 'First Match application',
  matched: 'Match',
};

export const SERVICE_LABELS: Record<ServiceCategory, string> = {
  educational_guidance: 'Educational guidance',
  english_course: 'English course',
  exam_preparation: 'Exam preparation',
  other_course: 'Other course',
  clinical_experience_placement: 'Clinical experience placement',
  financial_support: 'Financial support',
  mentoring: 'Mentoring',
  referral: 'Referral',
};

export const STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  closed: 'Closed',
};

/** A label from one of the tables above, or the API's own word for a value this app does not know yet. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return (labels as Record<string, string>)[value] ?? value;
}
