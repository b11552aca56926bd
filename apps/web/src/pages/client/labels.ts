import type { components } from '../../api/schema';

type Schemas = components['schemas'];
type Client = Schemas['ClientResponse'];
type Exam = Schemas['ExamResponse'];
type Experience = Schemas['ClinicalExperienceResponse'];
type Application = Schemas['MatchApplicationResponse'];
export type Milestone = Schemas['MyChecklistItem']['milestone'];
export type MilestoneState = Schemas['MyChecklistItem']['state'];

/** Select options from a label table, in the table's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

export const CLIENT_STATUS_LABELS: Record<Client['status'], string> = {
  active: 'Active',
  inactive: 'Inactive',
  closed: 'Closed',
};

export const CAREER_GOAL_LABELS: Record<Client['careerGoal'], string> = {
  residency: 'Residency',
  alternative_career: 'Alternative career',
};

export const ALTERNATIVE_CAREER_LABELS: Record<NonNullable<Client['alternativeCareer']>, string> = {
  research: 'Research',
  public_health: 'Public health',
  other_health_profession: 'Other health profession',
  other: 'Other',
};

export const IMMIGRATION_STATUS_LABELS: Record<NonNullable<Client['immigrationStatus']>, string> = {
  refugee: 'Refugee',
  asylee: 'Asylee',
  permanent_resident: 'Permanent resident',
  citizen: 'US citizen',
  tps: 'Temporary Protected Status',
  work_permit: 'Work permit',
  other: 'Other',
};

export const MILESTONE_LABELS: Record<Milestone, string> = {
  credentials_verified: 'Credentials verified',
  step1: 'USMLE Step 1',
  step2_ck: 'USMLE Step 2 CK',
  oet: 'OET Medicine',
  ecfmg_pathway: 'ECFMG Pathway',
  ecfmg_certificate: 'ECFMG certificate',
  us_clinical_experience: 'US clinical experience',
  letters_of_recommendation: 'Letters of recommendation',
  eras: 'ERAS application',
  nrmp: 'NRMP registration',
  rank_list: 'Rank list certified',
  match_result: 'Match result',
  step3: 'USMLE Step 3',
};

export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  done: 'Done',
  in_progress: 'In progress',
  todo: 'To do',
  blocked: 'Blocked',
  not_applicable: 'Not needed',
};

export const MILESTONE_STATE_COLORS: Record<MilestoneState, string> = {
  done: 'green',
  in_progress: 'blue',
  todo: 'gray',
  blocked: 'red',
  not_applicable: 'gray',
};

export const EXAM_LABELS: Record<Exam['exam'], string> = {
  USMLE_STEP1: 'USMLE Step 1',
  USMLE_STEP2_CK: 'USMLE Step 2 CK',
  USMLE_STEP3: 'USMLE Step 3',
  OET_MEDICINE: 'OET Medicine',
};

export const EXAM_STATUS_LABELS: Record<Exam['status'], string> = {
  planned: 'Planned',
  scheduled: 'Scheduled',
  taken: 'Taken',
  result_pending: 'Result pending',
  passed: 'Passed',
  failed: 'Failed',
  incomplete: 'Incomplete',
  cancelled: 'Cancelled',
};

export const EXAM_STATUS_COLORS: Record<Exam['status'], string> = {
  planned: 'gray',
  scheduled: 'blue',
  taken: 'blue',
  result_pending: 'yellow',
  passed: 'green',
  failed: 'red',
  incomplete: 'orange',
  cancelled: 'gray',
};

export const ECFMG_PATHWAY_STATUS_LABELS: Record<
  NonNullable<Schemas['CredentialsDto']['ecfmgPathwayStatus']>,
  string
> = {
  not_started: 'Not started',
  submitted: 'Submitted',
  validated: 'Validated',
  rejected: 'Rejected',
};

export const EXPERIENCE_KIND_LABELS: Record<Experience['kind'], string> = {
  observership: 'Observership',
  externship: 'Externship',
  clinical_rotation: 'Clinical rotation',
  preceptorship: 'Preceptorship',
  research: 'Research',
  volunteer: 'Volunteer',
};

export const EXPERIENCE_STATUS_LABELS: Record<Experience['status'], string> = {
  planned: 'Planned',
  ongoing: 'Ongoing',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const MATCH_RESULT_LABELS: Record<Application['result'], string> = {
  pending: 'Pending',
  matched: 'Matched',
  matched_soap: 'Matched through SOAP',
  unmatched: 'Unmatched',
  withdrawn: 'Withdrawn',
};

export const VISA_LABELS: Record<NonNullable<Application['visa']>, string> = {
  'J-1': 'J-1 (sponsored by ECFMG)',
  'H-1B': 'H-1B',
  none_needed: 'None needed',
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PAIRS = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b));
/** Region codes the browser names that are not ISO 3166-1 countries (the API accepts only those). */
const NOT_COUNTRIES = new Set([
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'EU',
  'EZ',
  'IC',
  'QO',
  'TA',
  'UN',
  'XA',
  'XB',
  'XK',
  'ZZ',
]);

/**
 * Every code the browser can name, as select options sorted by name: the API takes ISO codes, a
 * person picks a name. Built from `Intl.DisplayNames` rather than a list kept by hand.
 */
function namedCodes(type: 'region' | 'language', codes: string[]): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
  return codes
    .map((code) => ({ value: code, label: names.of(code) }))
    .filter((o): o is { value: string; label: string } => o.label !== undefined && o.label !== o.value)
    .sort((a, b) => a.label.localeCompare(b.label));
}

export const COUNTRY_OPTIONS = namedCodes(
  'region',
  PAIRS.filter((code) => !NOT_COUNTRIES.has(code)),
);
export const LANGUAGE_OPTIONS = namedCodes(
  'language',
  PAIRS.map((code) => code.toLowerCase()),
);

export const countryName = (code: string | null): string | null =>
  code === null ? null : (COUNTRY_OPTIONS.find((o) => o.value === code)?.label ?? code);
export const languageName = (code: string): string => LANGUAGE_OPTIONS.find((o) => o.value === code)?.label ?? code;
