import { CivilDate } from './civil-date';

export const EXAMS = ['USMLE_STEP1', 'USMLE_STEP2_CK', 'USMLE_STEP3', 'OET_MEDICINE'] as const;
export type Exam = (typeof EXAMS)[number];
export type UsmleStep = Exclude<Exam, 'OET_MEDICINE'>;
export const USMLE_STEPS: readonly UsmleStep[] = ['USMLE_STEP1', 'USMLE_STEP2_CK', 'USMLE_STEP3'];

export const EXAM_STATUSES = [
  'planned',
  'scheduled',
  'taken',
  'result_pending',
  'passed',
  'failed',
  'incomplete',
  'cancelled',
] as const;
export type ExamStatus = (typeof EXAM_STATUSES)[number];

/** Statuses of an attempt that happened (it counts toward the limits); the others are plans. */
export const SAT_STATUSES: readonly ExamStatus[] = ['taken', 'result_pending', 'passed', 'failed', 'incomplete'];

export interface OetScores {
  listening: number;
  reading: number;
  writing: number;
  speaking: number;
}

export interface ExamRecord {
  id: string;
  exam: Exam;
  status: ExamStatus;
  eligibilityStart: CivilDate | null;
  eligibilityEnd: CivilDate | null;
  extensionEnd: CivilDate | null;
  scheduledDate: CivilDate | null;
  testDate: CivilDate | null;
  /** The day the result was reported, when recorded (the rank-list deadline counts from it). */
  resultDate: CivilDate | null;
  /** Three-digit score where the exam reports one (Step 1 before 26 Jan 2022, Step 2 CK, Step 3). */
  score: number | null;
  oetScores: OetScores | null;
  /** A result the client reported stays unverified until a case manager checks it. */
  verified: boolean;
}

export const PATHWAY_STATUSES = ['not_started', 'submitted', 'validated', 'rejected'] as const;
export type EcfmgPathwayStatus = (typeof PATHWAY_STATUSES)[number];

export interface CredentialRecord {
  usmleId: string | null;
  /** The medical school is listed in the World Directory of Medical Schools with an ECFMG note. */
  schoolListedInWorldDirectory: boolean | null;
  diplomaVerifiedAt: CivilDate | null;
  transcriptVerifiedAt: CivilDate | null;
  /** ECFMG Pathway 1 to 6 (clinical and communication skills), with its status and cycle (Match year). */
  ecfmgPathway: number | null;
  ecfmgPathwayStatus: EcfmgPathwayStatus | null;
  ecfmgPathwayCycle: number | null;
  /** When ECFMG accepted the Pathway; null for records made before the date was kept (counted as accepted). */
  ecfmgPathwayAcceptedAt: CivilDate | null;
  /** A Step 2 CS pass (before that exam ended) meets the clinical skills requirement instead. */
  step2CsPassedAt: CivilDate | null;
  certificationApplicationAt: CivilDate | null;
  certificateIssuedAt: CivilDate | null;
}

/** A credentials record with nothing recorded yet. */
export const EMPTY_CREDENTIALS: CredentialRecord = {
  usmleId: null,
  schoolListedInWorldDirectory: null,
  diplomaVerifiedAt: null,
  transcriptVerifiedAt: null,
  ecfmgPathway: null,
  ecfmgPathwayStatus: null,
  ecfmgPathwayCycle: null,
  ecfmgPathwayAcceptedAt: null,
  step2CsPassedAt: null,
  certificationApplicationAt: null,
  certificateIssuedAt: null,
};

export const CLINICAL_KINDS = [
  'observership',
  'externship',
  'clinical_rotation',
  'preceptorship',
  'research',
  'volunteer',
] as const;
export type ClinicalKind = (typeof CLINICAL_KINDS)[number];
/** The kinds that count as US clinical experience (research and volunteering do not). */
export const US_CLINICAL_KINDS: readonly ClinicalKind[] = [
  'observership',
  'externship',
  'clinical_rotation',
  'preceptorship',
];
export const CLINICAL_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type ClinicalStatus = (typeof CLINICAL_STATUSES)[number];

export interface ClinicalExperienceRecord {
  id: string;
  kind: ClinicalKind;
  handsOn: boolean;
  startDate: CivilDate | null;
  endDate: CivilDate | null;
  status: ClinicalStatus;
  letterRequestedAt: CivilDate | null;
  letterReceivedAt: CivilDate | null;
}

export const MATCH_RESULTS = ['pending', 'matched', 'matched_soap', 'unmatched', 'withdrawn'] as const;
export type MatchResult = (typeof MATCH_RESULTS)[number];
export const VISAS = ['J-1', 'H-1B', 'none_needed'] as const;
export type Visa = (typeof VISAS)[number];

export interface MatchApplicationRecord {
  id: string;
  season: number;
  erasSubmittedAt: CivilDate | null;
  nrmpRegisteredAt: CivilDate | null;
  rankListCertifiedAt: CivilDate | null;
  result: MatchResult;
  visa: Visa | null;
  residencyBegan: boolean;
}

export interface ClientFacts {
  status: 'active' | 'inactive' | 'closed';
  careerGoal: 'residency' | 'alternative_career';
}

/** Everything the engine reads about one client. */
export interface PathwayRecords {
  client: ClientFacts;
  exams: ExamRecord[];
  credentials: CredentialRecord | null;
  clinicalExperiences: ClinicalExperienceRecord[];
  matchApplications: MatchApplicationRecord[];
}

/** The Match calendar: per Match year, the instants of its events (ISO-8601 with offset). */
export interface MatchSeason {
  matchYear: number;
  events: Array<{ key: string; label: string; at: string; estimated: boolean }>;
}
