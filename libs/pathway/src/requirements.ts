import { latestPass } from './attempts';
import { addDays, addMonths, CivilDate, latest } from './civil-date';
import { oetVerdict } from './oet';
import { ExamRecord, PathwayRecords } from './records';
import { PathwayRules } from './rules';

/** Where the client stands on each requirement of ECFMG certification. */
export interface CertificationStatus {
  certified: boolean;
  /** The certificate's date, when issued. */
  certifiedOn: CivilDate | null;
  step1: boolean;
  step2ck: boolean;
  /** Clinical and communication skills: an accepted Pathway plus a valid OET, or an old Step 2 CS pass. */
  clinicalSkills: boolean;
  oet: boolean;
  pathwayValidated: boolean;
  credentialsVerified: boolean;
  /** When the last of diploma and transcript was verified, once both are and the school is listed. */
  credentialsVerifiedOn: CivilDate | null;
  /** Step 1 and Step 2 CK were passed more than 7 years apart: the first no longer counts. */
  sevenYearBroken: boolean;
  /** The exam requirements, which must be met by the rank-list certification deadline. */
  examsMet: boolean;
}

/**
 * The latest pass of `exam` dated on or before `asOf` (the latest of any when `asOf` is null): after
 * a retake for ECFMG's 7-year window, the retake's pass is the one that counts.
 */
export function passedBy(
  records: PathwayRecords,
  exam: ExamRecord['exam'],
  asOf: CivilDate | null,
): ExamRecord | undefined {
  return latestPass(records.exams, exam, asOf);
}

/** Where the client stands, now or (with `asOf`) as the records stood on that day. */
export function certificationStatus(
  records: PathwayRecords,
  rules: PathwayRules,
  asOf: CivilDate | null = null,
): CertificationStatus {
  const c = records.credentials;
  const pass1 = passedBy(records, 'USMLE_STEP1', asOf);
  const pass2 = passedBy(records, 'USMLE_STEP2_CK', asOf);
  const step1 = Boolean(pass1);
  const step2ck = Boolean(pass2);
  const passDates = [pass1?.testDate, pass2?.testDate].filter((d): d is CivilDate => Boolean(d)).sort();
  const sevenYearBroken = passDates.length === 2 && passDates[1] > addMonths(passDates[0], rules.sevenYear.years * 12);
  const valid = oetVerdict(records.exams, c, rules).valid;
  const oet = valid !== null && (asOf === null || (valid.testDate as CivilDate) <= asOf);
  // An accepted Pathway counts from its acceptance date, when recorded (undated: as recorded now).
  const acceptedOn = c?.ecfmgPathwayAcceptedAt ?? null;
  const pathwayValidated =
    c?.ecfmgPathwayStatus === 'validated' && (asOf === null || acceptedOn === null || acceptedOn <= asOf);
  const clinicalSkills = Boolean(c?.step2CsPassedAt) || (pathwayValidated && oet);
  const credentialsVerifiedOn =
    c?.diplomaVerifiedAt && c.transcriptVerifiedAt && c.schoolListedInWorldDirectory
      ? latest([c.diplomaVerifiedAt, c.transcriptVerifiedAt])
      : null;
  const credentialsVerified = credentialsVerifiedOn !== null;
  const certifiedOn = c?.certificateIssuedAt ?? null;
  return {
    certified: certifiedOn !== null,
    certifiedOn,
    credentialsVerifiedOn,
    step1,
    step2ck,
    clinicalSkills,
    oet,
    pathwayValidated,
    credentialsVerified,
    sevenYearBroken,
    examsMet: step1 && step2ck && clinicalSkills && !sevenYearBroken,
  };
}

/**
 * The day a pass's result was reported: the recorded result date, else its test day plus the exam's
 * usual lead time (null when neither is recorded).
 */
export function resultReportedOn(exam: ExamRecord, rules: PathwayRules): CivilDate | null {
  if (exam.resultDate) return exam.resultDate;
  return exam.testDate ? addDays(exam.testDate, rules.resultLeadTime.days[exam.exam]) : null;
}

/**
 * The requirements as ECFMG could have verified them by `deadline` (the rank-list deadline): a pass
 * counts once its result is reported, not on its test day; an accepted Pathway from its acceptance
 * date (one recorded without a date counts as accepted).
 */
export function certificationStatusReportedBy(
  records: PathwayRecords,
  rules: PathwayRules,
  deadline: CivilDate,
): CertificationStatus {
  const reported = records.exams.filter((e) => {
    const on = e.status === 'passed' ? resultReportedOn(e, rules) : deadline;
    return on !== null && on <= deadline;
  });
  return certificationStatus({ ...records, exams: reported }, rules, deadline);
}
