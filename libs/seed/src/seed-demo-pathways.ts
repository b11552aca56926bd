import { Client, derivedColumnsOf, storeDerivedColumns } from '@lib/clients';
import {
  ClinicalExperienceEntity,
  CredentialRecordEntity,
  ExamRecordEntity,
  MatchApplicationEntity,
} from '@lib/pathway-records';
import {
  addDays,
  civilDateOf,
  ClinicalExperienceRecord,
  CredentialRecord,
  EMPTY_CREDENTIALS,
  evaluatePathway,
  ExamRecord,
  MatchApplicationRecord,
  PATHWAY_RULES,
  PathwayRecords,
} from '@lib/pathway';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import calendar from '../data/match-seasons.json';

type Records = {
  exams: Omit<ExamRecord, 'id'>[];
  credentials: CredentialRecord | null;
  experiences: Omit<ClinicalExperienceRecord, 'id'>[];
  applications: Omit<MatchApplicationRecord, 'id'>[];
};

const blankExam = {
  eligibilityStart: null,
  eligibilityEnd: null,
  extensionEnd: null,
  scheduledDate: null,
  testDate: null,
  resultDate: null,
  score: null,
  oetScores: null,
  verified: true,
};
const sat = (
  exam: ExamRecord['exam'],
  testDate: string,
  status: ExamRecord['status'],
  score: number | null = null,
) => ({ ...blankExam, exam, testDate, status, score });
const OET = { listening: 370, reading: 360, writing: 330, speaking: 380 };
const verified: CredentialRecord = {
  ...EMPTY_CREDENTIALS,
  usmleId: '1-000-000-0',
  schoolListedInWorldDirectory: true,
  diplomaVerifiedAt: '2024-03-01',
  transcriptVerifiedAt: '2024-03-20',
};
const certified: CredentialRecord = {
  ...verified,
  ecfmgPathway: 6,
  ecfmgPathwayStatus: 'validated',
  ecfmgPathwayCycle: 2025,
  certificationApplicationAt: '2025-06-01',
  certificateIssuedAt: '2025-07-15',
};
const passedAll = [
  sat('USMLE_STEP1', '2024-05-10', 'passed'),
  sat('USMLE_STEP2_CK', '2025-02-14', 'passed', 238),
  { ...sat('OET_MEDICINE', '2024-11-02', 'passed'), oetScores: OET },
];
const observership: Omit<ClinicalExperienceRecord, 'id'> = {
  kind: 'observership',
  handsOn: false,
  startDate: '2025-08-04',
  endDate: '2025-10-31',
  status: 'completed',
  letterRequestedAt: '2025-10-15',
  letterReceivedAt: '2025-11-20',
};
const application = (
  season: number,
  result: MatchApplicationRecord['result'],
  extra: Partial<MatchApplicationRecord> = {},
) => ({
  season,
  erasSubmittedAt: `${season - 1}-09-0${season === 2026 ? 3 : 2}`,
  nrmpRegisteredAt: `${season - 1}-09-20`,
  rankListCertifiedAt: result === 'pending' ? null : `${season}-02-25`,
  result,
  visa: 'J-1' as const,
  residencyBegan: false,
  ...extra,
});

