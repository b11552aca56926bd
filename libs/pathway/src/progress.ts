import { attemptsAt, chronologically, latestPass } from './attempts';
import { CivilDate, latest } from './civil-date';
import { Finding } from './findings';
import { oetVerdict } from './oet';
import { deadlinePassed, seasonDate, seasonDeadline } from './deadlines';
import {
  isMatched,
  latestApplication as latestSeasonOf,
  matchDayPassed,
  resultsDue,
  soapUnderWay,
} from './match-season';
import { Exam, MatchApplicationRecord, MatchSeason, PathwayRecords, US_CLINICAL_KINDS, UsmleStep } from './records';
import { CertificationStatus } from './requirements';
import { PATHWAY_RULES, PathwayRules } from './rules';

export const STAGES = [
  'intake',
  'credentialing',
  'exams',
  'ecfmg_certified',
  'clinical_experience',
  'applying',
  'matched',
  'in_residency',
  'alternative_career',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

export const MILESTONES = [
  'credentials_verified',
  'step1',
  'step2_ck',
  'oet',
  'ecfmg_pathway',
  'ecfmg_certificate',
  'us_clinical_experience',
  'letters_of_recommendation',
  'eras',
  'nrmp',
  'rank_list',
  'match_result',
  'step3',
] as const;
export type Milestone = (typeof MILESTONES)[number];
export type MilestoneState = 'done' | 'in_progress' | 'todo' | 'blocked' | 'not_applicable';

export interface ChecklistItem {
  milestone: Milestone;
  state: MilestoneState;
  /** When it was done (or, for work in progress, the date it is set for). */
  date: CivilDate | null;
}

const inResidency = (a: MatchApplicationRecord) => a.residencyBegan;

/**
 * The stage, by precedence: a closed record, then an alternative career, then the furthest point
 * reached on the road to residency (in residency > matched > applying > clinical experience after
 * certification > certified > exams > credentialing > intake). Matched and applying follow the
 * latest season: matched in 2025 and applying for 2027 is applying; a residency begun in any season
 * stays in residency (a preliminary-year resident applies again). A latest season still pending after
 * its Match Day stays applying until its result is recorded, which a finding asks for.
 */
export function stageOf(records: PathwayRecords, status: CertificationStatus): Stage {
  if (records.client.status === 'closed') return 'closed';
  if (records.client.careerGoal === 'alternative_career') return 'alternative_career';
  const applications = records.matchApplications;
  if (applications.some(inResidency)) return 'in_residency';
  const latestSeason = latestSeasonOf(records);
  if (latestSeason && isMatched(latestSeason)) return 'matched';
  if (latestSeason?.result === 'pending') return 'applying';
  const experienced = records.clinicalExperiences.some(
    (x) => US_CLINICAL_KINDS.includes(x.kind) && (x.status === 'completed' || x.status === 'ongoing'),
  );
  if (status.certified && experienced) return 'clinical_experience';
  if (status.certified) return 'ecfmg_certified';
  if (records.exams.some((e) => e.status !== 'cancelled')) return 'exams';
  const c = records.credentials;
  if (
    c &&
    (c.usmleId || c.diplomaVerifiedAt || c.transcriptVerifiedAt || c.certificationApplicationAt || c.ecfmgPathway)
  )
    return 'credentialing';
  return 'intake';
}

/** The exams oldest first: each `find` below means the earliest such record, whatever the row order. */
const oldestFirst = (records: PathwayRecords) => [...records.exams].sort(chronologically);

function examItem(records: PathwayRecords, exam: Exam, milestone: Milestone, blockedBy: Finding[]): ChecklistItem {
  const pass = latestPass(records.exams, exam);
  if (pass) return { milestone, state: 'done', date: pass.testDate };
  const underway = oldestFirst(records).find(
    (e) => e.exam === exam && ['scheduled', 'taken', 'result_pending'].includes(e.status),
  );
  if (blockedBy.length > 0) return { milestone, state: 'blocked', date: null };
  if (underway) return { milestone, state: 'in_progress', date: underway.testDate ?? underway.scheduledDate };
  return { milestone, state: 'todo', date: null };
}

/** Every milestone with its state and date. */
export function checklistOf(
  records: PathwayRecords,
  status: CertificationStatus,
  findings: Finding[],
  rules: PathwayRules,
): ChecklistItem[] {
  const c = records.credentials;
  const blockers = findings.filter((f) => f.severity === 'blocker');
  const blockingExam = (exam: Exam) =>
    blockers.filter(
      (f) =>
        ['ALL_STEPS_BARRED', 'SEVEN_YEAR_WINDOW_CLOSED'].includes(f.code) ||
        (f.code === 'ATTEMPT_LIMIT_REACHED' && f.exam === exam),
    );
  const residency = records.client.careerGoal === 'residency';
  const latestApplication = latestSeasonOf(records);
  const oet = oetVerdict(records.exams, c, rules).valid;
  const experiences = records.clinicalExperiences;
  const clinical = experiences.filter((x) => US_CLINICAL_KINDS.includes(x.kind));
  const completed = clinical.filter((x) => x.status === 'completed');
  const item = (milestone: Milestone, state: MilestoneState, date: CivilDate | null = null): ChecklistItem => ({
    milestone,
    state,
    date,
  });
  // An unmatched or withdrawn season is over: the next one starts from ERAS again.
  const seasonOver = latestApplication?.result === 'unmatched' || latestApplication?.result === 'withdrawn';
  const applicationItem = (milestone: Milestone, date: CivilDate | null): ChecklistItem => {
    if (!residency) return item(milestone, 'not_applicable');
    return date && !seasonOver
      ? item(milestone, 'done', date)
      : item(milestone, latestApplication?.result === 'pending' ? 'in_progress' : 'todo');
  };

  const step3Needed = status.certified || records.matchApplications.some((a) => a.visa === 'H-1B');
  const step3 = latestPass(records.exams, 'USMLE_STEP3');
  return [
    status.credentialsVerified
      ? item('credentials_verified', 'done', status.credentialsVerifiedOn)
      : item('credentials_verified', c?.diplomaVerifiedAt || c?.transcriptVerifiedAt ? 'in_progress' : 'todo'),
    examItem(records, 'USMLE_STEP1', 'step1', blockingExam('USMLE_STEP1')),
    examItem(records, 'USMLE_STEP2_CK', 'step2_ck', blockingExam('USMLE_STEP2_CK')),
    c?.step2CsPassedAt
      ? item('oet', 'not_applicable')
      : oet
        ? item('oet', 'done', oet.testDate)
        : examItem(
            { ...records, exams: records.exams.filter((e) => e.status !== 'passed') },
            'OET_MEDICINE',
            'oet',
            [],
          ),
    c?.step2CsPassedAt
      ? item('ecfmg_pathway', 'not_applicable')
      : status.pathwayValidated
        ? item('ecfmg_pathway', 'done')
        : item(
            'ecfmg_pathway',
            c?.ecfmgPathwayStatus === 'submitted'
              ? 'in_progress'
              : c?.ecfmgPathwayStatus === 'rejected'
                ? 'blocked'
                : 'todo',
          ),
    status.certified
      ? item('ecfmg_certificate', 'done', status.certifiedOn)
      : item('ecfmg_certificate', c?.certificationApplicationAt ? 'in_progress' : 'todo'),
    completed.length > 0
      ? item('us_clinical_experience', 'done', latest(completed.map((x) => x.endDate ?? '').filter(Boolean)))
      : item(
          'us_clinical_experience',
          clinical.some((x) => x.status === 'ongoing') ? 'in_progress' : residency ? 'todo' : 'not_applicable',
        ),
    experiences.some((x) => x.letterReceivedAt)
      ? item(
          'letters_of_recommendation',
          'done',
          latest(experiences.map((x) => x.letterReceivedAt ?? '').filter(Boolean)),
        )
      : item(
          'letters_of_recommendation',
          experiences.some((x) => x.letterRequestedAt) ? 'in_progress' : residency ? 'todo' : 'not_applicable',
        ),
    applicationItem('eras', latestApplication?.erasSubmittedAt ?? null),
    applicationItem('nrmp', latestApplication?.nrmpRegisteredAt ?? null),
    applicationItem('rank_list', latestApplication?.rankListCertifiedAt ?? null),
    !residency
      ? item('match_result', 'not_applicable')
      : records.matchApplications.some(inResidency) || (latestApplication && isMatched(latestApplication))
        ? item('match_result', 'done')
        : item('match_result', latestApplication?.result === 'pending' ? 'in_progress' : 'todo'),
    step3
      ? item('step3', 'done', step3.testDate)
      : !step3Needed
        ? item('step3', 'not_applicable')
        : examItem(
            records,
            'USMLE_STEP3',
            'step3',
            blockers.filter((f) => f.code === 'STEP3_NEEDS_CERTIFICATION'),
          ),
  ];
}

export const NEXT_STEP_CODES = [
  'verify_credentials',
  'await_result',
  'reapply_for_exam',
  'schedule_exam',
  'take_exam',
  'report_result',
  'plan_retake',
  'book_oet',
  'apply_for_exam',
  'apply_ecfmg_pathway',
  'apply_ecfmg_certification',
  'find_clinical_experience',
  'ask_for_letter',
  'submit_eras',
  'register_nrmp',
  'certify_rank_list',
  'rank_list_deadline_passed',
  'record_match_result',
  'apply_in_soap',
  'answer_soap_offers',
] as const;
export type NextStepCode = (typeof NEXT_STEP_CODES)[number];

/** A next step as facts (what, which exam, which date or season): its words are written per language elsewhere. */
export interface NextStep {
  code: NextStepCode;
  exam?: Exam;
  date?: CivilDate;
  season?: number;
  /** The deadline's instant (ISO-8601 with offset) when its time of day matters (NRMP's 9 p.m. ET). */
  at?: string;
}

function scheduleStep(records: PathwayRecords, exam: UsmleStep | 'OET_MEDICINE', today: CivilDate): NextStep {
  const awaiting = oldestFirst(records).find(
    (e) => e.exam === exam && (e.status === 'taken' || e.status === 'result_pending'),
  );
  if (awaiting) return { code: 'await_result', exam, date: awaiting.testDate as CivilDate };
  const planned = oldestFirst(records).find(
    (e) => e.exam === exam && e.status === 'planned' && (e.extensionEnd ?? e.eligibilityEnd),
  );
  const windowEnd = planned ? ((planned.extensionEnd ?? planned.eligibilityEnd) as CivilDate) : null;
  if (windowEnd && windowEnd < today) return { code: 'reapply_for_exam', exam, date: windowEnd };
  if (windowEnd) return { code: 'schedule_exam', exam, date: windowEnd };
  const scheduled = oldestFirst(records).find((e) => e.exam === exam && e.status === 'scheduled' && e.scheduledDate);
  if (scheduled) {
    const date = scheduled.scheduledDate as CivilDate;
    // A booked date gone by: the exam was sat (or moved) and the record has not caught up, so asking
    // to "take it on" a past day would be wrong; ask for what happened instead.
    return { code: date < today ? 'report_result' : 'take_exam', exam, date };
  }
  if (exam !== 'OET_MEDICINE' && attemptsAt(records.exams, exam).some((e) => e.status === 'failed'))
    return { code: 'plan_retake', exam };
  return exam === 'OET_MEDICINE' ? { code: 'book_oet', exam } : { code: 'apply_for_exam', exam };
}

/**
 * Concrete next steps, at most five: first what the Match season cannot wait for (a result gone
 * unrecorded past Match Day, SOAP's four days), then in the order the road goes.
 */
export function nextStepsOf(
  records: PathwayRecords,
  checklist: ChecklistItem[],
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules = PATHWAY_RULES,
  now?: Date,
): NextStep[] {
  const state = Object.fromEntries(checklist.map((i) => [i.milestone, i.state])) as Record<Milestone, MilestoneState>;
  const open = (m: Milestone) => state[m] === 'todo' || state[m] === 'in_progress';
  if (records.client.status === 'closed') return [];
  const steps: NextStep[] = resultsDue(records, calendar, today, rules).map(({ season, matchDay }): NextStep => ({
    code: 'record_match_result',
    season,
    ...(matchDay ? { date: matchDay } : {}),
  }));
  const soap = soapUnderWay(records, calendar, today, rules)?.window;
  if (soap) {
    steps.push({ code: 'apply_in_soap', season: soap.season, date: soap.opens });
    steps.push({ code: 'answer_soap_offers', season: soap.season, date: soap.closes });
  }
  if (open('credentials_verified')) steps.push({ code: 'verify_credentials' });
  if (open('step1')) steps.push(scheduleStep(records, 'USMLE_STEP1', today));
  if (open('step2_ck')) steps.push(scheduleStep(records, 'USMLE_STEP2_CK', today));
  if (open('oet')) steps.push(scheduleStep(records, 'OET_MEDICINE', today));
  if (state.ecfmg_pathway === 'todo') steps.push({ code: 'apply_ecfmg_pathway' });
  if (state.ecfmg_certificate === 'todo' && state.step1 === 'done' && state.step2_ck === 'done')
    steps.push({ code: 'apply_ecfmg_certification' });
  if (open('us_clinical_experience')) steps.push({ code: 'find_clinical_experience' });
  if (state.letters_of_recommendation === 'todo' && state.us_clinical_experience !== 'todo')
    steps.push({ code: 'ask_for_letter' });
  // The season of the application under way (pending, its Match Day still ahead: the latest such),
  // else the next one whose rank-list deadline is ahead.
  const underWay = records.matchApplications
    .filter((a) => a.result === 'pending' && !matchDayPassed(calendar, a.season, today, rules))
    .sort((a, b) => b.season - a.season)[0];
  const season = underWay?.season ?? nextSeason(calendar, today, now);
  // The Match steps once Step 1 and Step 2 CK are passed, or once an application is under way:
  // telling someone in the middle of their exams to submit ERAS now would mislead them.
  const readyForMatch = (state.step1 === 'done' && state.step2_ck === 'done') || underWay !== undefined;
  if (season && readyForMatch && records.client.careerGoal === 'residency') {
    const submit = seasonDate(calendar, season, 'eras_submission_opens');
    const rank = seasonDeadline(calendar, season, 'rank_list_deadline');
    // Once the rank-list deadline has gone by, applying or registering for that Match is moot.
    const rankPassed = rank !== null && deadlinePassed(rank, today, now);
    // The opening date only while it is ahead: once open, the step is simply to submit.
    if (open('eras') && !rankPassed)
      steps.push({ code: 'submit_eras', season, ...(submit && submit >= today ? { date: submit } : {}) });
    if (open('nrmp') && !rankPassed) steps.push({ code: 'register_nrmp', season });
    // A deadline gone by is not shown as one to meet: it says what it means (issue 21, item 3).
    if (open('rank_list') && rank)
      steps.push({
        code: deadlinePassed(rank, today, now) ? 'rank_list_deadline_passed' : 'certify_rank_list',
        season,
        date: rank.date,
        at: rank.at,
      });
  }
  if (state.step3 === 'todo') steps.push(scheduleStep(records, 'USMLE_STEP3', today));
  return steps.slice(0, 5);
}

/** The Match whose rank-list deadline is still ahead (the season under way), if the calendar has one. */
export function nextSeason(calendar: readonly MatchSeason[], today: CivilDate, now?: Date): number | null {
  const ahead = calendar
    .map((s) => ({ year: s.matchYear, deadline: seasonDeadline(calendar, s.matchYear, 'rank_list_deadline') }))
    .filter((s) => s.deadline !== null && !deadlinePassed(s.deadline, today, now))
    .sort((a, b) => a.year - b.year);
  return ahead[0]?.year ?? null;
}
