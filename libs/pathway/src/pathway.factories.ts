import {
  ClinicalExperienceRecord,
  CredentialRecord,
  ExamRecord,
  MatchApplicationRecord,
  MatchSeason,
  PathwayRecords,
  EMPTY_CREDENTIALS,
} from './records';

let next = 0;
const id = (prefix: string) => `${prefix}-${(next += 1)}`;

export function exam(overrides: Partial<ExamRecord> = {}): ExamRecord {
  return {
    id: id('exam'),
    exam: 'USMLE_STEP1',
    status: 'planned',
    eligibilityStart: null,
    eligibilityEnd: null,
    extensionEnd: null,
    scheduledDate: null,
    testDate: null,
    resultDate: null,
    score: null,
    oetScores: null,
    verified: true,
    ...overrides,
  };
}

/** An attempt that happened on `testDate` with `status`. */
export const attempt = (
  testDate: string,
  status: ExamRecord['status'] = 'failed',
  overrides: Partial<ExamRecord> = {},
) => exam({ testDate, status, ...overrides });

export function credentials(overrides: Partial<CredentialRecord> = {}): CredentialRecord {
  return { ...EMPTY_CREDENTIALS, ...overrides };
}

export function experience(overrides: Partial<ClinicalExperienceRecord> = {}): ClinicalExperienceRecord {
  return {
    id: id('cx'),
    kind: 'observership',
    handsOn: false,
    startDate: '2025-01-06',
    endDate: '2025-03-28',
    status: 'completed',
    letterRequestedAt: null,
    letterReceivedAt: null,
    ...overrides,
  };
}

export function application(overrides: Partial<MatchApplicationRecord> = {}): MatchApplicationRecord {
  return {
    id: id('app'),
    season: 2027,
    erasSubmittedAt: null,
    nrmpRegisteredAt: null,
    rankListCertifiedAt: null,
    result: 'pending',
    visa: null,
    residencyBegan: false,
    ...overrides,
  };
}

export function records(overrides: Partial<PathwayRecords> = {}): PathwayRecords {
  return {
    client: { status: 'active', careerGoal: 'residency' },
    exams: [],
    credentials: null,
    clinicalExperiences: [],
    matchApplications: [],
    ...overrides,
  };
}

/** The 2026 and 2027 Match calendars, as seeded (rank-list deadlines 4 March 2026 and 3 March 2027). */
export const CALENDAR: MatchSeason[] = [
  {
    matchYear: 2026,
    events: [
      {
        key: 'eras_submission_opens',
        label: 'Applicants can submit applications',
        at: '2025-09-03T09:00:00-04:00',
        estimated: false,
      },
      {
        key: 'rank_list_deadline',
        label: 'Rank order list certification deadline',
        at: '2026-03-04T21:00:00-05:00',
        estimated: true,
      },
    ],
  },
  {
    matchYear: 2027,
    events: [
      {
        key: 'eras_submission_opens',
        label: 'Applicants can submit applications',
        at: '2026-09-02T09:00:00-04:00',
        estimated: true,
      },
      {
        key: 'rank_list_deadline',
        label: 'Rank order list certification deadline',
        at: '2027-03-03T21:00:00-05:00',
        estimated: true,
      },
    ],
  },
];

/** Passing OET sub-scores under the 2025 rule. */
export const OET_PASS = { listening: 350, reading: 350, writing: 300, speaking: 350 };