/** The demo's scenarios, one per client in turn: every stage, and the warnings worth showing. */
function scenario(n: number, today: string): Records {
  const none: Records = { exams: [], credentials: null, experiences: [], applications: [] };
  switch (n % 12) {
    case 0:
      return none;
    case 1:
      return {
        ...none,
        credentials: { ...EMPTY_CREDENTIALS, usmleId: '1-000-000-1', diplomaVerifiedAt: '2026-06-01' },
      };
    case 2: // eligibility window closing with no exam scheduled
      return {
        ...none,
        credentials: verified,
        exams: [
          {
            ...blankExam,
            exam: 'USMLE_STEP1',
            status: 'planned',
            eligibilityStart: addDays(today, -60),
            eligibilityEnd: addDays(today, 40),
          },
        ],
      };
    case 3: // three attempts used at Step 1
      return {
        ...none,
        credentials: verified,
        exams: [
          sat('USMLE_STEP1', '2024-09-12', 'failed'),
          sat('USMLE_STEP1', '2025-03-20', 'failed'),
          sat('USMLE_STEP1', '2025-10-02', 'failed'),
        ],
      };
    case 4: // Step 1 passed long ago: the 7-year window is closing
      return {
        ...none,
        credentials: verified,
        exams: [
          sat('USMLE_STEP1', addDays(today, -7 * 365 + 100), 'passed'),
          { ...blankExam, exam: 'USMLE_STEP2_CK', status: 'scheduled', scheduledDate: addDays(today, 45) },
        ],
      };
    case 5:
      return {
        ...none,
        credentials: verified,
        exams: [
          sat('USMLE_STEP1', '2025-04-18', 'passed'),
          { ...sat('OET_MEDICINE', '2025-09-06', 'failed'), oetScores: { ...OET, writing: 290 } },
        ],
      };
    case 6:
      return { ...none, credentials: certified, exams: passedAll };
    case 7:
      return { ...none, credentials: certified, exams: passedAll, experiences: [observership] };
    case 8: // applying in the 2027 Match
      return {
        credentials: certified,
        exams: passedAll,
        experiences: [observership],
        applications: [application(2027, 'pending', { rankListCertifiedAt: null })],
      };
    case 9: // matched in the 2026 main Match, residency begun
      return {
        credentials: certified,
        exams: passedAll,
        experiences: [observership],
        applications: [application(2026, 'matched', { residencyBegan: true })],
      };
    case 10: // matched through SOAP
      return {
        credentials: certified,
        exams: passedAll,
        experiences: [observership],
        applications: [application(2026, 'matched_soap')],
      };
    default: // unmatched in 2026, applying again in 2027 wanting an H-1B
      return {
        credentials: certified,
        exams: passedAll,
        experiences: [observership],
        applications: [
          application(2026, 'unmatched'),
          application(2027, 'pending', { visa: 'H-1B', rankListCertifiedAt: null }),
        ],
      };
  }
}

/**
 * Pathway records for the demo's clients that have none yet, spread over every stage, and each
 * client's stage as the engine computes it. Idempotent: clients with records are left alone.
 */
export async function seedDemoPathways(dataSource: DataSource, now = new Date()): Promise<number> {
  const today = civilDateOf(now, 'America/New_York');
  const clients: Client[] = await dataSource.query(
    `SELECT c.id, c.status, c.career_goal AS "careerGoal" FROM clients c JOIN centers ce ON ce.id = c.center_id
      WHERE ce.slug LIKE 'wbc-%' AND c.anonymized_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM exam_records e WHERE e.client_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM credential_records r WHERE r.client_id = c.id)
      ORDER BY c.created_at, c.id`,
  );
  await dataSource.transaction(async (manager) => {
    for (const [i, client] of clients.entries()) {
      const records = scenario(i, today);
      const pathwayRecords: PathwayRecords = {
        client: { status: client.status, careerGoal: client.careerGoal },
        exams: records.exams.map((e, k) => ({ ...e, id: `e${k}` })),
        credentials: records.credentials,
        clinicalExperiences: records.experiences.map((x, k) => ({ ...x, id: `x${k}` })),
        matchApplications: records.applications.map((a, k) => ({ ...a, id: `a${k}` })),
      };
      const result = evaluatePathway(pathwayRecords, calendar.seasons, PATHWAY_RULES, now);
      const insert = (entity: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]) =>
        rows.length
          ? manager.createQueryBuilder().insert().into(entity).values(rows).callListeners(false).execute()
          : undefined;
      await insert(
        ExamRecordEntity,
        records.exams.map(({ oetScores, ...e }) => ({
          ...e,
          clientId: client.id,
          oetListening: oetScores?.listening ?? null,
          oetReading: oetScores?.reading ?? null,
          oetWriting: oetScores?.writing ?? null,
          oetSpeaking: oetScores?.speaking ?? null,
        })),
      );
      await insert(
        CredentialRecordEntity,
        records.credentials ? [{ ...records.credentials, clientId: client.id }] : [],
      );
      await insert(
        ClinicalExperienceEntity,
        records.experiences.map((x) => ({
          ...x,
          clientId: client.id,
          institution: 'Denver Health Medical Center',
          specialty: 'Internal Medicine',
          state: 'CO',
          hours: 320,
        })),
      );
      await insert(
        MatchApplicationEntity,
        records.applications.map((a) => ({
          ...a,
          clientId: client.id,
          specialties: ['Family Medicine'],
          programsApplied: 90,
          matchedProgram: a.result.startsWith('matched') ? 'Example Community Family Medicine Residency' : null,
          matchedSpecialty: a.result.startsWith('matched') ? 'Family Medicine' : null,
          matchedState: a.result.startsWith('matched') ? 'PA' : null,
          startDate: a.result.startsWith('matched') ? `${a.season}-07-01` : null,
        })),
      );
      await storeDerivedColumns(manager, [derivedColumnsOf(client.id, pathwayRecords, result)]);
    }
  });
  return clients.length;
}
